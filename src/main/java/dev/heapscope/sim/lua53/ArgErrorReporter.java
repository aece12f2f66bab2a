package dev.heapscope.sim.lua53;

import org.luaj.vm2.LuaError;

/**
 * {@code luaL_argerror} as the board words it; the board side knows whether the running call is a method
 * call ({@code s:rep()}), which numbers arguments from after {@code self}.
 */
@FunctionalInterface
public interface ArgErrorReporter {
    LuaError argError(int arg, String function, String message);

    /** Numbers arguments as given, for calls that cannot be method calls. */
    ArgErrorReporter PLAIN = (arg, function, message) ->
            new LuaError("bad argument #" + arg + " to '" + function + "' (" + message + ")");
}
