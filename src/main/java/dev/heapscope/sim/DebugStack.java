package dev.heapscope.sim;

import dev.heapscope.sim.lua53.LibArgs;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaThread;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

import java.util.function.Function;

/**
 * The stack side of {@code debug}: {@code getinfo}, {@code getlocal}, {@code setlocal} and {@code traceback},
 * read from the tracker's shadow stacks. Level 0 is the running C function (the debug function itself, or
 * {@code yield} in a suspended coroutine); level n is the n-th Lua frame from the top. Firmware and library
 * functions between Lua frames (pcall, a sort comparator's caller) are not levels of their own here.
 */
final class DebugStack {
    private final LuaAllocationTracker tracker;
    private final Globals globals;
    private final DebugArgs check;

    DebugStack(LuaAllocationTracker tracker, Globals globals, DebugArgs check) {
        this.tracker = tracker;
        this.globals = globals;
        this.check = check;
    }

    Function<Varargs, Varargs> function(String name) {
        return switch (name) {
            case "getinfo" -> this::getinfo;
            case "getlocal" -> args -> local(args, false);
            case "setlocal" -> args -> local(args, true);
            case "traceback" -> this::traceback;
            default -> null;
        };
    }

    /** A stack level: a Lua frame, a C function (frame null), or nothing (level out of range). */
    private record Level(ShadowFrame frame, boolean exists, String cName) {
    }

    private LuaThread thread(Varargs args) {
        return args.arg1() instanceof LuaThread thread ? thread : globals.running;
    }

    private Level level(LuaThread thread, int level) {
        boolean current = thread == globals.running;
        ShadowStack stack = current ? tracker.currentStack()
                : thread.callstack instanceof ShadowStack shadow ? shadow : new ShadowStack();
        if (!current && stack.depth == 0) {
            return new Level(null, false, null); // not started, or dead
        }
        if (level == 0) {
            return new Level(null, true, current ? null : "coroutine.yield");
        }
        if (level >= 1 && level <= stack.depth) {
            return new Level(stack.fromTop(level - 1), true, null);
        }
        // below the main thread's outermost Lua frame: the C code that ran the chunk
        return new Level(null, current && level == stack.depth + 1, null);
    }

    private Varargs getinfo(Varargs args) {
        LuaThread thread = thread(args);
        int arg = args.arg1() instanceof LuaThread ? 1 : 0;
        LibArgs checks = check.of("getinfo");
        String options = checks.optString(args, arg + 2, LuaValue.valueOf("flnStu")).tojstring();
        LuaValue target = args.arg(arg + 1);
        FrameInfo info;
        if (target.isfunction()) {
            if (options.indexOf('>') >= 0) {
                throw checks.error(arg + 2, "invalid option");
            }
            info = FrameInfo.ofFunction(target);
        } else {
            Level level = level(thread, (int) checks.checkInteger(args, arg + 1));
            if (!level.exists()) {
                return LuaValue.NIL;
            }
            info = level.frame() == null ? FrameInfo.ofC(level.cName()) : FrameInfo.ofFrame(level.frame());
        }
        for (char option : options.toCharArray()) {
            if ("SlunLtf".indexOf(option) < 0) {
                throw checks.error(arg + 2, "invalid option");
            }
        }
        return BoardTables.filled(tracker.heap(), info.table(options), "db_getinfo");
    }

    private Varargs local(Varargs args, boolean set) {
        String function = set ? "setlocal" : "getlocal";
        LibArgs checks = check.of(function);
        LuaThread thread = thread(args);
        int arg = args.arg1() instanceof LuaThread ? 1 : 0;
        if (!set) {
            int n = (int) checks.checkInteger(args, arg + 2);
            if (args.arg(arg + 1) instanceof LuaClosure closure) { // only parameter names, no value
                LuaString name = n >= 1 && n <= closure.p.numparams ? closure.p.getlocalname(n, 0) : null;
                return name == null ? LuaValue.NIL : name;
            }
            if (args.arg(arg + 1).isfunction()) {
                return LuaValue.NIL;
            }
        }
        Level level = level(thread, (int) checks.checkInteger(args, arg + 1));
        int n = (int) checks.checkInteger(args, arg + 2);
        if (!level.exists()) {
            throw checks.error(arg + 1, "level out of range");
        }
        if (set) {
            checks.checkAny(args, arg + 3);
        }
        ShadowFrame frame = level.frame();
        if (frame == null || frame.stack == null) {
            return LuaValue.NIL;
        }
        LuaString name;
        if (n < 0) { // the extra arguments of a vararg function
            int index = -n;
            boolean present = frame.info.proto.is_vararg != 0 && frame.varargs != null && index <= frame.varargs.narg();
            if (!present) {
                return LuaValue.NIL;
            }
            if (set) {
                return LuaValue.NIL; // LuaJ keeps them in an immutable list
            }
            return LuaValue.varargsOf(LuaValue.valueOf("(*vararg)"), frame.varargs.arg(index));
        }
        name = n >= 1 ? frame.info.proto.getlocalname(n, frame.pc) : null;
        if (name == null || n > frame.stack.length) {
            return LuaValue.NIL; // temporaries are not shown (LUA-DIFFERENCES.md)
        }
        if (set) {
            frame.stack[n - 1] = args.arg(arg + 3);
            return name;
        }
        return LuaValue.varargsOf(name, frame.stack[n - 1]);
    }

    private Varargs traceback(Varargs args) {
        LuaThread thread = thread(args);
        int arg = args.arg1() instanceof LuaThread ? 1 : 0;
        LuaValue message = args.arg(arg + 1);
        if (!message.isnil() && !message.isstring()) {
            return message; // a non-string message is returned untouched
        }
        boolean current = thread == globals.running;
        int first = (int) check.of("traceback").optInteger(args, arg + 2, current ? 1 : 0);
        StringBuilder out = new StringBuilder();
        if (!message.isnil()) {
            out.append(message.tojstring()).append('\n');
        }
        out.append("stack traceback:");
        int last = first;
        while (level(thread, last).exists()) {
            last++;
        }
        for (int at = Math.max(first, 0); at < last; at++) {
            if (last - first > 21 && at == first + 10) { // lauxlib.c LEVELS1/LEVELS2: the middle is cut
                out.append("\n\t...");
                at = last - 11;
            }
            Level level = level(thread, at);
            ShadowFrame frame = level.frame();
            out.append("\n\t");
            if (frame != null) {
                out.append(frame.info.chunk).append(':').append(frame.line()).append(": in ").append(Tracebacks.phrase(frame));
            } else if (at == 0) {
                out.append("[C]: in function '").append(current ? "debug.traceback" : level.cName()).append('\'');
            } else {
                out.append("[C]: in ?");
            }
        }
        return LuaValue.valueOf(out.toString());
    }
}
