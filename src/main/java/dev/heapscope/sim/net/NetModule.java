package dev.heapscope.sim.net;

import dev.heapscope.sim.lib.BoardContext;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

import java.util.EnumMap;
import java.util.Map;

/**
 * NodeMCU's {@code net} module as components/modules/net.c (dev-esp32) has it, over the virtual network:
 * {@code createServer}, {@code createConnection}, {@code createUDPSocket}, {@code net.dns}, multicast. Each
 * socket is a userdata of {@code lnet_userdata}'s size whose {@code __gc} is {@code net_delete}; the registry
 * references it takes are net.c's (simulator/FIRMWARE-FACTS.md §N). One per boot. Board thread only.
 */
public final class NetModule {
    static final int TYPE_TCP = 1;
    static final int TYPE_UDP = 2;
    private static final int DNS_MAX_SERVERS = 2;

    final BoardContext board;
    final VirtualNetwork network;
    final LwipMemory memory;
    final NetStack stack;
    private final Map<NetSocket.Type, LuaTable> metatables = new EnumMap<>(NetSocket.Type.class);
    private final String[] dnsServers = new String[DNS_MAX_SERVERS];
    private final LuaTable module = new LuaTable();
    private int created;

    private NetModule(BoardContext board, VirtualNetwork network) {
        this.board = board;
        this.network = network;
        this.memory = new LwipMemory(board);
        this.stack = new NetStack(this);
        SocketApi api = new SocketApi(this);
        for (NetSocket.Type type : NetSocket.Type.values()) {
            metatables.put(type, api.metatable(type));
        }
        LuaArgs.put(module, "createServer", this::createServer);
        LuaArgs.put(module, "createConnection", this::createConnection);
        LuaArgs.put(module, "createUDPSocket", args -> newSocket(NetSocket.Type.UDP_SOCKET).userdata);
        LuaArgs.put(module, "multicastJoin", args -> multicast(args, "multicastJoin"));
        LuaArgs.put(module, "multicastLeave", args -> multicast(args, "multicastLeave"));
        LuaTable dns = new LuaTable();
        LuaArgs.put(dns, "resolve", this::resolve);
        LuaArgs.put(dns, "setdnsserver", this::setDnsServer);
        LuaArgs.put(dns, "getdnsserver", this::getDnsServer);
        module.set("dns", dns);
        module.set("TCP", TYPE_TCP);
        module.set("UDP", TYPE_UDP);
    }

    public static LuaTable create(BoardContext board, VirtualNetwork network) {
        return new NetModule(board, network).module;
    }

    /** net_create: the userdata, its metatable, every reference LUA_NOREF. */
    NetSocket newSocket(NetSocket.Type type) {
        NetSocket socket = new NetSocket(type, ++created);
        socket.userdata = board.newUserdata(socket, LwipMemory.LNET_USERDATA_BYTES, metatables.get(type),
                "net_create", () -> stack.delete(socket));
        return socket;
    }

    private Varargs createServer(Varargs args) {
        int type = LuaArgs.optInteger(board, args, 1, "createServer", TYPE_TCP);
        int timeout = LuaArgs.optInteger(board, args, 2, "createServer", 30);
        if (type == TYPE_UDP) {
            return newSocket(NetSocket.Type.UDP_SOCKET).userdata;
        }
        if (type != TYPE_TCP) {
            throw LuaArgs.error("invalid type");
        }
        NetSocket server = newSocket(NetSocket.Type.TCP_SERVER);
        server.timeoutSeconds = timeout;
        return server.userdata;
    }

    private Varargs createConnection(Varargs args) {
        int type = LuaArgs.optInteger(board, args, 1, "createConnection", TYPE_TCP);
        int secure = LuaArgs.optInteger(board, args, 2, "createConnection", 0);
        if (type == TYPE_UDP) {
            return newSocket(NetSocket.Type.UDP_SOCKET).userdata;
        }
        if (type != TYPE_TCP) {
            throw LuaArgs.error("invalid type");
        }
        if (secure != 0) {
            throw LuaArgs.error("secure connections not yet supported");
        }
        return newSocket(NetSocket.Type.TCP_CLIENT).userdata;
    }

    /** net.dns.resolve(domain, function(ip)): the callback is referenced until the answer arrives. */
    private Varargs resolve(Varargs args) {
        String domain = LuaArgs.checkString(board, args, 1, "resolve");
        LuaValue callback = LuaArgs.checkFunction(board, args, 2, "resolve");
        int event = memory.dnsEvent("net_dns_static");
        int ref = board.ref(callback, "net.dns.resolve callback");
        stack.resolve(domain, address -> {
            memory.freeDnsEvent(event);
            LuaValue function = board.refValue(ref);
            board.unref(ref);
            board.runCallback(function, address == null ? LuaValue.NIL : board.newString(
                    address.getBytes(java.nio.charset.StandardCharsets.US_ASCII), "ldnsstatic_cb"));
        });
        return LuaValue.NONE;
    }

    private Varargs setDnsServer(Varargs args) {
        String server = LuaArgs.checkString(board, args, 1, "setdnsserver");
        if (server.length() > 16 || !Ipv4.valid(server) || server.equals("0.0.0.0")) {
            throw LuaArgs.error("invalid dns server ip");
        }
        int index = LuaArgs.optInteger(board, args, 2, "setdnsserver", 0);
        checkServerIndex(index);
        dnsServers[index] = server;
        return LuaValue.NONE;
    }

    private Varargs getDnsServer(Varargs args) {
        int index = LuaArgs.optInteger(board, args, 1, "getdnsserver", 0);
        checkServerIndex(index);
        String server = dnsServers[index];
        if (server == null && index == 0) {
            server = network.stationAddress().map(ip -> WifiAddresses.GATEWAY).orElse(null);
        }
        return server == null ? LuaValue.NIL : LuaValue.valueOf(server);
    }

    private static void checkServerIndex(int index) {
        if (index >= DNS_MAX_SERVERS) {
            throw LuaArgs.error("server index out of range [0-" + (DNS_MAX_SERVERS - 1) + "]");
        }
    }

    /** net_multicastJoinLeave: checks the addresses' lengths; the virtual network has no multicast traffic. */
    private Varargs multicast(Varargs args, String function) {
        if (!args.arg(1).isstring()) {
            throw LuaArgs.error("wrong arg type");
        }
        String ifIp = args.arg(1).tojstring();
        if (ifIp.isEmpty() || ifIp.equalsIgnoreCase("any")) {
            ifIp = "0.0.0.0";
        }
        if (ifIp.length() > 15 || ifIp.length() < 7) {
            throw LuaArgs.error("invalid if ip");
        }
        if (!args.arg(2).isstring()) {
            throw LuaArgs.error("wrong arg type");
        }
        String group = args.arg(2).tojstring();
        if (group.length() > 15 || group.length() < 7) {
            throw LuaArgs.error("invalid multicast ip");
        }
        return LuaValue.NONE;
    }
}
