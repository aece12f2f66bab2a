package dev.heapscope.sim;

import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** Tables a firmware C function makes ({@code lua_newtable}): tracked by the simulated heap from birth. */
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
}
