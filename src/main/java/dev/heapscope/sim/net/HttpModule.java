package dev.heapscope.sim.net;

import dev.heapscope.sim.lib.BoardContext;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * NodeMCU's {@code http} module as {@code components/modules/http.c} (dev-esp32) has it, on an emulation of
 * esp_http_client ({@link EspHttpClient}) and the virtual {@link HttpSite}. A connection holds its callbacks
 * in the registry from {@code on} until replaced or collected, and itself only while a request runs
 * ({@code ContextRef}, from {@code request()} to the complete callback), so an idle connection nothing holds is
 * collected and its C client cleaned up. The one-shot {@code get}/{@code post}/{@code put} are in
 * {@link HttpOneShot}. simulator/FIRMWARE-FACTS.md §http cites the lines. One per Lua state. Board thread only.
 */
public final class HttpModule {
    static final String TNAME = "http.context";
    private static final String USER_AGENT = "NodeMCU (ESP32)";
    /** esp_http_client.h DEFAULT_HTTP_BUF_SIZE. */
    static final int DEFAULT_BUFFER = 512;

    private final BoardContext board;
    private final VirtualNetwork network;
    private final LuaTable metatable = new LuaTable();
    private final LuaTable module = new LuaTable();
    private final HttpRequests requests;
    private int created;

    public HttpModule(BoardContext board, VirtualNetwork network) {
        this.board = board;
        this.network = network;
        this.requests = new HttpRequests(board);
        ClientArgs.put(metatable, "on", this::on);
        ClientArgs.put(metatable, "request", args -> request(args.arg1(), context(args, "request")));
        ClientArgs.put(metatable, "setmethod", this::setMethod);
        ClientArgs.put(metatable, "setheader", this::setHeader);
        ClientArgs.put(metatable, "seturl", this::setUrl);
        ClientArgs.put(metatable, "setbody", this::setBody);
        ClientArgs.put(metatable, "close", this::close);
        ClientArgs.put(metatable, "ack", this::ack);
        metatable.set("__index", metatable);
        ClientArgs.put(module, "createConnection", args -> createConnection(args, "createConnection"));
        String[] methods = {"GET", "POST", "PUT", "DELETE", "HEAD"};
        int[] codes = {0, 1, 2, 4, 5}; // esp_http_client_method_t
        for (int i = 0; i < methods.length; i++) {
            module.set(methods[i], codes[i]);
        }
        module.set("DELAYACK", HttpRequests.DELAY_ACK);
        module.set("ACKNOW", 0);
        new HttpOneShot(board, this).install(module);
    }

    public LuaTable table() {
        return module;
    }

    HttpContext context(Varargs args, String function) {
        return ClientArgs.checkUdata(board, args, 1, function, TNAME, metatable, HttpContext.class);
    }

    /** http.createConnection([url[, method][, options]]). */
    Varargs createConnection(Varargs args, String function) {
        String url = args.arg(1).isnil() ? null : ClientArgs.checkString(board, args, 1, function).tojstring();
        int method = 0;
        LuaValue options = args.arg(3);
        if (args.arg(2).type() == LuaValue.TNUMBER) {
            method = ClientArgs.checkInteger(board, args, 2, function);
            if (method < 0 || method >= EspHttpClient.METHODS.length) {
                throw new LuaError("Bad HTTP method " + method);
            }
        } else {
            options = args.arg(2);
        }
        HttpContext context = new HttpContext(++created);
        LuaUserdata userdata = board.newUserdata(context, HttpContext.STRUCT_BYTES, metatable, "http_lapi_createConnection",
                () -> collect(context));
        int bufferSize = DEFAULT_BUFFER;
        if (options.istable()) {
            optionInt(options, "timeout");
            bufferSize = optionInt(options, "bufsz") == null ? DEFAULT_BUFFER : optionInt(options, "bufsz");
            optionInt(options, "max_redirects");
            LuaValue async = options.get("async");
            if (!async.isnil() && !async.isboolean()) {
                throw optionError("async", "boolean expected, got " + async.typename());
            }
            context.async = async.toboolean();
            LuaValue cert = options.get("cert");
            if (!cert.isnil()) {
                if (cert.type() != LuaValue.TSTRING) {
                    throw optionError("cert", "string expected, got " + cert.typename());
                }
                context.setRef(board, HttpContext.CERT, cert);
            }
        }
        context.client = EspHttpClient.init(board, network, url, method, bufferSize, "http_lapi_createConnection")
                .orElseThrow(() -> new LuaError("esp_http_client_init failed"));
        context.client.setHeader("User-Agent", USER_AGENT);
        if (options.istable() && options.get("headers").istable()) {
            LuaValue key = LuaValue.NIL;
            LuaTable headers = options.get("headers").checktable();
            while (true) {
                Varargs next = headers.next(key);
                key = next.arg1();
                if (key.isnil()) {
                    break;
                }
                if (key.type() == LuaValue.TSTRING && next.arg(2).type() == LuaValue.TSTRING) {
                    context.client.setHeader(key.tojstring(), next.arg(2).tojstring());
                }
            }
        }
        return userdata; // no self reference yet: a connection never used must not leak
    }

    private Integer optionInt(LuaValue options, String name) {
        LuaValue value = options.get(name);
        if (value.isnil()) {
            return null;
        }
        if (value.type() != LuaValue.TNUMBER) {
            throw optionError(name, "number expected, got " + value.typename());
        }
        return value.toint();
    }

    /** common.c opt_error: "bad option NAME to 'createConnection' (MSG)". */
    private LuaError optionError(String name, String message) {
        return new LuaError("bad option " + name + " to 'createConnection' (" + message + ")");
    }

    /** connection:on(event, fn): any value is referenced (nil clears); returns the connection. */
    private Varargs on(Varargs args) {
        HttpContext context = context(args, "on");
        int slot = ClientArgs.checkOption(board, args, 2, "on", null, "connect", "headers", "data", "complete");
        context.setRef(board, slot, args.arg(3));
        return args.arg1();
    }

    private void checkIdle(HttpContext context) {
        if (context.performing() || context.inCallback) {
            throw new LuaError("Cannot modify connection while a request is active");
        }
    }

    Varargs request(LuaValue self, HttpContext context) {
        checkIdle(context);
        context.setRef(board, HttpContext.CONTEXT, self); // the connection owns itself while the request runs
        if (context.async) {
            requests.startAsync(context);
            return LuaValue.NONE;
        }
        requests.runSync(context);
        Varargs result = LuaValue.varargsOf(LuaValue.valueOf(context.status), LuaValue.valueOf(context.connected));
        context.unsetRef(board, HttpContext.CONTEXT);
        return result;
    }

    private Varargs setUrl(Varargs args) {
        HttpContext context = context(args, "seturl");
        checkIdle(context);
        if (!context.client.setUrl(ClientArgs.checkString(board, args, 2, "seturl").tojstring())) {
            throw new LuaError("esp_http_client_set_url returned -1");
        }
        return LuaValue.NONE;
    }

    private Varargs setMethod(Varargs args) {
        HttpContext context = context(args, "setmethod");
        checkIdle(context);
        int method = ClientArgs.checkInteger(board, args, 2, "setmethod");
        if (method < 0 || method >= EspHttpClient.METHODS.length) {
            throw new LuaError("Bad HTTP method " + method);
        }
        context.client.setMethod(method);
        return LuaValue.NONE;
    }

    private Varargs setHeader(Varargs args) {
        HttpContext context = context(args, "setheader");
        checkIdle(context);
        String name = ClientArgs.checkString(board, args, 2, "setheader").tojstring();
        String value = args.arg(3).isnil() ? null : ClientArgs.checkString(board, args, 3, "setheader").tojstring();
        context.client.setHeader(name, value);
        return LuaValue.NONE;
    }

    /**
     * connection:setbody([data]): references whatever is on top of the Lua stack, as http.c does: the body,
     * or with no argument the connection itself (which then holds itself for good).
     */
    Varargs setBody(Varargs args) {
        HttpContext context = context(args, "setbody");
        checkIdle(context);
        LuaString data = args.arg(2).isnil() ? null : ClientArgs.checkString(board, args, 2, "setbody");
        byte[] bytes = null;
        if (data != null) {
            bytes = new byte[data.m_length];
            System.arraycopy(data.m_bytes, data.m_offset, bytes, 0, bytes.length);
        }
        context.client.setPostField(bytes);
        context.setRef(board, HttpContext.BODY, args.arg(Math.max(1, args.narg())));
        return LuaValue.NONE;
    }

    private Varargs close(Varargs args) {
        HttpContext context = context(args, "close");
        if (context.client == null) {
            return LuaValue.NONE;
        }
        if (context.performing()) {
            if (!context.inCallback && !context.ackPending) {
                throw new LuaError("Cannot close an ongoing async request outside of a callback or pending ack");
            }
            context.closeRequested = true;
        } else if (context.inCallback) {
            context.closeRequested = true; // synchronous: the transport closes under the running perform
        } else {
            context.client.close();
            context.connected = false;
        }
        return LuaValue.NONE;
    }

    private Varargs ack(Varargs args) {
        HttpContext context = context(args, "ack");
        if (!context.ackPending) {
            throw new LuaError("No asynchronous callback pending");
        }
        if (context.inCallback) {
            throw new LuaError("Cannot call ack() from within the callback itself");
        }
        requests.ack(context);
        return LuaValue.NONE;
    }

    /** context_gc: every reference, the pending header items, the esp_http_client. */
    private void collect(HttpContext context) {
        for (int slot = 0; slot < context.refs.length; slot++) {
            context.unsetRef(board, slot);
        }
        for (HttpContext.HeaderItem item : context.headers) {
            board.freeFirmware(item.address(), "free", "context_gc");
        }
        context.headers.clear();
        if (context.client != null) {
            context.client.cleanup();
            context.client = null;
        }
    }
}
