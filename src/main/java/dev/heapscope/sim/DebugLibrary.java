package dev.heapscope.sim;

import java.util.List;
import java.util.Locale;

/**
 * Which {@code debug} library the firmware was built with (components/lua/Kconfig, FIRMWARE-FACTS.md §P):
 * none, the minimal one ({@code CONFIG_LUA_BUILTIN_DEBUG_MINIMAL}, the default) or the extended one. Only
 * the Lua 5.1 build honours "minimal"; the 5.3 ldblib.c registers every function either way.
 */
public enum DebugLibrary {
    NONE, MINIMAL, EXTENDED;

    private static final List<String> LUA53 = List.of("getuservalue", "gethook", "getinfo", "getlocal",
            "getregistry", "getstrings", "getmetatable", "getupvalue", "upvaluejoin", "upvalueid", "setuservalue",
            "sethook", "setlocal", "setmetatable", "setupvalue", "traceback");
    private static final List<String> LUA51 = List.of("getfenv", "gethook", "getinfo", "getlocal", "getregistry",
            "getstrings", "getmetatable", "getupvalue", "setfenv", "sethook", "setlocal", "setmetatable",
            "setupvalue", "traceback");
    private static final List<String> LUA51_MINIMAL = List.of("getregistry", "getstrings", "traceback");

    /** The functions {@code debug} holds on a build of this kind, in the order of the firmware's table. */
    public List<String> functions(LuaRelease lua) {
        if (this == NONE) {
            return List.of();
        }
        if (lua == LuaRelease.LUA_53) {
            return LUA53;
        }
        return this == MINIMAL ? LUA51_MINIMAL : LUA51;
    }

    /** {@code none}, {@code minimal} or {@code extended}, as a board profile spells it. */
    public static DebugLibrary parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("lua.debug must be none, minimal or extended, not '" + text + "'");
        }
    }
}
