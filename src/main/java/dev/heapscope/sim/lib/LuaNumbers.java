package dev.heapscope.sim.lib;

import org.luaj.vm2.LuaValue;

/**
 * The numbers of the board's Lua build, as a C module makes them ({@code lua_pushinteger},
 * {@code lua_pushnumber}, {@code lua_isinteger}). Implemented over the number model by the board.
 */
public interface LuaNumbers {
    /** {@code lua_pushinteger}: wrapped to the build's integers (a double on 5.1). */
    LuaValue integer(long value);

    /** {@code lua_pushnumber}: rounded to the build's floats. */
    LuaValue floating(double value);

    /** Whether the build has an integer subtype (5.3); on 5.1 every number is a float. */
    boolean hasIntegers();

    /** {@code lua_isinteger}. */
    default boolean isInteger(LuaValue number) {
        return hasIntegers() && number.isinttype();
    }
}
