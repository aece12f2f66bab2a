package dev.heapscope.sim;

import dev.heapscope.sim.lua53.HiddenOperator;
import org.luaj.vm2.LuaValue;

/**
 * Errors raised inside a 5.3 operator the front end compiled into a call ({@code x & 1}): on the board
 * the operator is an instruction, so the message names the offending operand as ldebug.c varinfo does
 * ({@code attempt to perform bitwise operation on a nil value (global 'x')}), blaming the first operand
 * unless it is a usable number (luaG_opinterror, luaG_tointerror).
 */
final class OperatorErrors {
    private OperatorErrors() {
    }

    /** Whether the frame's current instruction calls a hidden operator. */
    static boolean inOperator(ShadowFrame frame) {
        if (frame == null) {
            return false;
        }
        int i = frame.code[frame.pc];
        int op = RegisterNamer.op(i);
        return (op == RegisterNamer.OP_CALL || op == RegisterNamer.OP_TAILCALL)
                && frame.stack[RegisterNamer.a(i)] instanceof HiddenOperator;
    }

    /** {@code body} with the operand's variable appended, when it is an operand error of an operator call. */
    static String describe(String body, ShadowFrame frame) {
        if (!inOperator(frame) || !(body.startsWith("attempt to perform") || body.startsWith("number has no integer"))) {
            return body;
        }
        int i = frame.code[frame.pc];
        int function = RegisterNamer.a(i);
        int operand = function + 1;
        boolean binary = RegisterNamer.b(i) == 3;
        if (binary && usable(frame.stack[operand], body)) {
            operand++;
        }
        FunctionName name = RegisterNamer.name(frame.info.proto, frame.pc, operand);
        String phrase = name == null ? null : name.variablePhrase();
        return phrase == null ? body : body + " (" + phrase + ")";
    }

    private static boolean usable(LuaValue value, String body) {
        if (!value.isnumber()) {
            return false;
        }
        double d = value.todouble();
        return !body.startsWith("number has no integer") || d == Math.rint(d) && !Double.isInfinite(d);
    }
}
