package dev.heapscope.sim;

import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaValue;

/**
 * {@code luaL_where(L, level)} over the shadow stack, for {@code error} and {@code assert}: level 1 is the
 * function that called them, level 2 its caller, and so on; a C function at that level (or none) gives no
 * position, as {@code lua_getstack}/{@code currentline} give the board none.
 */
final class ErrorLevels {
    private ErrorLevels() {
    }

    /** {@code "stdin:5: "} or "". */
    static String where(ShadowStack stack, LuaValue raiser, long level) {
        if (level <= 0 || stack.depth == 0) {
            return "";
        }
        int index = 0;
        ShadowFrame frame = stack.fromTop(index);
        if (!calls(frame, raiser)) {
            return ""; // called from a C function (pcall, a library function, the firmware)
        }
        for (long l = 1; l < level; l++) {
            if (index + 1 >= stack.depth) {
                return "";
            }
            ShadowFrame below = stack.fromTop(index + 1);
            if (!frame.directCall && callsJava(below)) {
                return ""; // frame was called by a Java (C) function, which is this level
            }
            frame = below;
            index++;
        }
        return frame.info.chunk + ":" + frame.line() + ": ";
    }

    private static boolean calls(ShadowFrame frame, LuaValue function) {
        int i = frame.code[frame.pc];
        int op = RegisterNamer.op(i);
        return (op == RegisterNamer.OP_CALL || op == RegisterNamer.OP_TAILCALL) && frame.stack[RegisterNamer.a(i)] == function;
    }

    /** The frame's current instruction calls a Java function (a metamethod call or a Lua callee is not). */
    private static boolean callsJava(ShadowFrame frame) {
        int i = frame.code[frame.pc];
        int op = RegisterNamer.op(i);
        if (op != RegisterNamer.OP_CALL && op != RegisterNamer.OP_TAILCALL && op != RegisterNamer.OP_TFORCALL) {
            return false;
        }
        LuaValue callee = frame.stack[RegisterNamer.a(i)];
        return callee instanceof LuaFunction && !(callee instanceof LuaClosure);
    }
}
