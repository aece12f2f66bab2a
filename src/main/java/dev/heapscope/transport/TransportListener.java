package dev.heapscope.transport;

/** Receives what a {@link Transport} reads, on the transport's thread. */
public interface TransportListener {

    /** {@code length} bytes arrived at {@code hostMillis}; the array is reused after the call returns. */
    void bytesReceived(byte[] buffer, int length, long hostMillis);

    /** The link is gone (cable pulled, board powered off, process ended). Bytes received stay valid. */
    void disconnected(String reason);
}
