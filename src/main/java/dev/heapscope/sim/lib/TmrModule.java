package dev.heapscope.sim.lib;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

import java.util.ArrayList;
import java.util.List;

/**
 * NodeMCU's {@code tmr} module on the virtual clock: timers fire when the board runs time forward.
 * One per Lua state (a reboot drops every timer). Board thread only.
 */
public final class TmrModule {
    public static final int ALARM_SINGLE = 0;
    public static final int ALARM_AUTO = 1;
    public static final int ALARM_SEMI = 2;
    private static final int TIMER_STRUCT_BYTES = 20;
    private static final int FREERTOS_TIMER_BYTES = 44;

    private final BoardContext board;
    private final List<Timer> registered = new ArrayList<>();
    private final LuaTable metatable = new LuaTable();
    private final LuaTable module = new LuaTable();

    private final class Timer {
        LuaUserdata self;
        LuaValue callback;
        int intervalMillis;
        int mode;
        boolean running;
        long dueMicros;
        int firmwareBlock;
    }

    public TmrModule(BoardContext board) {
        this.board = board;
        LuaTable methods = new LuaTable();
        Fn.put(methods, "register", args -> {
            register(timer(args, "register"), args, "register");
            return LuaValue.NONE;
        });
        Fn.put(methods, "alarm", args -> {
            Timer timer = timer(args, "alarm");
            register(timer, args, "alarm");
            start(timer);
            return LuaValue.TRUE;
        });
        Fn.put(methods, "start", args -> {
            Timer timer = timer(args, "start");
            if (timer.callback == null) {
                throw new LuaError("timer not registered");
            }
            start(timer);
            return LuaValue.TRUE;
        });
        Fn.put(methods, "stop", args -> {
            Timer timer = timer(args, "stop");
            boolean was = timer.running;
            timer.running = false;
            return LuaValue.valueOf(was);
        });
        Fn.put(methods, "unregister", args -> {
            unregister(timer(args, "unregister"));
            return LuaValue.NONE;
        });
        Fn.put(methods, "interval", args -> {
            Timer timer = timer(args, "interval");
            timer.intervalMillis = checkInterval(args, "interval");
            return LuaValue.NONE;
        });
        Fn.put(methods, "state", args -> {
            Timer timer = timer(args, "state");
            return timer.callback == null ? LuaValue.NIL
                    : LuaValue.varargsOf(LuaValue.valueOf(timer.running), LuaValue.valueOf(timer.mode));
        });
        metatable.set("__index", methods);
        metatable.set("__name", "tmr.timer");
        module.set("ALARM_SINGLE", ALARM_SINGLE);
        module.set("ALARM_SEMI", ALARM_SEMI);
        module.set("ALARM_AUTO", ALARM_AUTO);
        Fn.put(module, "create", args -> create());
        Fn.put(module, "now", args -> LuaValue.valueOf((int) (board.clock().nowMicros() & 0x7fffffff)));
    }

    public LuaTable table() {
        return module;
    }

    private LuaValue create() {
        Timer timer = new Timer();
        timer.firmwareBlock = board.allocateFirmware(FREERTOS_TIMER_BYTES, "xTimerCreate", "tmr_create");
        int block = timer.firmwareBlock;
        // __gc of an unregistered timer deletes its FreeRTOS timer
        timer.self = board.newUserdata(timer, TIMER_STRUCT_BYTES, metatable, "tmr_create",
                () -> board.freeFirmware(block, "vTimerDelete", "tmr_gc"));
        return timer.self;
    }

    private Timer timer(Varargs args, String function) {
        LuaValue self = args.arg1();
        if (self instanceof LuaUserdata userdata && userdata.m_instance instanceof Timer timer) {
            return timer;
        }
        String got = args.narg() == 0 ? "no value" : self.typename();
        throw new LuaError("bad argument #1 to '" + function + "' (tmr.timer expected, got " + got + ")");
    }

    private static int checkInterval(Varargs args, String function) {
        int interval = Fn.checkInt(args, 2, function);
        if (interval <= 0) {
            throw new LuaError("invalid interval");
        }
        return interval;
    }

    private void register(Timer timer, Varargs args, String function) {
        int interval = checkInterval(args, function);
        int mode = Fn.checkInt(args, 3, function);
        if (mode != ALARM_SINGLE && mode != ALARM_SEMI && mode != ALARM_AUTO) {
            throw new LuaError("invalid timer mode");
        }
        LuaValue callback = Fn.checkFunction(args, 4, function);
        timer.running = false;
        timer.intervalMillis = interval;
        timer.mode = mode;
        timer.callback = callback;
        if (!registered.contains(timer)) {
            registered.add(timer); // a registered timer keeps itself and its callback alive
        }
    }

    private void start(Timer timer) {
        timer.running = true;
        timer.dueMicros = board.clock().nowMicros() + timer.intervalMillis * 1000L;
    }

    private void unregister(Timer timer) {
        timer.running = false;
        timer.callback = null;
        registered.remove(timer);
    }

    /** When the next running timer is due, in virtual microseconds, or {@link Long#MAX_VALUE}. */
    public long nextDueMicros() {
        long next = Long.MAX_VALUE;
        for (Timer timer : registered) {
            if (timer.running && timer.dueMicros < next) {
                next = timer.dueMicros;
            }
        }
        return next;
    }

    /** Fires every timer due by now, earliest first. */
    public void fireDue() {
        long now = board.clock().nowMicros();
        while (nextDueMicros() <= now) {
            Timer due = null;
            for (Timer timer : registered) {
                if (timer.running && timer.dueMicros <= now && (due == null || timer.dueMicros < due.dueMicros)) {
                    due = timer;
                }
            }
            LuaValue callback = due.callback;
            switch (due.mode) {
                case ALARM_AUTO -> due.dueMicros += due.intervalMillis * 1000L;
                case ALARM_SEMI -> due.running = false;
                default -> unregister(due);
            }
            board.runCallback(callback, due.self);
        }
    }

    public int registeredCount() {
        return registered.size();
    }
}
