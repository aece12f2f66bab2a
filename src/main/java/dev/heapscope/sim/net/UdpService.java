package dev.heapscope.sim.net;

import java.util.function.Consumer;

/** A peer's UDP port: what it does with a datagram from the board ({@code reply} sends one back to the sender). */
public interface UdpService {
    void received(byte[] datagram, Consumer<byte[]> reply);
}
