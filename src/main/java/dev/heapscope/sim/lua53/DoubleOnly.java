package dev.heapscope.sim.lua53;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;

/**
 * The legacy branch's {@code 5.1-doublefp}: one number type, a double, printed with {@code %.14g}; no
 * integer operators (the front end rejects them as Lua 5.1's parser does).
 * PLACEHOLDER until the number types land: literals are LuaJ's numbers.
 */
public final class DoubleOnly implements NumberModel {
    public static final DoubleOnly INSTANCE = new DoubleOnly();

    private DoubleOnly() {
    }

    @Override
    public LuaValue literal(String numeral) {
        return Int32SingleFloat.INSTANCE.literal(numeral);
    }

    @Override
    public LuaValue integer(long value) {
        return LuaValue.valueOf((double) value);
    }

    @Override
    public LuaValue floating(double value) {
        return LuaValue.valueOf(value);
    }

    @Override
    public boolean hasIntegerOperators() {
        return false;
    }

    private static LuaError none() {
        return new LuaError("Lua 5.1 has no integer operators");
    }

    @Override
    public LuaValue floorDivide(LuaValue a, LuaValue b) {
        throw none();
    }

    @Override
    public LuaValue bitAnd(LuaValue a, LuaValue b) {
        throw none();
    }

    @Override
    public LuaValue bitOr(LuaValue a, LuaValue b) {
        throw none();
    }

    @Override
    public LuaValue bitXor(LuaValue a, LuaValue b) {
        throw none();
    }

    @Override
    public LuaValue shiftLeft(LuaValue a, LuaValue b) {
        throw none();
    }

    @Override
    public LuaValue shiftRight(LuaValue a, LuaValue b) {
        throw none();
    }

    @Override
    public LuaValue bitNot(LuaValue a) {
        throw none();
    }
}
