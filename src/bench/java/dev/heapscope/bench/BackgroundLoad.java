package dev.heapscope.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The "under load" of the redraw timings: {@code threads} busy threads, each allocating byte arrays of
 * 0–64 KiB without pause and keeping the last 2,048 of them (about 64 MiB live per thread), so the
 * collector has young garbage to sweep and survivors to promote while the FX thread redraws, and the
 * two cores have more runnable threads than they can run at once.
 */
public final class BackgroundLoad implements AutoCloseable {
    private static final int KEPT = 2_048;
    private static final int LARGEST = 64 * 1024;

    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;
    private volatile long sink;

    public BackgroundLoad(int count) {
        for (int i = 0; i < count; i++) {
            long seed = 17L * (i + 1);
            Thread thread = new Thread(() -> churn(seed), "bench-load-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    private void churn(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[][] kept = new byte[KEPT][];
        long touched = 0;
        for (int i = 0; running; i = (i + 1) % KEPT) {
            byte[] bytes = new byte[random.nextInt(LARGEST)];
            if (bytes.length > 0) {
                bytes[random.nextInt(bytes.length)] = (byte) i;
                touched += bytes[bytes.length / 2];
            }
            kept[i] = bytes;
        }
        sink = touched;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
