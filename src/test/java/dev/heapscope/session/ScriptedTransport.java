package dev.heapscope.session;

import dev.heapscope.transport.Transport;
import dev.heapscope.transport.TransportListener;

import java.util.List;

/** A board that only talks: delivers fixed chunks of console bytes, in order, on its own thread. */
final class ScriptedTransport implements Transport {
    private final List<byte[]> chunks;
    private volatile boolean open;

    ScriptedTransport(List<byte[]> chunks) {
        this.chunks = List.copyOf(chunks);
    }

    @Override
    public void open(TransportListener listener) {
        open = true;
        Thread talker = new Thread(() -> {
            for (byte[] chunk : chunks) {
                listener.bytesReceived(chunk.clone(), chunk.length, System.currentTimeMillis());
            }
        }, "scripted-board");
        talker.setDaemon(true);
        talker.start();
    }

    @Override
    public void write(byte[] bytes) {
        // a board that only talks ignores what it is sent
    }

    @Override
    public String describe() {
        return "scripted board";
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
    }
}
