package dev.heapscope.sim.lua53;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;

/**
 * NodeMCU's default {@code 5.3-int32-singlefp}: 32-bit integers that wrap, single-precision floats.
 * PLACEHOLDER until the number types land: literals are LuaJ's numbers, operators work on 32-bit ints.
 */
public final class Int32SingleFloat implements NumberModel {
    public static final Int32SingleFloat INSTANCE = new Int32SingleFloat();

    private Int32SingleFloat() {
    }

    @Override
    public LuaValue literal(String numeral) {
        try {
            String text = numeral.toLowerCase(java.util.Locale.ROOT);
            if (text.startsWith("0x") && !text.contains(".") && !text.contains("p")) {
                return LuaValue.valueOf((int) Long.parseUnsignedLong(text.substring(2), 16));
            }
            return LuaValue.valueOf(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public LuaValue integer(long value) {
        return LuaValue.valueOf((int) value);
    }

    @Override
    public LuaValue floating(double value) {
        return LuaValue.valueOf((double) (float) value);
    }

    @Override
    public boolean hasIntegerOperators() {
        return true;
    }

    private static int integer(LuaValue v) {
        if (!v.isnumber()) {
            throw new LuaError("attempt to perform bitwise operation on a " + v.typename() + " value");
        }
        return v.toint();
    }

    @Override
    public LuaValue floorDivide(LuaValue a, LuaValue b) {
        return LuaValue.valueOf(Math.floorDiv(integer(a), integer(b)));
    }

    @Override
    public LuaValue bitAnd(LuaValue a, LuaValue b) {
        return LuaValue.valueOf(integer(a) & integer(b));
    }

    @Override
    public LuaValue bitOr(LuaValue a, LuaValue b) {
        return LuaValue.valueOf(integer(a) | integer(b));
    }

    @Override
    public LuaValue bitXor(LuaValue a, LuaValue b) {
        return LuaValue.valueOf(integer(a) ^ integer(b));
    }

    @Override
    public LuaValue shiftLeft(LuaValue a, LuaValue b) {
        int n = integer(b);
        return LuaValue.valueOf(n >= 32 || n <= -32 ? 0 : n >= 0 ? integer(a) << n : integer(a) >>> -n);
    }

    @Override
    public LuaValue shiftRight(LuaValue a, LuaValue b) {
        int n = integer(b);
        return LuaValue.valueOf(n >= 32 || n <= -32 ? 0 : n >= 0 ? integer(a) >>> n : integer(a) << -n);
    }

    @Override
    public LuaValue bitNot(LuaValue a) {
        return LuaValue.valueOf(~integer(a));
    }
}
