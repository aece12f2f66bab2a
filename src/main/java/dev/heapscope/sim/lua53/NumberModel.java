package dev.heapscope.sim.lua53;

import org.luaj.vm2.LuaValue;

/**
 * How the board's Lua build represents numbers: {@code 5.3-int32-singlefp} (32-bit integers and
 * single-precision floats as separate subtypes) or {@code 5.1-doublefp} (one double type). The compiler
 * front end asks it for the value of each numeral and for the 5.3 operators LuaJ's VM has no opcode for.
 */
public interface NumberModel {

    /** The value of a numeral as the source spells it ({@code 10}, {@code 0x1F}, {@code 2.0}, {@code 1e3}), null if malformed. */
    LuaValue literal(String numeral);

    /** An integer value of this build (5.3: wrapped to 32 bits; 5.1: a double). */
    LuaValue integer(long value);

    /** A float value of this build (5.3: rounded to single precision; 5.1: a double). */
    LuaValue floating(double value);

    /**
     * One of LuaJ's own numbers (a {@code LuaInteger} from {@code #} or LuaJ's libraries, a {@code LuaDouble})
     * as this build's number type; anything else unchanged. (Default: unchanged, for test doubles.)
     */
    default LuaValue normalize(LuaValue value) {
        return value;
    }

    /** Whether {@code //}, {@code &}, {@code |}, {@code ~}, {@code <<}, {@code >>} and unary {@code ~} exist. */
    boolean hasIntegerOperators();

    LuaValue floorDivide(LuaValue a, LuaValue b);

    LuaValue bitAnd(LuaValue a, LuaValue b);

    LuaValue bitOr(LuaValue a, LuaValue b);

    LuaValue bitXor(LuaValue a, LuaValue b);

    LuaValue shiftLeft(LuaValue a, LuaValue b);

    LuaValue shiftRight(LuaValue a, LuaValue b);

    LuaValue bitNot(LuaValue a);
}
