package dev.heapscope.sim;

import org.luaj.vm2.LuaNumber;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * How the marker traverses a table, as Lua 5.3 does: its metatable, then its entries, where a weak table
 * ({@code __mode} "k", "v" or "kv") holds only what is weak in it by string (strings are values in 5.3,
 * never collected from a weak table) and an ephemeron's value only once its key is marked. Notes on
 * tracked tables whether they hold only numbers and booleans (leaf tables the next pass can skip).
 */
final class TableMarker {
    private final HeapMarker marker;
    private final WeakTables weak;

    TableMarker(HeapMarker marker, WeakTables weak) {
        this.marker = marker;
        this.weak = weak;
    }

    /** Marks what {@code table} holds (its metatable, keys and values), honouring its {@code __mode}. */
    void traverse(LuaTable table, int node) {
        LuaValue metatable = table.getmetatable();
        boolean weakKeys = false;
        boolean weakValues = false;
        if (metatable != null) {
            marker.mark(metatable, node, PathTree.METATABLE, null);
            LuaValue mode = metatable.rawget(HeapMarker.MODE);
            if (mode.isstring()) {
                String text = mode.tojstring();
                weakKeys = text.indexOf('k') >= 0;
                weakValues = text.indexOf('v') >= 0;
            }
        }
        if (weakKeys || weakValues) {
            weak.found(table, weakKeys && !weakValues, node);
        }
        LuaValue key = LuaValue.NIL;
        boolean leaf = metatable == null;
        if (!weakKeys && !weakValues) {
            // a strong table's array part is read directly (the hot path: no Varargs per entry)
            LuaValue[] array = LuaSizes.arrayPart(table);
            for (int i = 0; i < array.length; i++) {
                LuaValue value = array[i];
                if (value != null && !(value instanceof LuaNumber) && !value.isnil()) {
                    leaf &= value.type() == LuaValue.TBOOLEAN;
                    marker.mark(value, node, PathTree.FIELD, marker.recordingPaths() ? LuaValue.valueOf(i + 1) : null);
                }
            }
            if (LuaSizes.hashSlots(table) == 0) {
                noteTraversed(table, leaf);
                return;
            }
            key = array.length == 0 ? LuaValue.NIL : LuaValue.valueOf(array.length);
        }
        while (true) {
            Varargs entry = table.next(key);
            key = entry.arg1();
            if (key.isnil()) {
                noteTraversed(table, leaf);
                return;
            }
            LuaValue value = entry.arg(2);
            leaf &= (key instanceof LuaNumber || key.type() == LuaValue.TBOOLEAN)
                    && (value instanceof LuaNumber || value.type() == LuaValue.TBOOLEAN);
            if (!weakKeys || key instanceof LuaString) {
                marker.mark(key, node, PathTree.KEY, null); // strings are never weak in 5.3
            }
            if (!weakValues || value instanceof LuaString) {
                if (!weakKeys || marker.isMarked(key)) {
                    marker.mark(value, node, PathTree.FIELD, key);
                }
            }
        }
    }

    private static void noteTraversed(LuaTable table, boolean leaf) {
        if (table instanceof TrackedTable tracked) {
            tracked.written = false;
            tracked.leaf = leaf;
        }
    }
}
