package dev.heapscope.sim.lib;

import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * The parts of NodeMCU's {@code node} module a profiling session uses, as {@code components/modules/node.c}
 * (dev-esp32) has them; simulator/FIRMWARE-FACTS.md §D cites the lines.
 */
public final class NodeModule {
    private static final int CHIP_ID = 0x7c9ebd3a;

    private NodeModule() {
    }

    /**
     * @param lua51 a Lua 5.1 build: only there does {@code node.egc} exist
     * @param tasks the task queues {@code node.task.post} posts to
     * @param globals for {@code node.compile}, which compiles a file as the board's loader does
     */
    public static LuaTable create(BoardContext board, boolean lua51, TaskQueue tasks, org.luaj.vm2.Globals globals) {
        LuaTable module = new LuaTable();
        Fn.put(module, "heap", args -> LuaValue.valueOf((int) Math.min(Integer.MAX_VALUE, board.freeBytes())));
        Fn.put(module, "restart", args -> {
            throw board.restartNow(); // esp_restart() does not return
        });
        // node.c pushes the low 53 bits of esp_timer_get_time() as a float and the rest (0) as an integer
        Fn.put(module, "uptime", args -> LuaValue.varargsOf(LuaValue.valueOf((double) board.clock().nowMicros()),
                LuaValue.valueOf(0)));
        Fn.put(module, "chipid", args -> LuaValue.valueOf("0x" + Integer.toHexString(CHIP_ID)));
        NodeInfo.install(module, board);
        NodeSystem.install(module, board, globals);
        NodeOutput.install(module, board, tasks);
        module.set("task", NodeTasks.create(board, tasks));
        if (lua51) { // node.c: node_egc exists only #if defined(CONFIG_LUA_VERSION_51)
            LuaTable egc = new LuaTable();
            egc.set("NOT_ACTIVE", 0);
            egc.set("ON_ALLOC_FAILURE", 1);
            egc.set("ON_MEM_LIMIT", 2);
            egc.set("ALWAYS", 4);
            Fn.put(egc, "setmode", args -> {
                Fn.checkInt(args, 1, "setmode");
                return LuaValue.NONE;
            });
            module.set("egc", egc);
        }
        return module;
    }
}
