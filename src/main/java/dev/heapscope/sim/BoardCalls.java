package dev.heapscope.sim;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;

/** Runs work on the board thread from any thread, in the order it was asked for, and waits for it. */
final class BoardCalls {
    private final Thread thread;
    private final LinkedBlockingQueue<Runnable> tasks;

    BoardCalls(Thread thread, LinkedBlockingQueue<Runnable> tasks) {
        this.thread = thread;
        this.tasks = tasks;
    }

    void call(Runnable action) {
        callValue(() -> {
            action.run();
            return null;
        });
    }

    <T> CompletableFuture<T> later(Supplier<T> action) {
        return CompletableFuture.supplyAsync(action, tasks::add);
    }

    /** On the board thread itself the action runs at once (a task may call the board's own API). */
    <T> T callValue(Supplier<T> action) {
        if (Thread.currentThread() == thread) {
            return action.get();
        }
        if (!thread.isAlive()) {
            throw new IllegalStateException("the virtual board is not running: call boot() first");
        }
        try {
            return later(action).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the virtual board", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("virtual board task failed", e.getCause());
        }
    }
}
