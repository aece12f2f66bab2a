package dev.heapscope.sim.net;

import dev.heapscope.sim.lib.BoardContext;
import org.luaj.vm2.LuaValue;

import java.nio.charset.StandardCharsets;

/**
 * net.c's Lua event dispatch ({@code lconnected_cb}, {@code lrecv_cb}, {@code lsent_cb}, {@code lerr_cb},
 * {@code laccept_cb}, {@code ldnsfound_cb}) and the reference bookkeeping around it: which callback runs,
 * with which arguments, and when the socket's self reference is dropped.
 */
final class SocketCallbacks {
    private final BoardContext board;

    SocketCallbacks(BoardContext board) {
        this.board = board;
    }

    private LuaValue self(NetSocket socket) {
        return board.refValue(socket.selfRef);
    }

    private LuaValue text(String value, String cFunction) {
        return value == null ? LuaValue.NIL : board.newString(value.getBytes(StandardCharsets.US_ASCII), cFunction);
    }

    /** ldnsfound_cb's Lua part: the "dns" callback, while the socket still references itself. */
    void dns(NetSocket socket, String address) {
        if (socket.selfRef != NetSocket.NOREF && socket.dnsRef != NetSocket.NOREF) {
            board.runCallback(board.refValue(socket.dnsRef),
                    LuaValue.varargsOf(self(socket), text(address, "ldnsfound_cb")));
        }
    }

    /** EVT_CONNECTED: only a socket that is connecting gets "connection". */
    void connected(NetSocket socket) {
        if (socket.type != NetSocket.Type.TCP_CLIENT || !socket.connecting) {
            return;
        }
        socket.connecting = false;
        if (socket.selfRef != NetSocket.NOREF && socket.connectRef != NetSocket.NOREF) {
            board.runCallback(board.refValue(socket.connectRef), self(socket));
        }
    }

    /** lrecv_cb: the payload becomes a Lua string charged to lrecv_cb; UDP adds the sender's port and address. */
    void received(NetSocket socket, byte[] payload, String fromAddress, int fromPort) {
        if (socket.netconn == null || socket.receiveRef == NetSocket.NOREF) {
            return;
        }
        LuaValue data = board.newString(payload, "lrecv_cb");
        if (socket.type == NetSocket.Type.UDP_SOCKET) {
            board.runCallback(board.refValue(socket.receiveRef), LuaValue.varargsOf(new LuaValue[] {
                self(socket), data, LuaValue.valueOf(fromPort), text(fromAddress, "lrecv_cb")}));
        } else {
            board.runCallback(board.refValue(socket.receiveRef), LuaValue.varargsOf(self(socket), data));
        }
    }

    /** EVT_SENT: num_send counts down (as the C size_t does); "sent" runs when it reaches zero. */
    void sent(NetSocket socket, int length) {
        socket.numSend = (socket.numSend - length) & 0xffffffffL;
        if (socket.numSend == 0 && socket.sentRef != NetSocket.NOREF) {
            board.runCallback(board.refValue(socket.sentRef), self(socket));
        }
    }

    /**
     * lerr_cb: "reconnection" for an error when one is registered, else "disconnection", with the error code;
     * then the socket stops referencing itself (unless a DNS lookup is pending).
     */
    void error(NetSocket socket, int err) {
        if (socket.netconn == null) {
            return;
        }
        int ref = err != NetStack.ERR_OK && socket.reconnectRef != NetSocket.NOREF
                ? socket.reconnectRef : socket.disconnectRef;
        if (ref != NetSocket.NOREF) {
            board.runCallback(board.refValue(ref), LuaValue.varargsOf(self(socket), LuaValue.valueOf(err)));
        }
        if (socket.waitDns == 0) {
            dropSelf(socket);
        }
    }

    /** laccept_cb: the new socket already references itself; the server's callback gets it. */
    void accepted(NetSocket server, NetSocket socket) {
        if (server.acceptRef != NetSocket.NOREF) {
            board.runCallback(board.refValue(server.acceptRef), socket.userdata);
        }
    }

    void dropSelf(NetSocket socket) {
        board.unref(socket.selfRef);
        socket.selfRef = NetSocket.NOREF;
    }

    /** net_delete's releases. */
    void releaseAll(NetSocket socket) {
        int[] refs = {socket.connectRef, socket.disconnectRef, socket.reconnectRef, socket.dnsRef,
            socket.receiveRef, socket.sentRef, socket.acceptRef};
        for (int ref : refs) {
            board.unref(ref);
        }
        socket.connectRef = socket.disconnectRef = socket.reconnectRef = NetSocket.NOREF;
        socket.dnsRef = socket.receiveRef = socket.sentRef = socket.acceptRef = NetSocket.NOREF;
        dropSelf(socket);
    }
}
