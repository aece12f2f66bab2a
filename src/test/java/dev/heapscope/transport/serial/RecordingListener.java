package dev.heapscope.transport.serial;

import dev.heapscope.transport.TransportListener;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Keeps everything a transport delivers, and notes whether bytes came after the disconnect. */
final class RecordingListener implements TransportListener {
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final CountDownLatch disconnect = new CountDownLatch(1);
    final List<String> disconnectReasons = new CopyOnWriteArrayList<>();
    final List<Thread> deliveringThreads = new CopyOnWriteArrayList<>();
    volatile boolean bytesAfterDisconnect;

    @Override
    public void bytesReceived(byte[] buffer, int length, long hostMillis) {
        if (!disconnectReasons.isEmpty()) {
            bytesAfterDisconnect = true;
        }
        if (!deliveringThreads.contains(Thread.currentThread())) {
            deliveringThreads.add(Thread.currentThread());
        }
        synchronized (received) {
            received.write(buffer, 0, length);
            received.notifyAll();
        }
    }

    @Override
    public void disconnected(String reason) {
        disconnectReasons.add(reason);
        disconnect.countDown();
    }

    byte[] bytes() {
        synchronized (received) {
            return received.toByteArray();
        }
    }

    /** Waits until at least {@code count} bytes arrived; returns what arrived. */
    byte[] awaitBytes(int count, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        synchronized (received) {
            while (received.size() < count && System.currentTimeMillis() < deadline) {
                received.wait(Math.max(1, deadline - System.currentTimeMillis()));
            }
            return received.toByteArray();
        }
    }

    boolean awaitDisconnect(long timeoutMillis) throws InterruptedException {
        return disconnect.await(timeoutMillis, TimeUnit.MILLISECONDS);
    }
}
