package dev.heapscope.sim.net;

import dev.heapscope.sim.lib.BoardContext;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * The methods of net.c's three metatables ({@code net.tcpserver}, {@code net.tcpsocket},
 * {@code net.udpsocket}) with their argument checks, error strings and registry references.
 */
final class SocketApi {
    private final BoardContext board;
    private final NetStack stack;

    SocketApi(NetModule net) {
        this.board = net.board;
        this.stack = net.stack;
    }

    LuaTable metatable(NetSocket.Type type) {
        LuaTable methods = new LuaTable();
        LuaTable metatable = new LuaTable();
        switch (type) {
            case TCP_SERVER -> {
                LuaArgs.put(methods, "listen", args -> listen(socket(args, type, "listen"), args));
                LuaArgs.put(methods, "getaddr", args -> getaddr(socket(args, type, "getaddr")));
                LuaArgs.put(methods, "close", args -> close(socket(args, type, "close")));
            }
            case TCP_CLIENT -> {
                LuaArgs.put(methods, "connect", args -> connect(socket(args, type, "connect"), args));
                LuaArgs.put(methods, "close", args -> close(socket(args, type, "close")));
                LuaArgs.put(methods, "on", args -> on(socket(args, type, "on"), args));
                LuaArgs.put(methods, "send", args -> send(socket(args, type, "send"), args));
                LuaArgs.put(methods, "dns", args -> dns(socket(args, type, "dns"), args));
                LuaArgs.put(methods, "getpeer", args -> getpeer(socket(args, type, "getpeer")));
                LuaArgs.put(methods, "getaddr", args -> getaddr(socket(args, type, "getaddr")));
            }
            case UDP_SOCKET -> {
                LuaArgs.put(methods, "listen", args -> listen(socket(args, type, "listen"), args));
                LuaArgs.put(methods, "close", args -> close(socket(args, type, "close")));
                LuaArgs.put(methods, "on", args -> on(socket(args, type, "on"), args));
                LuaArgs.put(methods, "send", args -> send(socket(args, type, "send"), args));
                LuaArgs.put(methods, "dns", args -> dns(socket(args, type, "dns"), args));
                LuaArgs.put(methods, "getaddr", args -> getaddr(socket(args, type, "getaddr")));
            }
            default -> throw new IllegalStateException();
        }
        metatable.set("__index", methods);
        LuaArgs.put(metatable, "__gc", args -> {
            stack.delete(socket(args, type, "__gc"));
            return LuaValue.NONE;
        });
        return metatable;
    }

    /** net_get_udata: anything but a net userdata is "invalid user data"; another net type fails luaL_checkudata. */
    private NetSocket socket(Varargs args, NetSocket.Type type, String function) {
        if (args.arg1() instanceof LuaUserdata userdata && userdata.m_instance instanceof NetSocket socket) {
            if (socket.type != type) {
                throw board.argError(1, function, type.metatableName + " expected, got userdata");
            }
            return socket;
        }
        throw LuaArgs.error("invalid user data");
    }

    private Varargs listen(NetSocket socket, Varargs args) {
        if (socket.netconn != null) {
            throw LuaArgs.error("already listening");
        }
        int index = 2;
        int port = 0;
        String address = "0.0.0.0";
        if (args.arg(index).isnumber()) {
            port = LuaArgs.integerOf(board, args.arg(index++).todouble(), 2, "listen") & 0xffff;
        }
        if (args.arg(index).isstring()) {
            address = args.arg(index++).tojstring();
        }
        if (!Ipv4.valid(address)) {
            throw LuaArgs.error("invalid IP address");
        }
        if (socket.type == NetSocket.Type.TCP_SERVER) {
            LuaValue callback = args.arg(index);
            if (!callback.isfunction()) {
                throw LuaArgs.error("need callback");
            }
            board.unref(socket.acceptRef);
            socket.acceptRef = board.ref(callback, socket.label() + " connection callback");
        }
        stack.listen(socket, port, address);
        if (socket.selfRef == NetSocket.NOREF) {
            socket.selfRef = board.ref(socket.userdata, socket.label() + " (listening)");
        }
        return LuaValue.NONE;
    }

    private Varargs connect(NetSocket socket, Varargs args) {
        if (socket.netconn != null) {
            throw LuaArgs.error("already connected");
        }
        int port = LuaArgs.checkInteger(board, args, 2, "connect") & 0xffff;
        if (port == 0) {
            throw LuaArgs.error("specify port");
        }
        String domain = args.arg(3).isstring() ? args.arg(3).tojstring() : "127.0.0.1";
        socket.netconn = stack.newTcpNetconn(socket);
        socket.port = port;
        stack.resolveForSocket(socket, domain, "net_connect");
        return LuaValue.NONE;
    }

    private Varargs on(NetSocket socket, Varargs args) {
        String name = LuaArgs.checkString(board, args, 2, "on");
        boolean tcp = socket.type == NetSocket.Type.TCP_CLIENT;
        String slot = switch (name) {
            case "connection", "disconnection", "reconnection" -> tcp ? name : null;
            case "dns", "receive", "sent" -> name;
            default -> null;
        };
        if (slot == null) {
            throw LuaArgs.error("invalid callback name");
        }
        LuaValue callback = args.arg(3);
        if (!callback.isfunction() && !callback.isnil()) {
            throw LuaArgs.error("invalid callback function");
        }
        int old = slotRef(socket, slot);
        board.unref(old);
        int ref = callback.isnil() ? NetSocket.NOREF : board.ref(callback, socket.label() + " " + slot + " callback");
        switch (slot) {
            case "connection" -> socket.connectRef = ref;
            case "disconnection" -> socket.disconnectRef = ref;
            case "reconnection" -> socket.reconnectRef = ref;
            case "dns" -> socket.dnsRef = ref;
            case "receive" -> socket.receiveRef = ref;
            default -> socket.sentRef = ref;
        }
        return LuaValue.NONE;
    }

    private static int slotRef(NetSocket socket, String slot) {
        return switch (slot) {
            case "connection" -> socket.connectRef;
            case "disconnection" -> socket.disconnectRef;
            case "reconnection" -> socket.reconnectRef;
            case "dns" -> socket.dnsRef;
            case "receive" -> socket.receiveRef;
            default -> socket.sentRef;
        };
    }

    private Varargs send(NetSocket socket, Varargs args) {
        int index = 2;
        int port = 0;
        String address = null;
        boolean udp = socket.type == NetSocket.Type.UDP_SOCKET;
        if (udp) {
            port = LuaArgs.checkInteger(board, args, index++, "send") & 0xffff;
            if (port == 0) {
                throw LuaArgs.error("need port");
            }
            address = LuaArgs.checkString(board, args, index++, "send");
            if (!Ipv4.valid(address)) {
                throw LuaArgs.error("invalid IP address");
            }
        }
        LuaArgs.checkString(board, args, index, "send");
        org.luaj.vm2.LuaString text = args.arg(index++).checkstring();
        byte[] data = new byte[text.m_length];
        text.copyInto(0, data, 0, data.length);
        if (data.length == 0) {
            throw LuaArgs.error("no data to send");
        }
        socket.numSend = data.length;
        if (args.arg(index).isfunction()) {
            board.unref(socket.sentRef);
            socket.sentRef = board.ref(args.arg(index), socket.label() + " sent callback");
        }
        if (udp && socket.netconn == null) {
            socket.netconn = stack.newUdpNetconn(socket);
            if (socket.selfRef == NetSocket.NOREF) {
                socket.selfRef = board.ref(socket.userdata, socket.label() + " (bound)");
            }
        }
        if (socket.netconn == null || socket.selfRef == NetSocket.NOREF) {
            throw LuaArgs.error("not connected");
        }
        if (udp) {
            stack.sendDatagram(socket, port, address, data);
            if (socket.sentRef != NetSocket.NOREF) { // net.c calls it at once, unprotected (lua_call)
                board.refValue(socket.sentRef).call(board.refValue(socket.selfRef));
            }
            return LuaValue.NONE;
        }
        checkErr(stack.write(socket, data));
        return LuaValue.NONE;
    }

    private Varargs dns(NetSocket socket, Varargs args) {
        String domain = LuaArgs.checkString(board, args, 2, "dns");
        if (args.arg(3).isfunction()) {
            board.unref(socket.dnsRef);
            socket.dnsRef = board.ref(args.arg(3), socket.label() + " dns callback");
        }
        if (socket.dnsRef == NetSocket.NOREF) {
            throw LuaArgs.error("no callback specified");
        }
        stack.resolveForSocket(socket, domain, "net_dns");
        return LuaValue.NONE;
    }

    private Varargs getpeer(NetSocket socket) {
        NetSocket.Netconn conn = socket.netconn;
        if (conn == null || conn.peerAddress == null || conn.peerPort == 0) {
            return LuaValue.varargsOf(LuaValue.NIL, LuaValue.NIL);
        }
        return LuaValue.varargsOf(LuaValue.valueOf(conn.peerPort), LuaValue.valueOf(conn.peerAddress));
    }

    private Varargs getaddr(NetSocket socket) {
        NetSocket.Netconn conn = socket.netconn;
        if (conn == null || conn.localPort == 0) {
            return LuaValue.varargsOf(LuaValue.NIL, LuaValue.NIL);
        }
        return LuaValue.varargsOf(LuaValue.valueOf(conn.localPort), LuaValue.valueOf(conn.localAddress));
    }

    /** net_close: the netconn goes; the self reference too, unless a client still waits for DNS. */
    private Varargs close(NetSocket socket) {
        if (socket.netconn == null) {
            throw LuaArgs.error("not connected");
        }
        stack.closeNetconn(socket);
        if (socket.type == NetSocket.Type.TCP_SERVER || socket.waitDns == 0) {
            stack.callbacks.dropSelf(socket);
        }
        return LuaValue.NONE;
    }

    /** lwip_lua_checkerr's messages. */
    static void checkErr(int err) {
        String message = switch (err) {
            case NetStack.ERR_OK -> null;
            case NetStack.ERR_BUF -> "buffer error";
            case NetStack.ERR_INPROGRESS -> "in progress";
            case NetStack.ERR_WOULDBLOCK -> "would block";
            case NetStack.ERR_USE -> "address in use";
            case NetStack.ERR_CONN -> "not connected";
            default -> "unknown error";
        };
        if (message != null) {
            throw new LuaError(message);
        }
    }
}
