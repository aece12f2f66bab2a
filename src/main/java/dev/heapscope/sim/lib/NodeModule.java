package dev.heapscope.sim.lib;

import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/** The parts of NodeMCU's {@code node} module a profiling session uses. */
public final class NodeModule {
    private static final int CHIP_ID = 0x7c9ebd3a;

    private NodeModule() {
    }

    public static LuaTable create(BoardContext board) {
        LuaTable module = new LuaTable();
        Fn.put(module, "heap", args -> LuaValue.valueOf((double) board.freeBytes()));
        Fn.put(module, "restart", args -> {
            board.requestRestart();
            return LuaValue.NONE;
        });
        // 5.3-int32: the board's integers are 32 bits, so uptime wraps like there
        Fn.put(module, "uptime", args -> LuaValue.valueOf((int) board.clock().nowMicros()));
        Fn.put(module, "chipid", args -> LuaValue.valueOf("0x" + Integer.toHexString(CHIP_ID)));
        LuaTable egc = new LuaTable();
        egc.set("NOT_ACTIVE", 0);
        egc.set("ALWAYS", 1);
        egc.set("ON_MEM_LIMIT", 2);
        egc.set("ON_ALLOC_FAILURE", 3);
        Fn.put(egc, "setmode", args -> {
            Fn.checkInt(args, 1, "setmode");
            return LuaValue.NONE;
        });
        module.set("egc", egc);
        return module;
    }
}
