package dev.heapscope.sim.net;

/** A peer's end of a TCP connection with the board. */
public interface PeerSocket {
    /** Bytes towards the board; they arrive after the network's latency, in order. */
    void send(byte[] data);

    /** The peer closes the connection (the board sees a disconnection). */
    void close();
}
