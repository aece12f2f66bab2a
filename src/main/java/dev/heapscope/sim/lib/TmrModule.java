package dev.heapscope.sim.lib;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

import java.util.ArrayList;
import java.util.List;

/**
 * NodeMCU's {@code tmr} module as {@code components/modules/tmr.c} (dev-esp32) has it, on the virtual
 * clock. What keeps a timer alive is what keeps it alive on the board: the registry holds the callback
 * while it is registered ({@code cb_ref}) and the timer object from {@code start} until {@code stop} or
 * its expiry ({@code self_ref}; an AUTO timer keeps it); a dropped idle timer is collected and its
 * {@code __gc} ({@code tmr_unregister}) frees its FreeRTOS timer. simulator/FIRMWARE-FACTS.md §C cites the
 * lines. One per Lua state (a reboot drops every timer). Board thread only.
 */
public final class TmrModule {
    public static final int ALARM_SINGLE = 0;
    public static final int ALARM_AUTO = 1;
    public static final int ALARM_SEMI = 2;
    private static final int MODE_OFF = 3;
    /** tmr.c {@code MAX_TIMEOUT_DEF}: the largest interval in milliseconds. */
    static final int MAX_TIMEOUT = 6870947;
    private static final int TIMER_STRUCT_BYTES = 20;
    private static final int FREERTOS_TIMER_BYTES = 44;
    private static final int NOREF = -2;

    private final BoardContext board;
    private final List<Timer> timers = new ArrayList<>();
    private final LuaTable metatable = new LuaTable();
    private final LuaTable module = new LuaTable();
    private int created;

    /** {@code tmr_struct_t}: the FreeRTOS timer, the two registry references, interval and mode. */
    private static final class Timer {
        final int number;
        int freeRtosTimer; // block address, 0 = none
        int cbRef = NOREF;
        int selfRef = NOREF;
        int intervalMillis;
        int mode = MODE_OFF;
        boolean idle = true;
        long dueMicros;

        Timer(int number) {
            this.number = number;
        }

        boolean running() {
            return mode != MODE_OFF && !idle;
        }
    }

    public TmrModule(BoardContext board) {
        this.board = board;
        LuaTable methods = new LuaTable();
        Fn.put(methods, "register", args -> {
            register(args.arg1(), timer(args, "register"), args, "register");
            return LuaValue.NONE;
        });
        Fn.put(methods, "alarm", args -> {
            Timer timer = timer(args, "alarm");
            register(args.arg1(), timer, args, "alarm");
            return start(args.arg1(), timer);
        });
        Fn.put(methods, "start", args -> start(args.arg1(), timer(args, "start")));
        Fn.put(methods, "stop", args -> stop(timer(args, "stop")));
        Fn.put(methods, "unregister", args -> {
            unregister(timer(args, "unregister"));
            return LuaValue.NONE;
        });
        Fn.put(methods, "interval", args -> {
            Timer timer = timer(args, "interval");
            int interval = checkInterval(args, "interval");
            if (timer.mode != MODE_OFF) { // tmr.c: an unregistered timer ignores the call
                timer.intervalMillis = interval;
                if (timer.running()) {
                    timer.dueMicros = board.clock().nowMicros() + interval * 1000L;
                }
            }
            return LuaValue.NONE;
        });
        Fn.put(methods, "state", args -> {
            Timer timer = timer(args, "state");
            return timer.mode == MODE_OFF ? LuaValue.NIL
                    : LuaValue.varargsOf(LuaValue.valueOf(timer.running()), LuaValue.valueOf(timer.mode));
        });
        metatable.set("__index", methods);
        Fn.put(metatable, "__gc", args -> { // tmr.c: __gc is tmr_unregister
            unregister(timer(args, "__gc"));
            return LuaValue.NONE;
        });
        module.set("ALARM_SINGLE", ALARM_SINGLE);
        module.set("ALARM_SEMI", ALARM_SEMI);
        module.set("ALARM_AUTO", ALARM_AUTO);
        Fn.put(module, "create", args -> create());
        Fn.put(module, "wdclr", args -> LuaValue.NONE);
    }

    public LuaTable table() {
        return module;
    }

    private LuaValue create() {
        Timer timer = new Timer(++created);
        // no FreeRTOS timer yet: register makes one; __gc is tmr_unregister
        return board.newUserdata(timer, TIMER_STRUCT_BYTES, metatable, "tmr_create", () -> unregister(timer));
    }

    private Timer timer(Varargs args, String function) {
        LuaValue self = args.arg1();
        if (self instanceof LuaUserdata userdata && userdata.m_instance instanceof Timer timer) {
            return timer;
        }
        String got = args.narg() == 0 ? "no value" : self.typename();
        throw board.argError(1, function, "tmr.timer expected, got " + got);
    }

    private int checkInterval(Varargs args, String function) {
        long interval = Fn.checkInteger(board, args, 2, function) & 0xffffffffL; // cast to uint32_t in tmr.c
        if (interval < 1 || interval > MAX_TIMEOUT) {
            throw board.argError(2, function, "Range: 1-" + MAX_TIMEOUT);
        }
        return (int) interval;
    }

    private String label(Timer timer) {
        return "tmr#" + timer.number;
    }

    private void register(LuaValue self, Timer timer, Varargs args, String function) {
        int interval = checkInterval(args, function);
        int mode = (int) (Fn.checkInteger(board, args, 3, function) & 0xff); // cast to uint8_t
        if (mode != ALARM_SINGLE && mode != ALARM_SEMI && mode != ALARM_AUTO) {
            throw board.argError(3, function, "Invalid mode");
        }
        LuaValue callback = args.arg(4);
        if (!callback.isfunction()) {
            throw board.argError(4, function, "function expected, got "
                    + (args.narg() < 4 ? "no value" : callback.typename()));
        }
        if (timer.freeRtosTimer != 0) {
            timers.remove(timer);
            board.freeFirmware(timer.freeRtosTimer, "xTimerDelete", "tmr_register");
            timer.freeRtosTimer = 0;
        }
        board.unref(timer.cbRef);
        timer.cbRef = board.ref(callback, label(timer) + " callback");
        timer.mode = mode;
        timer.idle = true;
        timer.intervalMillis = interval;
        timer.freeRtosTimer = board.allocateFirmware(FREERTOS_TIMER_BYTES, "xTimerCreate", "tmr_register");
        if (timer.freeRtosTimer == 0) {
            throw new LuaError("FreeRTOS timer creation failed");
        }
        board.ownFirmware(timer.freeRtosTimer, self, "FreeRTOS timer");
    }

    private LuaValue start(LuaValue self, Timer timer) {
        if (timer.selfRef == NOREF) { // taken before the check below, as tmr.c does
            timer.selfRef = board.ref(self, label(timer) + " (started)");
        }
        if (timer.freeRtosTimer == 0 || timer.cbRef == NOREF) {
            throw new LuaError("timer not registered");
        }
        if (!timer.idle) {
            return LuaValue.FALSE;
        }
        timer.idle = false;
        timer.dueMicros = board.clock().nowMicros() + timer.intervalMillis * 1000L;
        if (!timers.contains(timer)) {
            timers.add(timer);
        }
        return LuaValue.TRUE;
    }

    private LuaValue stop(Timer timer) {
        board.unref(timer.selfRef);
        timer.selfRef = NOREF;
        if (!timer.running()) {
            return LuaValue.FALSE;
        }
        timer.idle = true;
        return LuaValue.TRUE;
    }

    private void unregister(Timer timer) {
        board.unref(timer.selfRef);
        timer.selfRef = NOREF;
        timer.idle = true;
        timers.remove(timer);
        if (timer.freeRtosTimer != 0) {
            board.freeFirmware(timer.freeRtosTimer, "xTimerDelete", "tmr_unregister");
            timer.freeRtosTimer = 0;
        }
        board.unref(timer.cbRef);
        timer.cbRef = NOREF;
        timer.mode = MODE_OFF;
    }

    /** When the next running timer is due, in virtual microseconds, or {@link Long#MAX_VALUE}. */
    public long nextDueMicros() {
        long next = Long.MAX_VALUE;
        for (Timer timer : timers) {
            if (timer.running() && timer.dueMicros < next) {
                next = timer.dueMicros;
            }
        }
        return next;
    }

    /** Fires every timer due by now, earliest first (the first created on a tie), as tmr.c's expiry task. */
    public void fireDue() {
        long now = board.clock().nowMicros();
        while (nextDueMicros() <= now) {
            Timer due = null;
            for (Timer timer : timers) {
                if (timer.running() && timer.dueMicros <= now && (due == null || timer.dueMicros < due.dueMicros)) {
                    due = timer;
                }
            }
            fire(due);
        }
    }

    private void fire(Timer timer) {
        if (timer.mode == ALARM_AUTO) {
            timer.dueMicros += timer.intervalMillis * 1000L;
        } else {
            timer.idle = true;
        }
        if (timer.cbRef == NOREF || timer.selfRef == NOREF) {
            return; // stopped after the expiry was queued
        }
        LuaValue callback = board.refValue(timer.cbRef);
        LuaValue self = board.refValue(timer.selfRef);
        if (timer.mode == ALARM_SINGLE) {
            board.unref(timer.cbRef);
            timer.cbRef = NOREF;
            timer.mode = MODE_OFF;
        }
        if (timer.mode != ALARM_AUTO) {
            board.unref(timer.selfRef);
            timer.selfRef = NOREF;
        }
        board.runCallback(callback, self);
    }

    /** Timers with a FreeRTOS timer that is counting down. */
    public int runningCount() {
        return (int) timers.stream().filter(Timer::running).count();
    }
}
