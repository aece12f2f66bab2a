package dev.heapscope.sim.lua53;

import org.luaj.vm2.LuaValue;

/** One build's arithmetic on number operands (already converted from strings by {@link #operand}). */
interface Arithmetic {
    /** A number, or a string that converts to one; null otherwise (then metamethods or the error). */
    LuaValue operand(LuaValue v);

    /** A Java double LuaJ handed back for one of its own numbers or a numeric string. */
    LuaValue fromLuaj(double d);

    LuaValue fromLuaj(int i);

    /** The exact mathematical value, for comparisons. */
    double exact(LuaValue v);

    /** The integer a number stands for where a library needs one, or the build's error. */
    int integer(LuaValue v);

    LuaValue add(LuaValue a, LuaValue b);

    LuaValue sub(LuaValue a, LuaValue b);

    LuaValue mul(LuaValue a, LuaValue b);

    LuaValue div(LuaValue a, LuaValue b);

    LuaValue mod(LuaValue a, LuaValue b);

    LuaValue pow(LuaValue a, LuaValue b);

    LuaValue neg(LuaValue a);
}
