package dev.heapscope.sim;

import java.util.HashMap;
import java.util.Map;

/** The allocation sites one board uses, built once against its symbol table. */
final class AllocationSites {
    final AllocationSite table;
    final AllocationSite tableResize;
    final AllocationSite concat;
    final AllocationSite closure;
    final AllocationSite thread;
    final AllocationSite collectFree;
    final AllocationSite stepFree;
    final AllocationSite emergencyFree;
    private final SimulatorSymbols symbols;
    private final Map<String, AllocationSite> cFunctions = new HashMap<>();

    AllocationSites(SimulatorSymbols symbols) {
        this.symbols = symbols;
        table = AllocationSite.of(symbols, "l_alloc", "luaM_realloc_", "luaH_new", "luaV_execute");
        tableResize = AllocationSite.of(symbols, "l_alloc", "luaM_realloc_", "luaH_resize", "luaV_execute");
        concat = AllocationSite.of(symbols, "l_alloc", "luaM_realloc_", "luaS_newlstr", "luaV_concat", "luaV_execute");
        closure = AllocationSite.of(symbols, "l_alloc", "luaM_realloc_", "luaF_newLclosure", "luaV_execute");
        thread = AllocationSite.of(symbols, "l_alloc", "luaM_realloc_", "lua_newthread", "luaD_precall", "luaV_execute");
        collectFree = AllocationSite.of(symbols, "l_alloc", "luaM_realloc_", "freeobj", "sweeplist", "luaC_fullgc",
                "luaB_collectgarbage");
        stepFree = AllocationSite.of(symbols, "l_alloc", "luaM_realloc_", "freeobj", "sweeplist", "luaC_step");
        emergencyFree = AllocationSite.of(symbols, "l_alloc", "luaM_realloc_", "freeobj", "sweeplist", "luaC_fullgc",
                "luaM_realloc_");
    }

    /** A string made by the C library function {@code cFunction} (e.g. {@code str_rep}). */
    AllocationSite stringFrom(String cFunction) {
        return cFunctions.computeIfAbsent("s:" + cFunction, k -> AllocationSite.of(symbols, "l_alloc", "luaM_realloc_",
                "luaS_newlstr", cFunction, "luaD_precall", "luaV_execute"));
    }

    /** A table made by a C function (e.g. {@code sjson_decode}). */
    AllocationSite tableFrom(String cFunction) {
        return cFunctions.computeIfAbsent("t:" + cFunction, k -> AllocationSite.of(symbols, "l_alloc", "luaM_realloc_",
                "luaH_new", cFunction, "luaD_precall", "luaV_execute"));
    }

    /** A userdata made by a C function (e.g. {@code tmr_create}). */
    AllocationSite userdataFrom(String cFunction) {
        return cFunctions.computeIfAbsent("u:" + cFunction, k -> AllocationSite.of(symbols, "l_alloc", "luaM_realloc_",
                "luaS_newudata", "lua_newuserdata", cFunction, "luaD_precall", "luaV_execute"));
    }

    /** A firmware (non-Lua) allocation, e.g. {@code xTimerCreate} called from {@code tmr_register}. */
    AllocationSite firmware(String... cFrames) {
        String key = "f:" + String.join("/", cFrames);
        return cFunctions.computeIfAbsent(key, k -> {
            String[] frames = java.util.Arrays.copyOf(cFrames, cFrames.length + 2);
            frames[cFrames.length] = "luaD_precall";
            frames[cFrames.length + 1] = "luaV_execute";
            return AllocationSite.of(symbols, frames);
        });
    }
}
