package dev.heapscope.fuzz;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs each input on a worker thread under a deadline, so a hang is a recorded finding and not a stuck build.
 * A worker past its deadline is stopped ({@link Thread#stop}, deprecated but still working on Java 17): a
 * harness-only last resort, since a spinning worker would otherwise take one of the two cores for the rest of
 * the campaign. The product never does this; the hang itself is the bug reported.
 */
final class Watchdog implements AutoCloseable {
    private final long deadlineMillis;
    private final AtomicReference<Thread> worker = new AtomicReference<>();
    private ExecutorService executor;

    Watchdog(long deadlineMillis) {
        this.deadlineMillis = deadlineMillis;
        this.executor = newExecutor();
    }

    /** The outcome, or a {@link Hang} when the deadline passed first. An exception of the task comes out as itself. */
    <T> T run(Callable<T> task) throws Exception {
        Future<T> future = executor.submit(task);
        try {
            return future.get(deadlineMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            abandonWorker();
            throw new Hang(deadlineMillis);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw new EscapedError(e.getCause());
        }
    }

    @SuppressWarnings({"deprecation", "removal"})
    private void abandonWorker() {
        Thread stuck = worker.get();
        executor.shutdownNow();
        if (stuck != null) {
            stop(stuck);
        }
        executor = newExecutor();
    }

    @SuppressWarnings({"deprecation", "removal"})
    static void stop(Thread stuck) {
        try {
            stuck.stop();
        } catch (UnsupportedOperationException e) {
            stuck.interrupt(); // a later JDK: the thread is left to its daemon fate
        }
    }

    private ExecutorService newExecutor() {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "fuzz-worker");
            thread.setDaemon(true);
            worker.set(thread);
            return thread;
        });
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** The input did not come back within the deadline. */
    static final class Hang extends Exception {
        Hang(long millis) {
            super("no result within " + millis + " ms");
        }
    }

    /** An {@link Error} (out of memory, stack overflow) the code under test let out. */
    static final class EscapedError extends Exception {
        EscapedError(Throwable error) {
            super(error);
        }
    }
}
