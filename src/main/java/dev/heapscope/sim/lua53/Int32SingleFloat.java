package dev.heapscope.sim.lua53;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaNumber;
import org.luaj.vm2.LuaValue;

import java.util.function.IntBinaryOperator;

/**
 * NodeMCU's default {@code 5.3-int32-singlefp} (luaconf.h: {@code LUA_INTEGER int}, {@code LUA_NUMBER
 * float}): integers and floats are the subtypes {@link Int32} and {@link Float32}; the operators LuaJ has
 * no opcode for ({@code //} and the bitwise ones) are here, with lvm.c's rules and metamethods.
 */
public final class Int32SingleFloat implements NumberModel {
    public static final Int32SingleFloat INSTANCE = new Int32SingleFloat();

    private Int32SingleFloat() {
    }

    @Override
    public LuaValue literal(String numeral) {
        if (numeral.isEmpty() || NumberText.isSpace(numeral.charAt(0)) || numeral.charAt(0) == '-'
                || numeral.charAt(0) == '+' || NumberText.isSpace(numeral.charAt(numeral.length() - 1))) {
            return null;
        }
        return NumberText.parse(numeral);
    }

    @Override
    public LuaValue integer(long value) {
        return Int32.of((int) value);
    }

    @Override
    public LuaValue floating(double value) {
        return Float32.of((float) value);
    }

    @Override
    public LuaValue normalize(LuaValue v) {
        if (v instanceof BoardNumber || !(v instanceof LuaNumber)) {
            return v;
        }
        return Arith53.isInteger(v) ? Int32.of(v.toint()) : Float32.of((float) v.todouble());
    }

    @Override
    public boolean hasIntegerOperators() {
        return true;
    }

    @Override
    public LuaValue floorDivide(LuaValue a, LuaValue b) {
        LuaValue x = Arith53.operandOf(a);
        LuaValue y = Arith53.operandOf(b);
        if (x != null && y != null) {
            return Arith53.INSTANCE.floorDivide(x, y);
        }
        LuaValue h = metamethod(a, b, "__idiv");
        if (h.isnil()) {
            LuaValue bad = x == null ? a : b;
            throw new LuaError("attempt to perform arithmetic __idiv on " + bad.typename() + " and " + bad.typename());
        }
        return h.call(a, b);
    }

    private static LuaValue metamethod(LuaValue a, LuaValue b, String event) {
        LuaValue h = a.metatag(LuaValue.valueOf(event));
        return h.isnil() ? b.metatag(LuaValue.valueOf(event)) : h;
    }

    /** luaV_tointeger on a bitwise operand (strings convert), null when it is no number at all. */
    private static Integer bitOperand(LuaValue v) {
        LuaValue n = Arith53.operandOf(v);
        if (n == null) {
            return null;
        }
        return Arith53.integerOf(n);
    }

    private static LuaValue bitwise(LuaValue a, LuaValue b, String event, IntBinaryOperator op) {
        boolean numbers = Arith53.operandOf(a) != null && Arith53.operandOf(b) != null;
        if (numbers && isIntegral(a) && isIntegral(b)) {
            return Int32.of(op.applyAsInt(bitOperand(a), bitOperand(b)));
        }
        LuaValue h = metamethod(a, b, event);
        if (!h.isnil()) {
            return h.call(a, b);
        }
        if (numbers) {
            throw new LuaError("number has no integer representation");
        }
        LuaValue bad = Arith53.operandOf(a) == null ? a : b;
        throw new LuaError("attempt to perform bitwise operation on a " + bad.typename() + " value");
    }

    private static boolean isIntegral(LuaValue v) {
        LuaValue n = Arith53.operandOf(v);
        return Arith53.isInteger(n) || Arith53.fitsInt(Arith53.toFloat(n));
    }

    @Override
    public LuaValue bitAnd(LuaValue a, LuaValue b) {
        return bitwise(a, b, "__band", (x, y) -> x & y);
    }

    @Override
    public LuaValue bitOr(LuaValue a, LuaValue b) {
        return bitwise(a, b, "__bor", (x, y) -> x | y);
    }

    @Override
    public LuaValue bitXor(LuaValue a, LuaValue b) {
        return bitwise(a, b, "__bxor", (x, y) -> x ^ y);
    }

    @Override
    public LuaValue shiftLeft(LuaValue a, LuaValue b) {
        return bitwise(a, b, "__shl", Arith53::shiftLeft);
    }

    @Override
    public LuaValue shiftRight(LuaValue a, LuaValue b) {
        return bitwise(a, b, "__shr", (x, y) -> Arith53.shiftLeft(x, -y));
    }

    @Override
    public LuaValue bitNot(LuaValue a) {
        return bitwise(a, a, "__bnot", (x, y) -> ~x);
    }
}
