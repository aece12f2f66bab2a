package dev.heapscope.sim.net;

import dev.heapscope.sim.lib.BoardContext;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * http.c's one-shot requests, {@code http.get(url[, options][, callback])}, {@code http.post/put(url, options,
 * body[, callback])}: a connection with {@code Connection: close} whose callbacks gather the headers and the
 * data chunks until complete, then concatenate the body. With a callback the request is asynchronous and the
 * callback gets {@code (status, body, headers)}; without one it is synchronous and the call returns them.
 * The gathered chunks stay referenced until complete (the board keeps them in a cache table); the synchronous
 * result stays referenced by the connection until it is collected, as http.c "steals" two callback slots.
 */
final class HttpOneShot {
    private final BoardContext board;
    private final HttpModule http;

    HttpOneShot(BoardContext board, HttpModule http) {
        this.board = board;
        this.http = http;
    }

    void install(LuaTable module) {
        ClientArgs.put(module, "get", this::get);
        ClientArgs.put(module, "post", args -> withBody(args, "post", 1));
        ClientArgs.put(module, "put", args -> withBody(args, "put", 2));
    }

    private Varargs get(Varargs args) {
        ClientArgs.checkString(board, args, 1, "get");
        LuaValue options = args.arg(2);
        LuaValue callback = args.arg(3);
        if (options.isfunction()) {
            callback = options;
            options = LuaValue.NIL;
        }
        return start(args.arg1(), options, callback, 0, null, "get", 2, 3);
    }

    private Varargs withBody(Varargs args, String function, int method) {
        ClientArgs.checkString(board, args, 1, function);
        LuaValue options = args.arg(2);
        if (!options.isnil() && !options.istable()) {
            throw board.argError(2, function, "options must be nil or a table");
        }
        ClientArgs.checkString(board, args, 3, function);
        return start(args.arg1(), options, args.arg(4), method, args.arg(3), function, 2, 4);
    }

    private Varargs start(LuaValue url, LuaValue givenOptions, LuaValue callback, int method, LuaValue body,
                          String function, int optionsArg, int callbackArg) {
        LuaValue options = givenOptions.isnil() ? board.newTable(new LuaTable(), "http_lapi_" + function) : givenOptions;
        if (!options.istable()) {
            throw board.argError(optionsArg, function, "options must be nil or a table");
        }
        boolean async = callback.isfunction();
        if (!callback.isnil() && !async) {
            throw board.argError(callbackArg, function, "callback must be nil or a function");
        }
        options.set("async", LuaValue.valueOf(async)); // the caller's table is changed, as on the board
        Varargs made;
        try {
            made = http.createConnection(LuaValue.varargsOf(url, LuaValue.valueOf(method), options), "createConnection");
        } catch (LuaError e) { // created under luaL_pcallx: reported, then the context check fails on the message
            board.write("Lua error: \t" + e.getMessage() + board.newline());
            throw new LuaError("bad argument #-1 to '" + function + "' (http.context expected, got string)");
        }
        LuaValue self = made.arg1();
        HttpContext context = http.context(made, function);
        if (body != null) {
            http.setBody(LuaValue.varargsOf(self, body));
        }
        context.client.setHeader("Connection", "close");
        Gathered gathered = new Gathered(context, callback);
        context.setRef(board, HttpContext.HEADERS, gathered.headersFunction());
        context.setRef(board, HttpContext.DATA, gathered.dataFunction());
        context.setRef(board, HttpContext.COMPLETE, gathered.completeFunction());
        try {
            http.request(self, context);
        } catch (LuaError e) { // request() runs under luaL_pcallx too
            board.write("Lua error: \t" + e.getMessage() + board.newline());
        }
        if (async) {
            return LuaValue.NONE;
        }
        return LuaValue.varargsOf(LuaValue.valueOf(context.status), context.refValue(board, HttpContext.DATA),
                context.refValue(board, HttpContext.HEADERS));
    }

    /** The cache table of http.c's accumulators: headers, data chunks, and the user's callback while pending. */
    private final class Gathered {
        private final HttpContext context;
        private final List<Integer> held = new ArrayList<>();
        private final List<LuaString> chunks = new ArrayList<>();
        private final int callbackRef;
        private LuaValue headers = LuaValue.NIL;

        Gathered(HttpContext context, LuaValue callback) {
            this.context = context;
            this.callbackRef = callback.isfunction()
                    ? board.ref(callback, "http connection#" + context.number + " one-shot callback") : -2;
        }

        LuaValue headersFunction() {
            return function("http_accumulate_headers", args -> {
                headers = args.arg(2);
                held.add(board.ref(headers, "http connection#" + context.number + " one-shot headers"));
            });
        }

        LuaValue dataFunction() {
            return function("http_accumulate_data", args -> {
                LuaString chunk = args.arg(2).checkstring();
                chunks.add(chunk);
                held.add(board.ref(chunk, "http connection#" + context.number + " one-shot data"));
            });
        }

        LuaValue completeFunction() {
            return function("http_accumulate_complete", args -> complete(args.arg1()));
        }

        private void complete(LuaValue status) {
            ByteArrayOutputStream joined = new ByteArrayOutputStream();
            for (LuaString chunk : chunks) {
                joined.write(chunk.m_bytes, chunk.m_offset, chunk.m_length);
            }
            LuaString body = board.newString(joined.toByteArray(), "luaL_pushresult");
            LuaValue callback = board.refValue(callbackRef);
            held.forEach(board::unref);
            held.clear();
            chunks.clear();
            try {
                if (callback.isfunction()) {
                    callback.invoke(LuaValue.varargsOf(status, body, headers));
                } else { // synchronous: the result waits in two callback slots for get() to return it
                    context.setRef(board, HttpContext.DATA, body);
                    context.setRef(board, HttpContext.HEADERS, headers);
                }
            } finally {
                board.unref(callbackRef);
                context.unsetRef(board, HttpContext.COMPLETE); // it held the context: let it be collected
            }
        }

        private LuaValue function(String name, java.util.function.Consumer<Varargs> body) {
            VarArgFunction function = new VarArgFunction() {
                @Override
                public Varargs invoke(Varargs args) {
                    body.accept(args);
                    return NONE;
                }
            };
            return function;
        }
    }
}
