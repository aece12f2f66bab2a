package dev.heapscope.transport.serial;

import java.util.concurrent.TimeUnit;

/**
 * Keeps writes no faster than a real UART carries them (8N1: ten bits a byte), in chunks of about 10 ms
 * of line time. A USB bridge accepts bytes far faster than its UART sends them, and the board's console
 * drops what overflows its receive buffer; pacing keeps long pastes whole.
 */
final class LinePacer {
    static final int BITS_PER_BYTE_8N1 = 10;

    private long lineFreeAtNanos;

    /** Bytes per chunk at {@code baudRate}: what the line carries in 10 ms, at least one. */
    static int chunkBytes(int baudRate) {
        return Math.max(1, baudRate / BITS_PER_BYTE_8N1 / 100);
    }

    /** Sleeps until the previous chunk would have left the line, then books {@code length} bytes at {@code baudRate}. */
    void waitForLine(int length, int baudRate) throws InterruptedException {
        long now = System.nanoTime();
        long waitNanos = lineFreeAtNanos - now;
        if (waitNanos > 0) {
            TimeUnit.NANOSECONDS.sleep(waitNanos);
        }
        long chunkNanos = length * BITS_PER_BYTE_8N1 * 1_000_000_000L / baudRate;
        lineFreeAtNanos = Math.max(now, lineFreeAtNanos) + chunkNanos;
    }
}
