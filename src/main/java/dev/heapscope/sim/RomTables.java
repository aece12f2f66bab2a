package dev.heapscope.sim;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * On the board the library and firmware module tables ({@code string}, {@code tmr}, {@code wifi.sta}...) are
 * ROTables in flash: Lua reads them like tables, but {@code luaH_set} refuses every write with "table is
 * readonly" (ltable.c, dev-esp32), {@code rawset} included. They are not heap, so a heap walker must neither
 * count them nor look inside (the agent tells them apart by that refusal). After boot the board swaps each
 * such table in {@code _G} and {@code package.loaded} for a read-only copy; {@code _G},
 * {@code package} and {@code package.loaded} stay in RAM, as on the board. Lua 5.3 builds only.
 */
final class RomTables {
    private RomTables() {
    }

    /** A table in flash: filled once, then every write raises. */
    static final class RomTable extends LuaTable {
        private boolean sealed;

        RomTable(LuaTable parts) {
            for (Varargs entry = parts.next(LuaValue.NIL); !entry.arg1().isnil(); entry = parts.next(entry.arg1())) {
                super.rawset(entry.arg1(), entry.arg(2));
            }
            LuaValue metatable = parts.getmetatable();
            if (metatable != null) {
                super.setmetatable(metatable);
            }
        }

        private void refuse() {
            if (sealed) {
                throw new LuaError("table is readonly");
            }
        }

        @Override
        public void rawset(int key, LuaValue value) {
            refuse();
            super.rawset(key, value);
        }

        @Override
        public void rawset(LuaValue key, LuaValue value) {
            refuse();
            super.rawset(key, value);
        }

        @Override
        public void hashset(LuaValue key, LuaValue value) {
            refuse();
            super.hashset(key, value);
        }

        @Override
        public LuaValue setmetatable(LuaValue metatable) {
            refuse();
            return super.setmetatable(metatable);
        }
    }

    static void seal(Globals globals) {
        LuaValue packageTable = globals.rawget("package");
        LuaValue loaded = packageTable.istable() ? packageTable.rawget("loaded") : LuaValue.NIL;
        Map<LuaTable, LuaTable> flash = new IdentityHashMap<>();
        List<LuaValue> ram = List.of(globals, packageTable, loaded);
        replaceIn(globals, flash, ram);
        if (loaded.istable()) {
            replaceIn((LuaTable) loaded, flash, ram);
        }
        // the strings' metatable indexes the string library in flash too
        if (LuaString.s_metatable instanceof LuaTable meta && meta.rawget(LuaValue.INDEX) instanceof LuaTable string
                && flash.containsKey(string)) {
            meta.rawset(LuaValue.INDEX, flash.get(string));
        }
    }

    private static void replaceIn(LuaTable holder, Map<LuaTable, LuaTable> flash, List<LuaValue> ram) {
        List<LuaValue> keys = new ArrayList<>();
        for (Varargs entry = holder.next(LuaValue.NIL); !entry.arg1().isnil(); entry = holder.next(entry.arg1())) {
            keys.add(entry.arg1());
        }
        for (LuaValue key : keys) {
            if (holder.rawget(key) instanceof LuaTable module && ram.stream().noneMatch(r -> r == module)
                    && !(module instanceof TrackedTable)) {
                holder.rawset(key, inFlash(module, flash, ram));
            }
        }
    }

    private static LuaTable inFlash(LuaTable module, Map<LuaTable, LuaTable> flash, List<LuaValue> ram) {
        if (module instanceof RomTable) {
            return module;
        }
        LuaTable known = flash.get(module);
        if (known == null) {
            RomTable rom = new RomTable(module);
            flash.put(module, rom);
            replaceIn(rom, flash, ram); // its sub-tables (wifi.sta, node.task) are in flash as well
            rom.sealed = true;
            known = rom;
        }
        return known;
    }
}
