package dev.heapscope.sim;

import dev.heapscope.sim.lua53.HiddenOperator;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaValue;

/** Builds the board's {@code stack traceback:} text from a shadow stack (lines joined with {@code \n}). */
final class Tracebacks {
    private Tracebacks() {
    }

    /**
     * @param inJavaCall the error was raised inside the Java function the innermost frame is calling,
     *                   which then appears as a {@code [C]} frame first
     */
    static String of(ShadowStack stack, boolean inJavaCall) {
        StringBuilder out = new StringBuilder("stack traceback:");
        if (stack.depth > 0 && inJavaCall) {
            ShadowFrame top = stack.top();
            String callee = javaCalleeName(top);
            if (callee != null) {
                out.append("\n\t[C]: in function '").append(callee).append('\'');
            }
        }
        for (int level = 0; level < stack.depth; level++) {
            ShadowFrame frame = stack.fromTop(level);
            out.append("\n\t").append(frame.info.chunk).append(':').append(frame.line()).append(": in ")
                    .append(phrase(frame));
        }
        out.append("\n\t[C]: in ?");
        return out.toString();
    }

    /**
     * As Lua 5.3 names a frame: by its call site; a function called from C only by a global holding it
     * (5.3 searches {@code package.loaded}), otherwise {@code function <chunk:line>}.
     */
    static String phrase(ShadowFrame frame) {
        FunctionName name = frame.name;
        if (!frame.namedAtCall && name.kind() != FunctionName.Kind.GLOBAL && name.kind() != FunctionName.Kind.MAIN) {
            name = FunctionName.ANONYMOUS;
        }
        return name.tracebackPhrase(frame.info.chunk, frame.info.proto.linedefined);
    }

    /** The name of the Java function the frame's current call instruction calls, or null. */
    static String javaCalleeName(ShadowFrame frame) {
        int i = frame.code[frame.pc];
        int op = RegisterNamer.op(i);
        if (op != RegisterNamer.OP_CALL && op != RegisterNamer.OP_TAILCALL) {
            return null;
        }
        LuaValue callee = frame.stack[RegisterNamer.a(i)];
        if (!(callee instanceof LuaFunction) || callee instanceof LuaClosure || callee instanceof HiddenOperator) {
            return null;
        }
        FunctionName name = frame.info.calleeName(frame.pc);
        return name == null ? "?" : name.name().replace(':', '.');
    }
}
