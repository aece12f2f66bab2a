package dev.heapscope.sim.net;

import dev.heapscope.sim.lib.BoardContext;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * NodeMCU's {@code mqtt} module as {@code components/modules/mqtt.c} (dev-esp32) has it, on ESP-IDF's esp-mqtt
 * client ({@link EspMqttClient}) and the virtual broker. What keeps a client alive is what keeps it alive on
 * the board: the registry holds each callback set with {@code on}, {@code connect}, {@code publish},
 * {@code subscribe}, {@code unsubscribe} (one slot each, a new one replaces the old), but the client itself
 * only through a weak proxy table ({@code luaX_weak_ref}), so a client nothing else holds is collected even
 * while connected, and one whose callback captures it is held forever. simulator/FIRMWARE-FACTS.md §mqtt cites
 * the lines. One per Lua state. Board thread only.
 */
public final class MqttModule {
    static final String TNAME = "mqtt.mt";
    private static final int MAX_CLIENT_LEN = 32;
    private static final int MAX_USERNAME_LEN = 32;
    private static final int MAX_PASSWORD_LEN = 65;
    private static final int MAX_LWT_TOPIC = 32;
    private static final int MAX_LWT_MSG = 128;

    private final BoardContext board;
    private final VirtualNetwork network;
    private final LuaTable metatable = new LuaTable();
    private final LuaTable module = new LuaTable();
    private final MqttEventTask events;
    private LuaTable weakMetatable;
    private int created;

    public MqttModule(BoardContext board, VirtualNetwork network) {
        this.board = board;
        this.network = network;
        this.events = new MqttEventTask(board);
        LuaTable methods = metatable; // mqtt.c: the metatable is its own __index
        ClientArgs.put(methods, "connect", this::connect);
        ClientArgs.put(methods, "close", args -> {
            MqttContext context = context(args, "close");
            destroyClient(context, "mqtt_close");
            return LuaValue.NONE;
        });
        ClientArgs.put(methods, "lwt", this::lwt);
        ClientArgs.put(methods, "publish", this::publish);
        ClientArgs.put(methods, "subscribe", this::subscribe);
        ClientArgs.put(methods, "unsubscribe", this::unsubscribe);
        ClientArgs.put(methods, "on", this::on);
        metatable.set("__index", metatable);
        ClientArgs.put(module, "Client", this::newClient);
    }

    public LuaTable table() {
        return module;
    }

    private MqttContext context(Varargs args, String function) {
        return ClientArgs.checkUdata(board, args, 1, function, TNAME, metatable, MqttContext.class);
    }

    /** mqtt.Client(clientid, keepalive[, username, password, cleansession]). */
    private Varargs newClient(Varargs args) {
        MqttContext context = new MqttContext(++created);
        double keepalive = args.arg(2).isnumber() ? args.arg(2).todouble() : Double.NaN;
        boolean valid = args.arg(1).isstring() && keepalive == Math.rint(keepalive)
                && keepalive >= Integer.MIN_VALUE && keepalive <= Integer.MAX_VALUE;
        // the metatable (and so __gc) is set last: a failed argument check leaves a plain userdata, whose
        // client id copy and weak self reference are never released, as on the board
        LuaUserdata userdata = board.newUserdata(context, MqttContext.STRUCT_BYTES, valid ? metatable : null,
                "mqtt_new", valid ? () -> delete(context) : null);
        context.refs[MqttContext.SELF] = board.ref(weakProxy(userdata), "mqtt client#" + context.number + " weak self");
        if (!args.arg(1).isstring()) {
            ClientArgs.checkString(board, args, 1, "Client");
        }
        context.clientId = MqttContext.allocString(board, userdata, args.arg(1), MAX_CLIENT_LEN, "mqtt_new");
        context.keepalive = ClientArgs.checkInteger(board, args, 2, "Client");
        if (args.arg(3).isstring()) {
            context.username = MqttContext.allocString(board, userdata, args.arg(3), MAX_USERNAME_LEN, "mqtt_new");
        }
        if (args.arg(4).isstring()) {
            context.password = MqttContext.allocString(board, userdata, args.arg(4), MAX_PASSWORD_LEN, "mqtt_new");
        }
        if (args.arg(5).isnumber()) {
            context.disableCleanSession = args.arg(5).todouble() == 0;
        }
        return userdata;
    }

    /** luaX_weak_ref: a table {v = client} with the shared weak-values metatable, held in the registry. */
    private LuaTable weakProxy(LuaUserdata userdata) {
        if (weakMetatable == null) {
            LuaTable contents = new LuaTable(0, 1);
            contents.rawset("__mode", LuaValue.valueOf("v"));
            weakMetatable = board.newTable(contents, "luaX_weak_ref");
            board.ref(weakMetatable, "weak reference metatable");
        }
        LuaTable contents = new LuaTable(1, 0);
        contents.rawset(1, userdata);
        LuaTable proxy = board.newTable(contents, "luaX_weak_ref");
        proxy.setmetatable(weakMetatable);
        return proxy;
    }

    /** mqtt:on(event, function): silently nothing without a function; the option is checked before the client. */
    private Varargs on(Varargs args) {
        if (!args.arg(3).isfunction()) {
            return LuaValue.NONE;
        }
        int event = ClientArgs.checkOption(board, args, 2, "on", "message", "connect", "message", "offline");
        MqttContext context = context(args, "on");
        context.setRef(board, event, args.arg(3));
        return LuaValue.NONE;
    }

    /** mqtt:connect(host[, port[, secure[, autoreconnect]]][, function(client)[, function(client, reason)]]). */
    private Varargs connect(Varargs args) {
        MqttContext context = context(args, "connect");
        destroyClient(context, "mqtt_connect");
        String host = ClientArgs.checkString(board, args, 2, "connect").tojstring();
        boolean uri = host.startsWith("mqtt://") || host.startsWith("mqtts://");
        boolean webSocket = host.startsWith("ws://") || host.startsWith("wss://");
        int port = 1883;
        int n = 3;
        if (args.arg(n).isnumber()) {
            if (uri) {
                throw new LuaError("port arg must be nil if giving full uri");
            }
            port = (int) ClientArgs.checkNumber(board, args, n, "connect");
            n++;
        } else if (args.arg(n).isnil() && n <= args.narg()) {
            n++;
        }
        if (args.arg(n).isnumber()) {
            if (uri) {
                throw new LuaError("secure on/off determined by uri");
            }
            ClientArgs.checkInteger(board, args, n, "connect"); // secure: TLS is not modelled (LUA-DIFFERENCES.md)
            n++;
        } else if (args.arg(n).isnil() && n <= args.narg()) {
            n++;
        } else if (args.arg(n).istable()) {
            certificate(context, args.arg(n), "ca_cert", MqttContext.CERT_PEM);
            certificate(context, args.arg(n), "client_cert", MqttContext.CLIENT_CERT_PEM);
            certificate(context, args.arg(n), "client_key", MqttContext.CLIENT_KEY_PEM);
            n++;
        }
        if (args.arg(n).isnumber()) {
            ClientArgs.checkInteger(board, args, n, "connect"); // autoreconnect: event_disconnected destroys the client anyway
            n++;
        }
        if (args.arg(n).isfunction()) {
            context.setRef(board, MqttContext.CONNECTED_OK, args.arg(n));
            n++;
        }
        if (args.arg(n).isfunction()) {
            context.setRef(board, MqttContext.CONNECTED_NOK, args.arg(n));
        }
        if (uri) {
            String rest = host.substring(host.indexOf("://") + 3);
            int slash = rest.indexOf('/');
            rest = slash >= 0 ? rest.substring(0, slash) : rest;
            int colon = rest.lastIndexOf(':');
            port = host.startsWith("mqtts://") ? 8883 : 1883;
            if (colon >= 0) {
                port = parsePort(rest.substring(colon + 1));
                rest = rest.substring(0, colon);
            }
            host = rest;
        } else if (webSocket) {
            port = -1; // mqtt.md: websocket transports are not supported by the module
        }
        byte[] will = context.lwtMessage == null ? null : context.lwtMessage.bytes();
        context.client = EspMqttClient.init(board, network, new EspMqttClient.Config(host, port,
                        context.clientId.text(), text(context.username), text(context.password),
                        text(context.lwtTopic), will, context.lwtRetain != 0),
                event -> events.post(context, event, this::destroyClient), "mqtt_connect");
        context.client.ownedBy(args.arg1());
        context.client.start("mqtt_connect");
        return LuaValue.TRUE;
    }

    private static String text(MqttContext.CString string) {
        return string == null ? null : string.text();
    }

    private static int parsePort(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void certificate(MqttContext context, LuaValue options, String field, int slot) {
        LuaValue value = options.get(field);
        if (value.isstring()) {
            context.setRef(board, slot, value);
        }
    }

    /** mqtt:lwt(topic, message[, qos[, retain]]): replaces the previous copies. */
    private Varargs lwt(Varargs args) {
        MqttContext context = context(args, "lwt");
        MqttContext.freeString(board, context.lwtTopic, "mqtt_lwt");
        MqttContext.freeString(board, context.lwtMessage, "mqtt_lwt");
        context.lwtTopic = null;
        context.lwtMessage = null;
        ClientArgs.checkString(board, args, 2, "lwt");
        context.lwtTopic = MqttContext.allocString(board, args.arg1(), args.arg(2), MAX_LWT_TOPIC, "mqtt_lwt");
        ClientArgs.checkString(board, args, 3, "lwt");
        context.lwtMessage = MqttContext.allocString(board, args.arg1(), args.arg(3), MAX_LWT_MSG, "mqtt_lwt");
        int n = 4;
        if (args.arg(n).isnumber()) {
            context.lwtQos = (int) args.arg(n).todouble();
            n++;
        }
        if (args.arg(n).isnumber()) {
            context.lwtRetain = (int) args.arg(n).todouble();
        }
        return LuaValue.NONE;
    }

    /** mqtt:publish(topic, payload, qos, retain[, function(client)]): false without a client, before any check. */
    private Varargs publish(Varargs args) {
        MqttContext context = context(args, "publish");
        if (context.client == null) {
            return LuaValue.FALSE;
        }
        String topic = ClientArgs.checkString(board, args, 2, "publish").tojstring();
        LuaString payload = ClientArgs.checkString(board, args, 3, "publish");
        int qos = ClientArgs.checkInteger(board, args, 4, "publish");
        int retain = ClientArgs.checkInteger(board, args, 5, "publish");
        if (args.arg(6).isfunction()) {
            context.setRef(board, MqttContext.PUBLISHED_OK, args.arg(6));
        }
        byte[] data = new byte[payload.m_length];
        System.arraycopy(payload.m_bytes, payload.m_offset, data, 0, data.length);
        return LuaValue.valueOf(context.client.publish(topic, data, qos, retain != 0) >= 0);
    }

    /**
     * mqtt:subscribe(topic, qos[, function(client)]). mqtt.c answers {@code err == ESP_OK}, but
     * esp_mqtt_client_subscribe returns the message id (1 or more) on success and -1 on failure: so false either way.
     */
    private Varargs subscribe(Varargs args) {
        MqttContext context = context(args, "subscribe");
        if (context.client == null) {
            return LuaValue.FALSE;
        }
        String topic = ClientArgs.checkString(board, args, 2, "subscribe").tojstring();
        int qos = ClientArgs.checkInteger(board, args, 3, "subscribe");
        if (args.arg(4).isfunction()) {
            context.setRef(board, MqttContext.SUBSCRIBED_OK, args.arg(4));
        }
        return LuaValue.valueOf(context.client.subscribe(topic, qos) == 0);
    }

    /** mqtt:unsubscribe(topic[, function(client)]): false either way, as subscribe. */
    private Varargs unsubscribe(Varargs args) {
        MqttContext context = context(args, "unsubscribe");
        if (context.client == null) {
            return LuaValue.FALSE;
        }
        String topic = ClientArgs.checkString(board, args, 2, "unsubscribe").tojstring();
        if (args.arg(3).isfunction()) {
            context.setRef(board, MqttContext.UNSUBSCRIBED_OK, args.arg(3));
        }
        return LuaValue.valueOf(context.client.unsubscribe(topic) == 0);
    }

    private void destroyClient(MqttContext context, String luaFunction) {
        if (context.client != null) {
            context.client.destroy(luaFunction);
            context.client = null;
        }
    }

    /** mqtt_delete, the client's __gc: every reference, the esp-mqtt client, the string copies. */
    private void delete(MqttContext context) {
        for (int slot = 0; slot < context.refs.length; slot++) {
            context.unsetRef(board, slot);
        }
        destroyClient(context, "mqtt_delete");
        MqttContext.freeString(board, context.clientId, "mqtt_delete");
        MqttContext.freeString(board, context.username, "mqtt_delete");
        MqttContext.freeString(board, context.password, "mqtt_delete");
        MqttContext.freeString(board, context.lwtMessage, "mqtt_delete");
        MqttContext.freeString(board, context.lwtTopic, "mqtt_delete");
        context.clientId = null;
        context.username = null;
        context.password = null;
        context.lwtMessage = null;
        context.lwtTopic = null;
    }
}
