package dev.heapscope.session;

import dev.heapscope.transport.Transport;
import dev.heapscope.transport.TransportException;
import dev.heapscope.transport.TransportListener;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Passes a link through and keeps every write the session makes, in order, as text: what went down the
 * wire to the board. It offers no heap counter, so heap polls run {@code =node.heap()} as on a real board.
 */
final class WireRecorder implements Transport {
    private final Transport inner;
    private final List<String> writes = new CopyOnWriteArrayList<>();

    WireRecorder(Transport inner) {
        this.inner = inner;
    }

    /** Every write so far, each as the text it carried. */
    List<String> writes() {
        return List.copyOf(writes);
    }

    @Override
    public void open(TransportListener listener) throws TransportException {
        inner.open(listener);
    }

    @Override
    public void write(byte[] bytes) throws TransportException {
        writes.add(new String(bytes, StandardCharsets.ISO_8859_1));
        inner.write(bytes);
    }

    @Override
    public String describe() {
        return inner.describe();
    }

    @Override
    public boolean isOpen() {
        return inner.isOpen();
    }

    @Override
    public void close() {
        inner.close();
    }
}
