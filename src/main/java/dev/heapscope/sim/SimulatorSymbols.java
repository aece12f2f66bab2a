package dev.heapscope.sim;

import dev.heapscope.symbols.Symbol;
import dev.heapscope.symbols.Symbolizer;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The virtual board's symbol table, as an ELF file is for a real one. Firmware functions have fixed
 * addresses from {@value #FIRMWARE_BASE}; each distinct Lua frame (function name, chunk, line) gets a
 * synthetic address {@code 0x42000000 + 4·n}, a region the ESP32 does not map. Written by the board
 * thread, readable from any thread.
 */
public final class SimulatorSymbols implements Symbolizer {
    public static final int FIRMWARE_BASE = 0x400d2000;
    public static final int LUA_FRAME_BASE = 0x42000000;
    private static final int FIRMWARE_STRIDE = 0x40;

    private final Map<Integer, Symbol> byAddress = new ConcurrentHashMap<>();
    private final Map<String, Integer> firmwareByName = new ConcurrentHashMap<>();
    private final Map<LuaFrameKey, Integer> luaFrames = new ConcurrentHashMap<>();
    private int nextFirmware;

    private record LuaFrameKey(String function, String chunk, int line) {
    }

    /** The firmware functions every board knows, in a fixed order so their addresses never change. */
    private static final List<String[]> KNOWN_FIRMWARE = List.of(
            new String[]{"l_alloc", "lauxlib.c"}, new String[]{"luaM_realloc_", "lmem.c"},
            new String[]{"luaH_new", "ltable.c"}, new String[]{"luaH_resize", "ltable.c"},
            new String[]{"luaS_newlstr", "lstring.c"}, new String[]{"luaV_concat", "lvm.c"},
            new String[]{"luaF_newLclosure", "lfunc.c"}, new String[]{"luaS_newudata", "lstring.c"},
            new String[]{"lua_newuserdata", "lapi.c"}, new String[]{"luaV_execute", "lvm.c"},
            new String[]{"luaD_precall", "ldo.c"}, new String[]{"lua_newthread", "lstate.c"},
            new String[]{"freeobj", "lgc.c"}, new String[]{"sweeplist", "lgc.c"},
            new String[]{"luaC_fullgc", "lgc.c"}, new String[]{"luaB_collectgarbage", "lbaselib.c"},
            new String[]{"luaC_step", "lgc.c"}, new String[]{"lua_close", "lstate.c"});

    public SimulatorSymbols() {
        for (String[] known : KNOWN_FIRMWARE) {
            firmware(known[0], known[1]);
        }
    }

    /** The fixed address of a firmware function, registering it on first use. */
    public synchronized int firmware(String function, String file) {
        Integer known = firmwareByName.get(function);
        if (known != null) {
            return known;
        }
        int address = FIRMWARE_BASE + FIRMWARE_STRIDE * nextFirmware++;
        firmwareByName.put(function, address);
        byAddress.put(address, new Symbol(address, function, file, 0));
        return address;
    }

    /** The synthetic address of a Lua frame: {@code function} at {@code chunk:line}. */
    public int luaFrame(String function, String chunk, int line) {
        LuaFrameKey key = new LuaFrameKey(function, chunk, line);
        Integer known = luaFrames.get(key);
        if (known != null) {
            return known;
        }
        synchronized (this) {
            return luaFrames.computeIfAbsent(key, k -> {
                int address = LUA_FRAME_BASE + 4 * luaFrames.size();
                byAddress.put(address, new Symbol(address, function, chunk, line));
                return address;
            });
        }
    }

    public int size() {
        return byAddress.size();
    }

    @Override
    public Optional<Symbol> resolve(int address) {
        return Optional.ofNullable(byAddress.get(address));
    }
}
