package dev.heapscope.sim.net;

import org.luaj.vm2.LuaValue;

/**
 * net.c's {@code lnet_userdata}: what a server, TCP socket or UDP socket holds, including its registry
 * references ({@code LUA_NOREF} when none) and, standing for its {@code struct netconn}, the lwIP blocks
 * it owns. Board thread only.
 */
final class NetSocket {
    static final int NOREF = -2;

    enum Type {
        TCP_SERVER("net.tcpserver"), TCP_CLIENT("net.tcpsocket"), UDP_SOCKET("net.udpsocket");

        final String metatableName;

        Type(String metatableName) {
            this.metatableName = metatableName;
        }
    }

    final Type type;
    final int number;
    LuaValue userdata = LuaValue.NIL;
    int selfRef = NOREF;
    int port;
    boolean closing;

    // server
    int acceptRef = NOREF;
    int timeoutSeconds;

    // clients and UDP
    int waitDns;
    int dnsRef = NOREF;
    int receiveRef = NOREF;
    int sentRef = NOREF;
    boolean connecting;
    long numSend;
    int connectRef = NOREF;
    int disconnectRef = NOREF;
    int reconnectRef = NOREF;

    /** Non-null while the socket has a netconn (net.c's {@code ud->netconn}). */
    Netconn netconn;

    NetSocket(Type type, int number) {
        this.type = type;
        this.number = number;
    }

    String label() {
        return type.metatableName + "#" + number;
    }

    /** The lwIP side of a socket: its blocks, its addresses and, once connected, the link to the peer. */
    static final class Netconn {
        int netconnBlock;
        int mboxBlock;
        int queueBlock;
        int pcbBlock;
        boolean listening;
        String localAddress = "0.0.0.0";
        int localPort;
        String peerAddress;
        int peerPort;
        TcpLink link;
        /** Bytes written and not yet acknowledged (tcp_sndbuf is what is left of TCP_SND_BUF). */
        int unacked;
        final java.util.ArrayDeque<int[]> queuedSegments = new java.util.ArrayDeque<>();
    }
}
