package dev.heapscope.sim;

/**
 * The firmware frames (innermost first) under which the real Lua VM would make an allocation, e.g.
 * {@code l_alloc ← luaM_realloc_ ← luaH_new ← luaV_execute}. The Lua frames follow them in a chain.
 */
final class AllocationSite {
    private static int nextId;

    final int id;
    final int[] firmwareFrames;

    private AllocationSite(int[] firmwareFrames) {
        synchronized (AllocationSite.class) {
            this.id = nextId++;
        }
        this.firmwareFrames = firmwareFrames;
    }

    /** {@code frames} are firmware function names, innermost first; files are looked up or "?". */
    static AllocationSite of(SimulatorSymbols symbols, String... frames) {
        int[] addresses = new int[frames.length];
        for (int i = 0; i < frames.length; i++) {
            addresses[i] = symbols.firmware(frames[i], fileOf(frames[i]));
        }
        return new AllocationSite(addresses);
    }

    private static String fileOf(String function) {
        if (function.startsWith("str_")) {
            return "lstrlib.c";
        }
        if (function.startsWith("tmr_")) {
            return "modules/tmr.c";
        }
        if (function.startsWith("file_")) {
            return "modules/file.c";
        }
        if (function.startsWith("luaB_")) {
            return "lbaselib.c";
        }
        return function.startsWith("x") || function.startsWith("pv") ? "freertos" : "firmware";
    }
}
