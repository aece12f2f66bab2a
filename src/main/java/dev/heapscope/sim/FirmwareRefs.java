package dev.heapscope.sim;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The Lua registry and what firmware modules hold in it with {@code luaL_ref} (a timer's callback and,
 * while it runs, the timer itself): roots of the collector, each named for retaining paths
 * ({@code tmr#2 callback}). The registry is one real table, the one {@code debug.getregistry()} returns:
 * references are numbered, freed and reused in it exactly as lauxlib's {@code luaL_ref}/{@code luaL_unref}
 * do (the free list threaded through {@code [0]}); Lua 5.3 keeps the main thread at
 * {@code LUA_RIDX_MAINTHREAD} (1) and the globals at {@code LUA_RIDX_GLOBALS} (2), so its first reference
 * is 3. Board thread only.
 */
final class FirmwareRefs {
    /** {@code LUA_NOREF} (lauxlib.h): no reference; {@link #unref} ignores it. */
    static final int NOREF = -2;
    private static final int FREELIST = 0;

    // like _G and package.loaded, the registry is made before the board's first node.heap(): part of the
    // boot baseline, not a tracked object, so its size and growth are not charged (LUA-SIZES.md)
    private final LuaTable registry = new LuaTable();
    private final Map<Integer, String> labels = new TreeMap<>();
    // what else C code keeps in the registry on a board (the debug library's hook table)
    private Consumer<BiConsumer<LuaValue, String>> alsoHeld = visitor -> { };

    /** Fills the predefined entries as the firmware's {@code lua_newstate} and library openers leave them. */
    FirmwareRefs boot(Globals globals, LuaRelease lua) {
        if (lua == LuaRelease.LUA_53) {
            registry.rawset(1, globals.running);
            registry.rawset(2, globals);
        }
        LuaValue packageTable = globals.rawget("package");
        registry.rawset("_LOADED", packageTable.get("loaded"));
        if (lua == LuaRelease.LUA_53) {
            registry.rawset("_PRELOAD", packageTable.get("preload"));
        }
        return this;
    }

    LuaTable registry() {
        return registry;
    }

    int ref(LuaValue value, String label) {
        if (value == null || value.isnil()) {
            return -1; // LUA_REFNIL
        }
        int ref = registry.rawget(FREELIST).toint();
        if (ref != 0) {
            registry.rawset(FREELIST, registry.rawget(ref));
        } else {
            ref = registry.rawlen() + 1; // no holes below a fresh reference: every freed one is in use again
        }
        registry.rawset(ref, value);
        labels.put(ref, label);
        return ref;
    }

    void unref(int ref) {
        if (ref >= 0 && labels.remove(ref) != null) {
            registry.rawset(ref, registry.rawget(FREELIST));
            registry.rawset(FREELIST, LuaValue.valueOf(ref));
        }
    }

    LuaValue get(int ref) {
        return labels.containsKey(ref) ? registry.rawget(ref) : LuaValue.NIL;
    }

    void alsoHolds(Consumer<BiConsumer<LuaValue, String>> more) {
        alsoHeld = more;
    }

    /** Every held value with its label, in reference order (deterministic), then what {@link #alsoHolds} adds. */
    void forEach(BiConsumer<LuaValue, String> visitor) {
        labels.forEach((ref, label) -> visitor.accept(registry.rawget(ref), label));
        alsoHeld.accept(visitor);
    }

    int size() {
        return labels.size();
    }

    /** Reference number → its owner's label ({@code tmr#1 callback}), in reference order. */
    Map<Integer, String> labels() {
        return java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
    }
}
