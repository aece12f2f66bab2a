package dev.heapscope.sim;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A console listener that, the first time the board prints {@code STUCK}, holds the board thread inside that
 * Java call without ever reaching a budget check: a call that never comes back. It spins (burning CPU, as a
 * runaway loop in LuaJ's internals would) or blocks (using none), and survives {@code Thread.stop()} the way a
 * call that catches every throwable would, so that only the board's fences can keep it off the board.
 */
final class StuckCall implements ConsoleOutput {
    private final boolean spin;
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch returned = new CountDownLatch(1);
    private volatile boolean used;
    volatile long spins;

    StuckCall(boolean spin) {
        this.spin = spin;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        if (used || !new String(bytes, offset, length, StandardCharsets.ISO_8859_1).contains("STUCK")) {
            return;
        }
        used = true;
        entered.countDown();
        try {
            holdUntilReleased();
        } finally {
            returned.countDown();
        }
    }

    private void holdUntilReleased() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (release.getCount() > 0 && System.nanoTime() < deadline) {
            try {
                if (spin) {
                    spins++;
                } else {
                    release.await(100, TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException | ThreadDeath swallowed) {
                // keeps holding: the board must not rely on the stuck thread giving up
            }
        }
    }

    boolean awaitEntered() throws InterruptedException {
        return entered.await(30, TimeUnit.SECONDS);
    }

    /** Lets the stuck call come back, and waits until it has. */
    boolean releaseAndAwaitReturn() throws InterruptedException {
        release.countDown();
        return returned.await(30, TimeUnit.SECONDS);
    }
}
