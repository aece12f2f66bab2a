package dev.heapscope.sim;

import org.luaj.vm2.LuaValue;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * What firmware modules hold in the Lua registry with {@code luaL_ref} (a timer's callback and, while it
 * runs, the timer itself): roots of the collector, each named for retaining paths
 * ({@code tmr#2 callback}). Numbers are reused newest-freed first, as {@code luaL_ref}'s free list does.
 * Board thread only.
 */
final class FirmwareRefs {
    /** {@code LUA_NOREF} (lauxlib.h): no reference; {@link #unref} ignores it. */
    static final int NOREF = -2;

    private record Entry(LuaValue value, String label) {
    }

    private final Map<Integer, Entry> refs = new TreeMap<>();
    private final java.util.ArrayDeque<Integer> freed = new java.util.ArrayDeque<>();
    private int next = 1;

    int ref(LuaValue value, String label) {
        if (value == null || value.isnil()) {
            return -1; // LUA_REFNIL
        }
        int ref = freed.isEmpty() ? next++ : freed.pop();
        refs.put(ref, new Entry(value, label));
        return ref;
    }

    void unref(int ref) {
        if (ref >= 0 && refs.remove(ref) != null) {
            freed.push(ref);
        }
    }

    LuaValue get(int ref) {
        Entry entry = refs.get(ref);
        return entry == null ? LuaValue.NIL : entry.value();
    }

    /** Every held value with its label, in reference order (deterministic). */
    void forEach(BiConsumer<LuaValue, String> visitor) {
        refs.values().forEach(entry -> visitor.accept(entry.value(), entry.label()));
    }

    int size() {
        return refs.size();
    }
}
