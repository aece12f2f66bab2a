package dev.heapscope.sim;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The thread that runs a virtual board's tasks, and its succession: when a chunk is stuck in a Java call
 * that never reaches a budget check, the watchdog abandons that thread and a fresh one carries the board on.
 * Only the live thread and the coroutine threads it started may touch the board ({@link #checkLive()}); an
 * abandoned one is interrupted, stopped where the JDK still allows it, and otherwise left to unwind at its next
 * touch of the board.
 */
final class BoardThread {
    private static final System.Logger LOG = System.getLogger(BoardThread.class.getName());

    /** What one turn of the loop does besides running the next task. */
    interface Loop {
        /** How long to wait for a task before {@link #afterTask()} runs anyway. */
        long pollMillis();

        /** After each task (or an idle poll), on the live thread: real-time timers. */
        void afterTask();

        /** A task failed with something no script should be able to cause (logged already): say so on the console. */
        void failed(Throwable error);
    }

    static Loop loop(java.util.function.LongSupplier pollMillis, Runnable afterTask,
                     java.util.function.Consumer<Throwable> failed) {
        return new Loop() {
            @Override
            public long pollMillis() {
                return pollMillis.getAsLong();
            }

            @Override
            public void afterTask() {
                afterTask.run();
            }

            @Override
            public void failed(Throwable error) {
                failed.accept(error);
            }
        };
    }

    /** A task whose caller waits for it: told when its thread was abandoned, so the caller is not left waiting. */
    interface Awaited {
        void abandoned();
    }

    private final LinkedBlockingQueue<Runnable> tasks;
    private final Loop loop;
    private volatile Thread live;
    // LuaJ runs each coroutine on a Java thread of its own, started from the thread that resumes it: the
    // generation is inherited, so a coroutine of an abandoned thread is fenced off with it
    private final InheritableThreadLocal<Object> generationOfThread = new InheritableThreadLocal<>();
    private volatile Object liveGeneration;
    private volatile Runnable current;
    private volatile boolean running = true;
    private int generation;

    BoardThread(LinkedBlockingQueue<Runnable> tasks, Loop loop) {
        this.tasks = tasks;
        this.loop = loop;
    }

    /** Starts the first thread (power-on); later threads come from {@link #abandon}. */
    synchronized void start() {
        if (live == null) {
            spawn(() -> { });
        }
    }

    boolean isLive() {
        return Thread.currentThread() == live;
    }

    /**
     * Throws in any thread but the live one and its coroutines: an abandoned thread must not print, allocate or
     * run on.
     */
    void checkLive() {
        Object generation = generationOfThread.get();
        if (generation == null || generation != liveGeneration) {
            throw new AbandonedBoardThread();
        }
    }

    boolean isAlive() {
        Thread thread = live;
        return thread != null && thread.isAlive();
    }

    /** The live thread (for the watchdog's CPU-time reading), or null before power-on. */
    Thread live() {
        return live;
    }

    /**
     * Gives up on the live thread: a new one becomes live, runs {@code successor} first (the reboot), then the
     * queued tasks. The caller waiting for the abandoned task is released.
     */
    synchronized void abandon(Runnable successor, Thread stuckCoroutine) {
        Thread stuck = live;
        Runnable task = current;
        spawn(successor);
        release(stuck, task);
        if (stuckCoroutine != null && stuckCoroutine != stuck) {
            release(stuckCoroutine, null);
        }
    }

    /** The board closes: the loop ends; a thread that does not come back within {@code graceMillis} is abandoned. */
    void stop(long graceMillis) {
        running = false;
        tasks.add(() -> { });
        Thread thread = live;
        if (thread == null || thread == Thread.currentThread()) {
            return;
        }
        try {
            thread.join(graceMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            synchronized (this) {
                live = null;
                liveGeneration = null;
                release(thread, current);
            }
        }
    }

    /** A new thread becomes live before it starts, so it never sees itself as abandoned. */
    private void spawn(Runnable first) {
        generation++;
        Object token = new Object();
        Thread thread = new Thread(() -> {
            generationOfThread.set(token);
            run(first);
        }, generation == 1 ? "virtual-board" : "virtual-board-" + generation);
        thread.setDaemon(true);
        live = thread;
        liveGeneration = token;
        thread.start();
    }

    private void run(Runnable first) {
        Thread self = Thread.currentThread();
        try {
            first.run();
        } catch (Throwable e) {
            if (live == self) {
                fail(e);
            }
        }
        while (running && live == self) {
            try {
                Runnable task = tasks.poll(loop.pollMillis(), TimeUnit.MILLISECONDS);
                if (task != null) {
                    current = task;
                    task.run();
                }
                if (live == self) {
                    current = null;
                    loop.afterTask();
                }
            } catch (InterruptedException e) {
                if (live != self) {
                    return;
                }
            } catch (Throwable e) {
                if (live != self) {
                    return; // abandoned: unwound at its first touch of the board, or stopped
                }
                current = null;
                fail(e);
            }
        }
    }

    private void fail(Throwable e) {
        // the board survives anything a script does; a bug here must not kill the console
        LOG.log(System.Logger.Level.ERROR, "virtual board task failed", e);
        loop.failed(e);
    }

    private static void release(Thread stuck, Runnable task) {
        if (task instanceof Awaited awaited) {
            awaited.abandoned();
        }
        stuck.setPriority(Thread.MIN_PRIORITY);
        stuck.interrupt();
        stopOrLeave(stuck);
    }

    /**
     * Reclaims the CPU from a thread stuck in a call that never checks: {@code Thread.stop()} works up to JDK 19;
     * from JDK 20 it throws, and the thread is left to unwind at its next touch of the board (it may keep a core
     * busy until then, but it can no longer print, allocate or trace).
     */
    @SuppressWarnings({"deprecation", "removal"})
    private static void stopOrLeave(Thread stuck) {
        try {
            stuck.stop();
        } catch (UnsupportedOperationException e) {
            LOG.log(System.Logger.Level.WARNING, "a stuck board thread cannot be stopped on this JDK; it is fenced off");
        }
    }
}
