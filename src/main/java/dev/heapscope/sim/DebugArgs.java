package dev.heapscope.sim;

import dev.heapscope.sim.lua53.LibArgs;

/** Argument checks for the {@code debug} functions, worded as luaL_argerror words them on the board. */
final class DebugArgs {
    private final LuaAllocationTracker tracker;
    private final boolean int32;

    DebugArgs(LuaAllocationTracker tracker, LuaRelease lua) {
        this.tracker = tracker;
        this.int32 = lua == LuaRelease.LUA_53;
    }

    LibArgs of(String function) {
        return new LibArgs((arg, name, message) -> ArgErrors.of(tracker.currentStack().top(), arg, name, message),
                function, int32);
    }
}
