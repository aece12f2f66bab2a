package dev.heapscope.sim;

import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** Tables and strings a firmware C function makes ({@code lua_newtable}, {@code lua_pushlstring}): tracked from birth. */
final class BoardTables {
    private BoardTables() {
    }

    static LuaTable empty(LuaHeap heap, String cFunction) {
        TrackedTable table = new TrackedTable(new LuaTable());
        heap.trackTable(table, heap.sites.tableFrom(cFunction), -1);
        return table;
    }

    /** A copy of {@code contents}, filled as {@code lua_settable} fills it (growing as it does), then tracked. */
    static LuaTable filled(LuaHeap heap, LuaTable contents, String cFunction) {
        TrackedTable table = new TrackedTable(new LuaTable());
        for (Varargs entry = contents.next(LuaValue.NIL); !entry.arg1().isnil(); entry = contents.next(entry.arg1())) {
            table.rawset(entry.arg1(), entry.arg(2));
        }
        heap.trackTable(table, heap.sites.tableFrom(cFunction), -1);
        return table;
    }

    static org.luaj.vm2.LuaString string(LuaHeap heap, byte[] bytes, String cFunction) {
        org.luaj.vm2.LuaString string = org.luaj.vm2.LuaString.valueOf(bytes);
        heap.trackString(string, heap.sites.stringFrom(cFunction), -1);
        return string;
    }
}
