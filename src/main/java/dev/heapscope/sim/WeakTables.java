package dev.heapscope.sim;

import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

import java.util.ArrayList;
import java.util.List;

/**
 * The weak tables one marking pass met, and what Lua 5.3 does with them: an ephemeron (weak keys, strong
 * values) marks a value only once its key is marked, to a fixed point; after marking, entries whose weak
 * key or weak value died are removed. Board thread only.
 */
final class WeakTables {
    private final HeapMarker marker;
    private final List<LuaTable> weakTables = new ArrayList<>();
    private final List<LuaTable> ephemerons = new ArrayList<>();
    private final List<Integer> ephemeronNodes = new ArrayList<>();

    WeakTables(HeapMarker marker) {
        this.marker = marker;
    }

    void reset() {
        weakTables.clear();
        ephemerons.clear();
        ephemeronNodes.clear();
    }

    /** A weak table was traversed; an ephemeron (weak keys only) is revisited by {@link #converge}. */
    void found(LuaTable table, boolean ephemeron, int node) {
        weakTables.add(table);
        if (ephemeron) {
            ephemerons.add(table);
            ephemeronNodes.add(node);
        }
    }

    /**
     * Ephemerons (weak keys, strong values): a value is marked only once its key is, which may follow from
     * another ephemeron's value; repeats until nothing changes (Lua 5.3 {@code convergeephemerons}).
     */
    void converge() {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < ephemerons.size(); i++) {
                int node = ephemeronNodes.get(i);
                for (LuaValue[] entry : entries(ephemerons.get(i))) {
                    if (marker.isMarked(entry[0]) && marker.needsMark(entry[1])) {
                        marker.mark(entry[1], node, PathTree.FIELD, entry[0]);
                        changed = true;
                    }
                }
            }
            marker.propagate();
        }
    }

    /** Removes the entries of weak tables whose weak key ({@code keys}) or weak value ({@code values}) is unmarked. */
    void clear(boolean keys, boolean values) {
        for (LuaTable table : weakTables) {
            LuaValue mode = table.getmetatable() == null ? LuaValue.NIL : table.getmetatable().rawget(HeapMarker.MODE);
            String text = mode.isstring() ? mode.tojstring() : "";
            boolean weakKeys = keys && text.indexOf('k') >= 0;
            boolean weakValues = values && text.indexOf('v') >= 0;
            for (LuaValue[] entry : entries(table)) {
                if (weakKeys && !marker.isMarked(entry[0]) || weakValues && !marker.isMarked(entry[1])) {
                    table.rawset(entry[0], LuaValue.NIL);
                }
            }
        }
    }

    /** A table's entries as {key, value} pairs, read before anything changes the table. */
    private static List<LuaValue[]> entries(LuaTable table) {
        List<LuaValue[]> entries = new ArrayList<>();
        LuaValue key = LuaValue.NIL;
        while (true) {
            Varargs entry = table.next(key);
            key = entry.arg1();
            if (key.isnil()) {
                return entries;
            }
            entries.add(new LuaValue[]{key, entry.arg(2)});
        }
    }
}
