package dev.heapscope.transport;

import java.io.Closeable;
import java.util.Optional;

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

    /** Line speed in baud, or 0 when the link is not a UART (the in-process simulator, unpaced). */
    default int baudRate() {
        return 0;
    }

    /** Follows the board to a new console speed ({@code uart.setup}); links without a speed ignore it. */
    default void setBaudRate(int baudRate) throws TransportException {
    }

    /**
     * Resets the board the way dev boards' auto-reset circuit expects (RTS pulses EN with DTR
     * released, so it boots the application). Returns false when this link has no reset line.
     */
    default boolean resetBoard() throws TransportException {
        return false;
    }

    /**
     * A side channel to the board's free-heap counter, when the link has one; heap polls then read it instead
     * of running {@code =node.heap()}, so that polling does not itself allocate on the board.
     */
    default Optional<HeapCounter> heapCounter() {
        return Optional.empty();
    }

    @Override
    void close();
}
