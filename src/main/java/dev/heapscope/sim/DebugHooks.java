package dev.heapscope.sim;

import dev.heapscope.sim.lua53.LibArgs;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaThread;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * {@code debug.sethook}/{@code gethook}: per Lua thread, a count hook (every n instructions) and a line hook
 * (a new line, a jump back, a function's first instruction, as lvm.c {@code luaG_traceexec} decides). They
 * run after the tracker's own bookkeeping, inside its instruction hook, so they never replace it: the hook's
 * own instructions count against the chunk's instruction budget like any others, plus {@link #HOOK_COST}
 * per call. While a hook runs no hook fires ({@code allowhook}). A hook that exhausts the budget is removed,
 * so the console stays usable (a real board would spin in it until a watchdog reset). Return events are delivered
 * for Lua functions (not for pcall/xpcall, which are no stack level here); call events are accepted in the mask but
 * not delivered (LUA-DIFFERENCES.md).
 */
final class DebugHooks {
    /** Instructions charged for calling a hook, so that even an empty hook costs the budget something. */
    static final int HOOK_COST = 4;

    private static final class Hook {
        LuaValue function;
        String mask;
        int count;
        int untilCount;
    }

    private final LuaAllocationTracker tracker;
    private final Globals globals;
    private final DebugArgs check;
    private final Map<LuaThread, Hook> hooks = new IdentityHashMap<>();
    private final List<LuaThread> order = new ArrayList<>(); // for marking in a fixed order
    private boolean running;

    DebugHooks(LuaAllocationTracker tracker, Globals globals, DebugArgs check) {
        this.tracker = tracker;
        this.globals = globals;
        this.check = check;
        tracker.attachHooks(this);
    }

    Function<Varargs, Varargs> function(String name) {
        return switch (name) {
            case "sethook" -> this::sethook;
            case "gethook" -> this::gethook;
            default -> null;
        };
    }

    boolean active() {
        return !hooks.isEmpty() && !running;
    }

    /** The hook functions, for the collector: the registry's hook table holds them on a board. */
    void forEach(BiConsumer<LuaValue, String> visitor) {
        order.removeIf(thread -> !hooks.containsKey(thread));
        for (LuaThread thread : order) {
            visitor.accept(hooks.get(thread).function, "debug hook");
        }
    }

    private Varargs sethook(Varargs args) {
        int arg = args.arg1() instanceof LuaThread ? 1 : 0;
        LuaThread thread = arg == 1 ? (LuaThread) args.arg1() : globals.running;
        LuaValue function = args.arg(arg + 1);
        LibArgs checks = check.of("sethook");
        if (function.isnil()) {
            remove(thread);
            return LuaValue.NONE;
        }
        String mask = checks.checkString(args, arg + 2).tojstring();
        if (!function.isfunction()) {
            throw checks.typeError(args, arg + 1, "function");
        }
        int count = (int) checks.optInteger(args, arg + 3, 0);
        String kept = (mask.indexOf('c') >= 0 ? "c" : "") + (mask.indexOf('r') >= 0 ? "r" : "")
                + (mask.indexOf('l') >= 0 ? "l" : "");
        if (kept.isEmpty() && count <= 0) {
            remove(thread);
            return LuaValue.NONE;
        }
        Hook hook = hooks.get(thread);
        if (hook == null) {
            hook = new Hook();
            hooks.put(thread, hook);
            order.add(thread);
        }
        hook.function = function;
        hook.mask = kept;
        hook.count = Math.max(count, 0);
        hook.untilCount = hook.count;
        return LuaValue.NONE;
    }

    private Varargs gethook(Varargs args) {
        LuaThread thread = args.arg1() instanceof LuaThread t ? t : globals.running;
        Hook hook = hooks.get(thread);
        if (hook == null) {
            return LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf(""), LuaValue.valueOf(0));
        }
        return LuaValue.varargsOf(hook.function, LuaValue.valueOf(hook.mask), LuaValue.valueOf(hook.count));
    }

    private void remove(LuaThread thread) {
        hooks.remove(thread);
    }

    /** Before the instruction at {@code frame.pc} runs; {@code previousPc} is where the frame was before. */
    void onInstruction(ShadowFrame frame, int previousPc) {
        Hook hook = hooks.get(globals.running);
        if (hook == null) {
            return;
        }
        if (hook.count > 0 && --hook.untilCount <= 0) {
            hook.untilCount = hook.count;
            call(hook, "count", LuaValue.NIL);
        }
        if (hook.mask.indexOf('l') >= 0) {
            int pc = frame.pc;
            int line = frame.info.line(pc);
            if (pc == 0 || pc <= previousPc || line != frame.info.line(previousPc)) {
                call(hook, "line", LuaValue.valueOf(line));
            }
        }
    }

    /** A Lua function returns; it is still the top of the stack. */
    void onReturn() {
        Hook hook = hooks.get(globals.running);
        if (hook != null && hook.mask.indexOf('r') >= 0) {
            call(hook, "return", LuaValue.NIL);
        }
    }

    private void call(Hook hook, String event, LuaValue line) {
        tracker.charge(HOOK_COST);
        running = true;
        try {
            hook.function.call(LuaValue.valueOf(event), line);
        } catch (InstructionBudgetExceeded e) {
            hooks.values().remove(hook);
            throw e;
        } finally {
            running = false;
        }
    }
}
