package dev.heapscope.sim.net;

/** What a peer does with one connection's traffic from the board. */
public interface PeerHandler {
    void received(byte[] data);

    /** The board closed the connection (or rebooted). */
    void closed();
}
