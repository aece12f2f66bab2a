package dev.heapscope.sim.net;

/**
 * A TCP and UDP echo server ({@value #HOST}, port {@value #PORT}, RFC 862): every byte the board sends comes
 * back; it closes when the board does.
 */
public final class EchoPeer implements TcpService, UdpService {
    public static final String HOST = "echo.heapscope.test";
    public static final String ADDRESS = "192.168.10.7";
    public static final int PORT = 7;

    public static void install(VirtualNetwork network) {
        EchoPeer echo = new EchoPeer();
        network.addHost(HOST, ADDRESS);
        network.listen(ADDRESS, PORT, echo); // TCP and UDP alike: one object serves both
    }

    @Override
    public PeerHandler accepted(PeerSocket socket) {
        return new PeerHandler() {
            @Override
            public void received(byte[] data) {
                socket.send(data);
            }

            @Override
            public void closed() {
                socket.close();
            }
        };
    }

    @Override
    public void received(byte[] datagram, java.util.function.Consumer<byte[]> reply) {
        reply.accept(datagram);
    }
}
