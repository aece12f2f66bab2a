package dev.heapscope.sim;

import org.luaj.vm2.LuaValue;

import java.util.function.BiConsumer;

/**
 * A Java object (a library function's closure, a userdata's payload) that holds Lua values the way a C
 * closure's upvalues or a userdata's user value do on the board: the collector marks through it.
 */
interface LuaReferences {
    /** Reports each held value with a short name for retaining paths ({@code wrapped coroutine}). */
    void references(BiConsumer<LuaValue, String> visitor);
}
