package dev.heapscope.sim.lua53;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;

/**
 * The legacy branch's {@code 5.1-doublefp}: one number type, a double, printed with {@code %.14g}; no
 * integer operators (the front end rejects them as Lua 5.1's parser does).
 */
public final class DoubleOnly implements NumberModel {
    public static final DoubleOnly INSTANCE = new DoubleOnly();

    private DoubleOnly() {
    }

    @Override
    public LuaValue literal(String numeral) {
        if (numeral.isEmpty() || !Character.isDigit(numeral.charAt(0)) && numeral.charAt(0) != '.'
                || NumberText.isSpace(numeral.charAt(numeral.length() - 1))) {
            return null;
        }
        Double value = Arith51.parse(numeral);
        return value == null ? null : Double64.of(value);
    }

    @Override
    public LuaValue integer(long value) {
        return Double64.of(value);
    }

    @Override
    public LuaValue floating(double value) {
        return Double64.of(value);
    }

    @Override
    public LuaValue normalize(LuaValue value) {
        return value instanceof org.luaj.vm2.LuaNumber && !(value instanceof Double64) ? Double64.of(value.todouble()) : value;
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
