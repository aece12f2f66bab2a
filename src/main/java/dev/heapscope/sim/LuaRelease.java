package dev.heapscope.sim;

/**
 * Which Lua the board's firmware was built with, as its boot banner names it ({@code LUA_RELEASE} and the
 * build option string, NodeMCU lua.c and luaconf.h). The virtual board always runs LuaJ (5.2 semantics);
 * this decides what it prints and which 5.1-only firmware functions ({@code node.egc}) exist.
 */
public enum LuaRelease {
    LUA_53("Lua 5.3.5", "5.3-int32-singlefp"),
    LUA_51("Lua 5.1.4", "5.1-doublefp");

    private final String release;
    private final String options;

    LuaRelease(String release, String options) {
        this.release = release;
        this.options = options;
    }

    /** {@code Lua 5.3.5 [5.3-int32-singlefp]}, as the banner prints it. */
    public String bannerText() {
        return release + " [" + options + "]";
    }
}
