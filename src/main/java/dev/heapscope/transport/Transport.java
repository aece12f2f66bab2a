package dev.heapscope.transport;

import java.io.Closeable;

/**
 * A byte pipe to a NodeMCU console: a serial port, the in-process virtual board, or a replayed log.
 * Received bytes are delivered on the transport's own thread to the listener given to {@link #open}.
 */
public interface Transport extends Closeable {

    /** Starts delivering bytes to {@code listener}. */
    void open(TransportListener listener) throws TransportException;

    /** Sends bytes to the board; blocks while the line is paced. */
    void write(byte[] bytes) throws TransportException;

    /** A short description for status bars and logs (port path, "Simulator (esp32-wroom)"). */
    String describe();

    boolean isOpen();

    @Override
    void close();
}
