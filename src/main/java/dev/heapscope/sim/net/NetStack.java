package dev.heapscope.sim.net;

import dev.heapscope.sim.lib.BoardContext;
import dev.heapscope.sim.lib.BoardEvents;
import org.luaj.vm2.LuaError;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What lwIP and net.c's task handlers do below the Lua API: DNS, connect, listen, accept, write, close and
 * delete, on the virtual network's latency. What reaches Lua goes through {@link SocketCallbacks}.
 */
final class NetStack {
    /** A DNS query to the AP's resolver and back. */
    static final long DNS_MICROS = 5_000;
    static final int ERR_OK = 0;
    static final int ERR_BUF = -2;
    static final int ERR_INPROGRESS = -5;
    static final int ERR_WOULDBLOCK = -7;
    static final int ERR_USE = -8;
    static final int ERR_CONN = -11;
    static final int ERR_RST = -14;

    private final NetModule net;
    private final BoardContext board;
    private final LwipMemory memory;
    private final VirtualNetwork network;
    final SocketCallbacks callbacks;
    private final Set<String> dnsCache = new HashSet<>();
    private int nextEphemeralPort = 49152;

    NetStack(NetModule net) {
        this.net = net;
        this.board = net.board;
        this.memory = net.memory;
        this.network = net.network;
        this.callbacks = new SocketCallbacks(board);
    }

    private BoardEvents events() {
        return board.events();
    }

    /** dns_gethostbyname, answered in a later task (a literal address or a cached name at once). */
    void resolve(String domain, Consumer<String> answer) {
        if (Ipv4.valid(domain)) {
            events().after(0, () -> answer.accept(domain));
            return;
        }
        Optional<String> address = network.stationAddress().flatMap(ip -> network.resolve(domain));
        String key = domain.toLowerCase(java.util.Locale.ROOT);
        long delay = network.stationAddress().isEmpty() || dnsCache.contains(key) ? 0 : DNS_MICROS;
        events().after(delay, () -> {
            address.ifPresent(ip -> dnsCache.add(key));
            answer.accept(address.orElse(null));
        });
    }

    /** lnet_socket_resolve_dns: the socket references itself while a lookup is pending. */
    void resolveForSocket(NetSocket socket, String domain, String luaFunction) {
        socket.waitDns++;
        if (socket.selfRef == NetSocket.NOREF) {
            socket.selfRef = board.ref(socket.userdata, socket.label() + " (self)");
        }
        int event = memory.dnsEvent(luaFunction);
        resolve(domain, address -> {
            memory.freeDnsEvent(event);
            dnsFound(socket, address);
        });
    }

    /** ldnsfound_cb. */
    private void dnsFound(NetSocket socket, String address) {
        callbacks.dns(socket, address);
        socket.waitDns--;
        if (socket.netconn != null && socket.type == NetSocket.Type.TCP_CLIENT && !socket.connecting) {
            socket.connecting = true;
            tcpConnect(socket, socket.netconn, address);
        } else if (socket.netconn == null && socket.waitDns == 0) {
            callbacks.dropSelf(socket);
        }
    }

    /** netconn_connect: a SYN to the address; without a route (no Wi-Fi, no address) lwIP gives up silently. */
    private void tcpConnect(NetSocket socket, NetSocket.Netconn conn, String address) {
        Optional<String> station = network.stationAddress();
        if (address == null || station.isEmpty() || address.equals("0.0.0.0")) {
            return;
        }
        conn.localAddress = station.get();
        conn.localPort = nextEphemeralPort++;
        conn.peerAddress = address;
        conn.peerPort = socket.port;
        Optional<TcpService> service = network.service(address, socket.port, TcpService.class);
        events().after(2 * TcpLink.ONE_WAY_MICROS, () -> {
            if (socket.netconn != conn) {
                return;
            }
            if (service.isEmpty()) {
                refused(socket, conn);
                return;
            }
            conn.link = new TcpLink(events(), boardEnd(socket));
            conn.link.attach(service.get().accepted(conn.link));
            callbacks.connected(socket);
        });
    }

    /** The peer answered the SYN with RST: err_tcp posts ERROR, RCVPLUS(0) and SENDPLUS(0), in that order. */
    private void refused(NetSocket socket, NetSocket.Netconn conn) {
        memory.freePcb(conn);
        callbacks.error(socket, ERR_RST);
        socket.closing = true;
        callbacks.error(socket, ERR_OK);
        callbacks.connected(socket);
    }

    private TcpLink.BoardEnd boardEnd(NetSocket socket) {
        return new TcpLink.BoardEnd() {
            @Override
            public void received(byte[] data) {
                if (socket.netconn == null) {
                    return;
                }
                // lwIP hands the data over per segment: one receive callback per MSS
                for (int from = 0; from < data.length; from += LwipMemory.TCP_MSS) {
                    byte[] segment = Arrays.copyOfRange(data, from, Math.min(data.length, from + LwipMemory.TCP_MSS));
                    int[] blocks = memory.received(segment.length, true);
                    callbacks.received(socket, segment, null, 0);
                    memory.consumed(blocks);
                }
            }

            @Override
            public void peerClosed() {
                if (socket.netconn != null) {
                    socket.closing = true;
                    callbacks.error(socket, ERR_OK);
                }
            }
        };
    }

    NetSocket.Netconn newTcpNetconn(NetSocket socket) {
        return memory.newNetconn(socket, true, "net_connect");
    }

    NetSocket.Netconn newUdpNetconn(NetSocket socket) {
        return memory.newNetconn(socket, false, "net_send");
    }

    /** TCP server or UDP socket: netconn_new, bind (and listen). Throws as lwip_lua_checkerr. */
    void listen(NetSocket socket, int port, String address) {
        boolean tcp = socket.type == NetSocket.Type.TCP_SERVER;
        NetSocket.Netconn conn = memory.newNetconn(socket, tcp, "net_listen");
        socket.netconn = conn;
        if (port != 0 && tcp && network.boardPortOpen(port)) {
            socket.closing = true;
            memory.delete(conn);
            socket.netconn = null;
            throw new LuaError("address in use");
        }
        conn.localPort = port != 0 ? port : nextEphemeralPort++;
        conn.localAddress = address;
        socket.port = conn.localPort;
        if (tcp) {
            memory.listen(conn, socket);
            network.openBoardPort(conn.localPort, client -> accept(socket, conn, client));
        }
    }

    /** A peer's SYN reached a listening server: laccept_cb runs one latency later. */
    private PeerSocket accept(NetSocket server, NetSocket.Netconn listening, PeerHandler client) {
        NetSocket[] accepted = new NetSocket[1];
        TcpLink link = new TcpLink(events(), new TcpLink.BoardEnd() {
            @Override
            public void received(byte[] data) {
                if (accepted[0] != null) {
                    boardEnd(accepted[0]).received(data);
                }
            }

            @Override
            public void peerClosed() {
                if (accepted[0] != null) {
                    boardEnd(accepted[0]).peerClosed();
                }
            }
        });
        link.attach(client);
        events().after(TcpLink.ONE_WAY_MICROS, () -> {
            if (server.netconn != listening) {
                link.boardClosed();
                return;
            }
            NetSocket socket = net.newSocket(NetSocket.Type.TCP_CLIENT);
            socket.selfRef = board.ref(socket.userdata, socket.label() + " (self)");
            socket.netconn = memory.acceptedNetconn(socket);
            socket.netconn.link = link;
            socket.netconn.localAddress = network.stationAddress().orElse("0.0.0.0");
            socket.netconn.localPort = listening.localPort;
            socket.netconn.peerAddress = "192.168.10.50";
            socket.netconn.peerPort = nextEphemeralPort++;
            accepted[0] = socket;
            callbacks.accepted(server, socket);
        });
        return link;
    }

    /** netconn_write_partly, non-blocking, NETCONN_COPY; returns lwIP's err_t. */
    int write(NetSocket socket, byte[] data) {
        NetSocket.Netconn conn = socket.netconn;
        if (socket.connecting) {
            return ERR_INPROGRESS;
        }
        if (conn.pcbBlock == 0 || conn.link == null) {
            return ERR_CONN;
        }
        int room = LwipMemory.TCP_SND_BUF - conn.unacked;
        if (room <= 0) {
            return ERR_WOULDBLOCK;
        }
        int length = Math.min(room, data.length);
        int[] blocks = memory.writeSegments(conn, socket, length);
        conn.unacked += length;
        conn.link.fromBoard(Arrays.copyOf(data, length), () -> {
            if (socket.netconn == conn) {
                conn.unacked -= length;
                memory.acknowledged(conn, blocks);
                callbacks.sent(socket, length);
            }
        });
        return length == data.length ? ERR_OK : ERR_BUF;
    }

    /** netconn_sendto of a UDP datagram (the netbuf lives only during the call). */
    void sendDatagram(NetSocket socket, int port, String address, byte[] data) {
        int[] blocks = memory.received(data.length, false);
        memory.consumed(blocks);
        Optional<UdpService> service = network.stationAddress().isEmpty() ? Optional.empty()
                : network.service(address, port, UdpService.class);
        NetSocket.Netconn conn = socket.netconn;
        service.ifPresent(peer -> events().after(TcpLink.ONE_WAY_MICROS, () -> peer.received(data.clone(),
                reply -> events().after(TcpLink.ONE_WAY_MICROS, () -> {
                    if (socket.netconn == conn) {
                        int[] rx = memory.received(reply.length, false);
                        callbacks.received(socket, reply, address, port);
                        memory.consumed(rx);
                    }
                }))));
    }

    /** netconn_close_and_delete; a server's port closes. */
    void closeNetconn(NetSocket socket) {
        NetSocket.Netconn conn = socket.netconn;
        socket.closing = true;
        if (conn.listening) {
            network.closeBoardPort(conn.localPort);
        }
        if (conn.link != null) {
            conn.link.boardClosed();
        }
        memory.delete(conn);
        socket.netconn = null;
    }

    /** net_delete, the __gc: the netconn goes, then every reference the socket holds. */
    void delete(NetSocket socket) {
        if (socket.netconn != null) {
            closeNetconn(socket);
        }
        callbacks.releaseAll(socket);
    }

    boolean hasRoute() {
        return network.stationAddress().isPresent();
    }
}
