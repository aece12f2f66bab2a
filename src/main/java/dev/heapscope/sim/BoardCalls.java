package dev.heapscope.sim;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;

/** Runs work on the board thread from any thread, in the order it was asked for, and waits for it. */
final class BoardCalls {
    private final BoardThread thread;
    private final LinkedBlockingQueue<Runnable> tasks;

    BoardCalls(BoardThread thread, LinkedBlockingQueue<Runnable> tasks) {
        this.thread = thread;
        this.tasks = tasks;
    }

    void call(Runnable action) {
        run(new Pending<>(() -> {
            action.run();
            return null;
        }, true));
    }

    <T> CompletableFuture<T> later(Supplier<T> action) {
        Pending<T> pending = new Pending<>(action, false);
        tasks.add(pending);
        return pending.result;
    }

    /** On the board thread itself the action runs at once (a task may call the board's own API). */
    <T> T callValue(Supplier<T> action) {
        return run(new Pending<>(action, false));
    }

    private <T> T run(Pending<T> pending) {
        if (thread.isLive()) {
            return pending.action.get();
        }
        if (!thread.isAlive()) {
            throw new IllegalStateException("the virtual board is not running: call boot() first");
        }
        tasks.add(pending);
        try {
            return pending.result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the virtual board", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("virtual board task failed", e.getCause());
        }
    }

    /**
     * A task someone waits for. If the watchdog abandons the thread running it, an action that returns nothing
     * counts as done (the board rebooted, as a real one would mid-way); one whose value is awaited fails.
     */
    private static final class Pending<T> implements Runnable, BoardThread.Awaited {
        final Supplier<T> action;
        final boolean returnsNothing;
        final CompletableFuture<T> result = new CompletableFuture<>();

        Pending(Supplier<T> action, boolean returnsNothing) {
            this.action = action;
            this.returnsNothing = returnsNothing;
        }

        @Override
        public void run() {
            try {
                result.complete(action.get());
            } catch (AbandonedBoardThread e) {
                throw e; // its caller was released when the thread was abandoned
            } catch (Throwable e) {
                result.completeExceptionally(e); // the caller sees it, as with CompletableFuture.supplyAsync
            }
        }

        @Override
        public void abandoned() {
            if (returnsNothing) {
                result.complete(null);
            } else {
                result.completeExceptionally(new IllegalStateException("the virtual board rebooted (task watchdog)"));
            }
        }
    }
}
