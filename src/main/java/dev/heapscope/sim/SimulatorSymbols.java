package dev.heapscope.sim;

import dev.heapscope.model.Symbol;
import dev.heapscope.symbols.Symbolizer;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The virtual board's symbol table, as an ELF file is for a real one. The allocator's own functions have
 * fixed addresses from {@value #FIRMWARE_BASE}, other firmware functions addresses from their name
 * (from {@value #MORE_FIRMWARE_BASE}); each distinct Lua frame (function name, chunk, line) gets a
 * synthetic address in {@code 0x42000000..0x42fffffc}, a region the ESP32 does not map, derived from
 * the frame itself. So an address means the same frame on every board, whatever ran before (only a
 * hash collision, moved to the next free address, depends on order). Written by the board thread,
 * readable from any thread.
 */
public final class SimulatorSymbols implements Symbolizer {
    public static final int FIRMWARE_BASE = 0x400d2000;
    public static final int LUA_FRAME_BASE = 0x42000000;
    static final int MORE_FIRMWARE_BASE = 0x40100000;
    private static final int FIRMWARE_STRIDE = 0x40;
    private static final int LUA_FRAME_SLOTS = 1 << 22;
    private static final int MORE_FIRMWARE_SLOTS = 1 << 16;

    private final Map<Integer, Symbol> byAddress = new ConcurrentHashMap<>();
    private final Map<String, Integer> firmwareByName = new ConcurrentHashMap<>();
    private final Map<LuaFrameKey, Integer> luaFrames = new ConcurrentHashMap<>();
    private int nextKnownFirmware;

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
            int address = FIRMWARE_BASE + FIRMWARE_STRIDE * nextKnownFirmware++;
            firmwareByName.put(known[0], address);
            byAddress.put(address, new Symbol(address, known[0], known[1], 0));
        }
    }

    /** The address of a firmware function, the same on every board. */
    public synchronized int firmware(String function, String file) {
        Integer known = firmwareByName.get(function);
        if (known != null) {
            return known;
        }
        int slot = mix(function.hashCode()) & (MORE_FIRMWARE_SLOTS - 1);
        int address = MORE_FIRMWARE_BASE + 16 * slot;
        while (byAddress.containsKey(address)) {
            slot = (slot + 1) & (MORE_FIRMWARE_SLOTS - 1);
            address = MORE_FIRMWARE_BASE + 16 * slot;
        }
        firmwareByName.put(function, address);
        byAddress.put(address, new Symbol(address, function, file, 0));
        return address;
    }

    /** The synthetic address of a Lua frame: {@code function} at {@code chunk:line}, the same on every board. */
    public int luaFrame(String function, String chunk, int line) {
        LuaFrameKey key = new LuaFrameKey(function, chunk, line);
        Integer known = luaFrames.get(key);
        if (known != null) {
            return known;
        }
        synchronized (this) {
            return luaFrames.computeIfAbsent(key, k -> {
                // String.hashCode is specified, so the same frame hashes alike in every JVM
                int slot = mix((function + '\u0000' + chunk).hashCode() * 31 + line) & (LUA_FRAME_SLOTS - 1);
                int address = LUA_FRAME_BASE + 4 * slot;
                while (byAddress.containsKey(address)) {
                    slot = (slot + 1) & (LUA_FRAME_SLOTS - 1);
                    address = LUA_FRAME_BASE + 4 * slot;
                }
                byAddress.put(address, new Symbol(address, function, chunk, line));
                return address;
            });
        }
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x7feb352d;
        h ^= h >>> 15;
        h *= 0x846ca68b;
        return h ^ (h >>> 16);
    }

    public int size() {
        return byAddress.size();
    }

    @Override
    public Optional<Symbol> resolve(int address) {
        return Optional.ofNullable(byAddress.get(address));
    }
}
