package dev.heapscope.sim;

import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaThread;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * Marks what the active Lua frames of a thread hold: each frame's function, varargs and the registers
 * Lua 5.3 would scan. Lua marks a thread's stack up to its top, so which registers count depends on what
 * the frame is doing: below a call, only up to the called function and its arguments (the callee's own
 * frame holds the rest, and a Lua callee owns its arguments as locals); after making a table, closure or
 * string, up to the register it went in ({@code checkGC(L, ra + 1)} in lvm.c); otherwise all of them
 * ({@code L->top = ci->top}). A dead register above that line does not keep garbage alive.
 */
final class FrameMarker {
    private final HeapMarker marker;
    private LuaThread running;
    private int runningTopLimit = -1;

    FrameMarker(HeapMarker marker) {
        this.marker = marker;
    }

    /**
     * The thread running now; {@code topLimit} >= 0 when its innermost frame is at a collection step right
     * after putting a new object in register {@code topLimit} (Lua marks up to there only).
     */
    void setRunning(LuaThread thread, int topLimit) {
        running = thread;
        runningTopLimit = topLimit;
    }

    /** A coroutine reached through a value: its frames, or its body if it has not started. */
    void markThread(LuaThread thread, int node) {
        if (thread.state.status == LuaThread.STATUS_INITIAL) {
            marker.mark(thread.state.function, node, PathTree.LABEL, "coroutine body");
        }
        markFrames(thread, node);
    }

    /** Marks the frames of {@code thread}; {@code parent} -1 makes each a root. */
    void markFrames(LuaThread thread, int parent) {
        if (!(thread.callstack instanceof ShadowStack stack)) {
            return;
        }
        int topLimit = thread == running ? runningTopLimit : -1;
        for (int level = 0; level < stack.depth; level++) {
            ShadowFrame frame = stack.frame(level);
            if (frame.stack == null || frame.closure == null) {
                continue;
            }
            ShadowFrame callee = level + 1 < stack.depth ? stack.frame(level + 1) : null;
            boolean innermost = level == stack.depth - 1;
            // labels only matter for retaining paths; a plain collection skips building them
            String where = marker.paths() == null ? null
                    : frame.name.name() + " (" + frame.info.chunk + ":" + frame.line() + ")";
            marker.mark(frame.closure, parent, PathTree.LABEL, where == null ? null : "function " + where);
            int live = liveRegisters(frame, callee, innermost ? topLimit : -1);
            for (int register = 0; register < live; register++) {
                LuaValue value = frame.stack[register];
                if (value != null) {
                    marker.mark(value, parent, PathTree.LABEL,
                            where == null ? null : registerName(frame, register) + " in " + where);
                }
            }
            markAll(frame.varargs, parent, where == null ? null : "vararg in " + where);
            if (openCall(frame)) {
                markAll(frame.openResults, parent, where == null ? null : "temporary in " + where);
            }
        }
    }

    private void markAll(Varargs values, int parent, String label) {
        if (values == null) {
            return;
        }
        for (int i = 1, n = values.narg(); i <= n; i++) {
            marker.mark(values.arg(i), parent, PathTree.LABEL, label);
        }
    }

    private static String registerName(ShadowFrame frame, int register) {
        LuaString local = frame.info.proto.getlocalname(register + 1, frame.pc);
        return local == null ? "temporary" : "local '" + local.tojstring() + "'";
    }

    /** A call whose arguments end with the open results of the call before it ({@code f(a, g())}). */
    private static boolean openCall(ShadowFrame frame) {
        int i = frame.code[frame.pc];
        int op = RegisterNamer.op(i);
        return (op == RegisterNamer.OP_CALL || op == RegisterNamer.OP_TAILCALL) && RegisterNamer.b(i) == 0;
    }

    static int liveRegisters(ShadowFrame frame, ShadowFrame callee, int topLimit) {
        int length = frame.stack.length;
        if (topLimit >= 0) {
            return Math.min(topLimit + 1, length);
        }
        int i = frame.code[frame.pc];
        int a = RegisterNamer.a(i);
        return switch (RegisterNamer.op(i)) {
            case RegisterNamer.OP_CALL, RegisterNamer.OP_TAILCALL -> {
                if (callee != null && callee.directCall) {
                    yield Math.min(a + 1, length); // a Lua callee holds its arguments itself
                }
                int b = RegisterNamer.b(i);
                yield Math.min(b > 0 ? a + b : frame.openTop - frame.openResultCount(), length);
            }
            case RegisterNamer.OP_TFORCALL -> Math.min(a + 3, length);
            default -> length;
        };
    }
}
