package dev.heapscope.transport.serial;

import dev.heapscope.transport.pty.PseudoTerminal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** The board end of a pseudo-terminal: a thread that keeps what the host sends. */
final class FakeBoard implements AutoCloseable {
    final PseudoTerminal pty;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final Thread reader;
    private volatile boolean draining;

    FakeBoard(boolean draining) throws IOException {
        this.pty = PseudoTerminal.open();
        this.draining = draining;
        this.reader = new Thread(this::drain, "fake-board " + pty.slavePath());
        reader.setDaemon(true);
        reader.start();
    }

    private void drain() {
        byte[] buffer = new byte[4096];
        try {
            while (true) {
                if (!draining) {
                    Thread.sleep(10);
                    if (pty.isClosed()) {
                        return;
                    }
                    continue;
                }
                int n = pty.read(buffer, 100);
                if (n < 0) {
                    return;
                }
                synchronized (received) {
                    received.write(buffer, 0, n);
                    received.notifyAll();
                }
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    void startDraining() {
        draining = true;
    }

    byte[] awaitBytes(int count, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        synchronized (received) {
            while (received.size() < count && System.currentTimeMillis() < deadline) {
                received.wait(Math.max(1, deadline - System.currentTimeMillis()));
            }
            return received.toByteArray();
        }
    }

    boolean awaitEnding(byte[] suffix, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        synchronized (received) {
            while (System.currentTimeMillis() < deadline) {
                byte[] all = received.toByteArray();
                if (all.length >= suffix.length && java.util.Arrays.equals(all, all.length - suffix.length,
                        all.length, suffix, 0, suffix.length)) {
                    return true;
                }
                received.wait(Math.max(1, deadline - System.currentTimeMillis()));
            }
            return false;
        }
    }

    String path() {
        return pty.slavePath();
    }

    /** Unplugs: the host sees the port vanish. */
    @Override
    public void close() throws InterruptedException {
        pty.close();
        reader.join(2_000);
    }

    boolean readerEnded() {
        return !reader.isAlive();
    }
}
