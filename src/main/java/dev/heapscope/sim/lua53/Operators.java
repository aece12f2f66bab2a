package dev.heapscope.sim.lua53;

import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.OneArgFunction;
import org.luaj.vm2.lib.TwoArgFunction;

import java.util.function.BinaryOperator;

/**
 * The functions the 5.3 operators LuaJ has no opcode for are compiled into: {@code //}, {@code &},
 * {@code |}, binary and unary {@code ~}, {@code <<}, {@code >>}. An operand that is neither a number nor
 * a string tries its metamethod first ({@code __idiv}, {@code __band}, ...), as lvm.c luaT_trybinTM does;
 * the rest is the number model's, which raises the board's errors.
 */
final class Operators {
    static final int BIT_NOT = -1;

    private Operators() {
    }

    static LuaValue function(int token, NumberModel model) {
        return switch (token) {
            case Tokens.IDIV -> binary("__idiv", "perform arithmetic on", model::floorDivide);
            case '&' -> binary("__band", "perform bitwise operation on", model::bitAnd);
            case '|' -> binary("__bor", "perform bitwise operation on", model::bitOr);
            case '~' -> binary("__bxor", "perform bitwise operation on", model::bitXor);
            case Tokens.SHL -> binary("__shl", "perform bitwise operation on", model::shiftLeft);
            case Tokens.SHR -> binary("__shr", "perform bitwise operation on", model::shiftRight);
            case BIT_NOT -> new BitNot(model);
            default -> throw new IllegalArgumentException("no operator " + token);
        };
    }

    private static Binary binary(String event, String verb, BinaryOperator<LuaValue> operation) {
        return new Binary(event, verb, operation);
    }

    private static boolean plain(LuaValue v) {
        return v.type() == LuaValue.TNUMBER || v.type() == LuaValue.TSTRING;
    }

    private static final class Binary extends TwoArgFunction implements HiddenOperator {
        private final LuaValue event;
        private final String verb;
        private final BinaryOperator<LuaValue> operation;

        Binary(String event, String verb, BinaryOperator<LuaValue> operation) {
            this.event = LuaValue.valueOf(event);
            this.verb = verb;
            this.operation = operation;
            this.name = event.substring(2);
        }

        @Override
        public LuaValue call(LuaValue a, LuaValue b) {
            if (!plain(a) || !plain(b)) {
                LuaValue handler = a.metatag(event);
                if (handler.isnil()) {
                    handler = b.metatag(event);
                }
                if (!handler.isnil()) {
                    return handler.call(a, b);
                }
            }
            return operation.apply(a, b);
        }

        @Override
        public String verb() {
            return verb;
        }
    }

    private static final class BitNot extends OneArgFunction implements HiddenOperator {
        private static final LuaValue EVENT = LuaValue.valueOf("__bnot");
        private final NumberModel model;

        BitNot(NumberModel model) {
            this.model = model;
            this.name = "bnot";
        }

        @Override
        public LuaValue call(LuaValue a) {
            if (!plain(a)) {
                LuaValue handler = a.metatag(EVENT);
                if (!handler.isnil()) {
                    return handler.call(a, a); // lvm.c OP_BNOT passes the operand twice
                }
            }
            return model.bitNot(a);
        }

        @Override
        public String verb() {
            return "perform bitwise operation on";
        }
    }
}
