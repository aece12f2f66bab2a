package dev.heapscope.sim.net;

import dev.heapscope.sim.lib.BoardContext;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

import java.util.List;
import java.util.Locale;

/**
 * How http.c runs a request: synchronously inside {@code request()} (the callbacks run nested, each under
 * {@code luaL_pcallx}), or asynchronously on an rtos task ({@code http_task}, 4096-byte stack) whose events
 * reach the Lua task one at a time, each waiting for its ack ({@code http.DELAYACK} then {@code :ack()}).
 * {@code http_event_cb} and {@code make_callback} decide the callbacks and their arguments. Board thread only.
 */
final class HttpRequests {
    static final int DELAY_ACK = -99;
    private static final int OK = 0;
    private static final int FAIL = -1;
    private static final int TASK_STACK_BYTES = 4096;
    private static final int TASK_TCB_BYTES = 344;
    private static final long FIRST_EVENT_MICROS = 5_000;
    private static final long NEXT_EVENT_MICROS = 1_000;

    private final BoardContext board;

    HttpRequests(BoardContext board) {
        this.board = board;
    }

    /** request() in synchronous mode: returns once the complete callback ran. */
    void runSync(HttpContext context) {
        EspHttpClient.Outcome outcome = context.client.perform();
        for (EspHttpClient.Event event : outcome.events()) {
            if (context.closeRequested) {
                break;
            }
            eventCallback(context, event, outcome.status());
        }
        finish(context, outcome);
    }

    /** request() in asynchronous mode: the http task starts; events follow on the board's event queue. */
    void startAsync(HttpContext context) {
        context.task.add(board.allocateFirmware(TASK_STACK_BYTES, "xTaskCreatePinnedToCore", "http_lapi_request"));
        context.task.add(board.allocateFirmware(TASK_TCB_BYTES, "xTaskCreatePinnedToCore", "http_lapi_request"));
        EspHttpClient.Outcome outcome = context.client.perform();
        board.events().after(FIRST_EVENT_MICROS, () -> step(context, outcome, 0));
    }

    private void step(HttpContext context, EspHttpClient.Outcome outcome, int index) {
        List<EspHttpClient.Event> events = outcome.events();
        if (index >= events.size() || context.closeRequested) {
            board.events().after(0, () -> completeAsync(context, outcome)); // task_post_low
            return;
        }
        context.ackPending = true; // lhttp_event_task
        int result = eventCallback(context, events.get(index), outcome.status());
        Runnable next = () -> board.events().after(NEXT_EVENT_MICROS, () -> step(context, outcome, index + 1));
        if (result == DELAY_ACK) {
            context.afterAck = next;
        } else {
            context.ackPending = false;
            next.run();
        }
    }

    /** :ack(): the paused http task goes on. */
    void ack(HttpContext context) {
        context.ackPending = false;
        Runnable next = context.afterAck;
        context.afterAck = null;
        if (next != null) {
            next.run();
        }
    }

    private void completeAsync(HttpContext context, EspHttpClient.Outcome outcome) {
        for (int i = context.task.size() - 1; i >= 0; i--) { // lhttp_request_task reaps the rtos task
            board.freeFirmware(context.task.get(i), "vTaskDelete", "lhttp_request_task");
        }
        context.task.clear();
        finish(context, outcome);
    }

    private void finish(HttpContext context, EspHttpClient.Outcome outcome) {
        if (context.closeRequested) {
            context.closeRequested = false;
            context.client.close();
            context.connected = false;
        }
        if (outcome.error() != 0) { // context_seterr
            context.status = outcome.error() > 0 && outcome.error() <= Short.MAX_VALUE ? -outcome.error() : -1;
        }
        makeCallback(context, HttpContext.COMPLETE, null);
        if (context.async) {
            context.unsetRef(board, HttpContext.CONTEXT);
        }
    }

    /** http_event_cb. */
    private int eventCallback(HttpContext context, EspHttpClient.Event event, int status) {
        switch (event.kind()) {
            case CONNECTED -> {
                context.connected = true;
                return makeCallback(context, HttpContext.CONNECT, null);
            }
            case HEADER -> {
                String name = event.name();
                String value = event.value();
                int bytes = HttpContext.LIST_ITEM_BYTES + name.length() + value.length() + 1;
                int address = board.allocateFirmware(bytes, "http_event_cb", "esp_http_client_perform");
                context.headers.add(0, new HttpContext.HeaderItem(name, value, address)); // pushed on the front
                return OK;
            }
            case DATA, FINISH -> {
                if (!context.headers.isEmpty()) {
                    context.status = status;
                    int result = makeCallback(context, HttpContext.HEADERS, null);
                    if (result != OK) {
                        return result;
                    }
                }
                return event.kind() == EspHttpClient.Kind.DATA ? makeCallback(context, HttpContext.DATA, event.data()) : OK;
            }
            case DISCONNECTED -> context.connected = false;
            default -> {
            }
        }
        return OK;
    }

    /** make_callback: the arguments are made (and charged) whether or not a function is set. */
    private int makeCallback(HttpContext context, int slot, byte[] data) {
        LuaValue function = context.refValue(board, slot);
        Varargs args = switch (slot) {
            case HttpContext.HEADERS -> LuaValue.varargsOf(LuaValue.valueOf(context.status), headersTable(context));
            case HttpContext.DATA -> LuaValue.varargsOf(LuaValue.valueOf(context.status),
                    board.newString(data, "make_callback"));
            case HttpContext.COMPLETE -> LuaValue.varargsOf(LuaValue.valueOf(context.status),
                    LuaValue.valueOf(context.connected));
            default -> LuaValue.NONE;
        };
        if (!function.isfunction()) {
            return OK;
        }
        context.inCallback = slot != HttpContext.COMPLETE;
        Varargs[] returned = {null};
        try {
            returned[0] = call(context, function, args);
        } finally {
            context.inCallback = false;
        }
        if (returned[0] == null) {
            return FAIL;
        }
        if (returned[0].arg1().isnumber() && returned[0].arg1().todouble() == DELAY_ACK) {
            if (!context.async) {
                throw new LuaError("Cannot delay acknowledgment of a callback when using synchronous callbacks");
            }
            if (slot != HttpContext.DATA) { // raised on the Lua task, outside any pcall: reported, not thrown
                board.write("Lua error: \tCannot delay acknowledgment of callbacks other than 'data'" + board.newline());
                return FAIL;
            }
            return DELAY_ACK;
        }
        return OK;
    }

    /** luaL_pcallx: nested inside request() when synchronous, as a task of its own when not; null on error. */
    private Varargs call(HttpContext context, LuaValue function, Varargs args) {
        if (!context.async) {
            try {
                return function.invoke(args);
            } catch (LuaError e) {
                board.write("Lua error: \t" + e.getMessage() + board.newline());
                return null;
            }
        }
        Varargs[] result = {null};
        board.runCallback(new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs ignored) {
                result[0] = function.invoke(args);
                return NONE;
            }
        }, LuaValue.NIL);
        return result[0];
    }

    /** The headers as a table of lower-cased names; their C list items are freed as they are read. */
    private LuaTable headersTable(HttpContext context) {
        LuaTable contents = new LuaTable();
        for (HttpContext.HeaderItem item : context.headers) {
            LuaValue key = board.newString(EspHttpClient.bytes(item.name().toLowerCase(Locale.ROOT)), "str_lower");
            contents.set(key, board.newString(EspHttpClient.bytes(item.value()), "make_callback"));
            board.freeFirmware(item.address(), "free", "make_callback");
        }
        context.headers.clear();
        return board.newTable(contents, "make_callback");
    }
}
