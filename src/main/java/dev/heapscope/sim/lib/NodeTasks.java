package dev.heapscope.sim.lib;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * {@code node.task} of node.c (dev-esp32): {@code post([priority,] fn)} holds {@code fn} by a registry
 * reference ({@code luaL_ref}) from the post until {@code do_node_task} runs it, which releases the
 * reference before the call and passes the priority. simulator/FIRMWARE-FACTS.md §M.
 */
final class NodeTasks {
    private NodeTasks() {
    }

    static LuaTable create(BoardContext board, TaskQueue tasks) {
        LuaTable task = new LuaTable();
        task.set("LOW_PRIORITY", TaskQueue.LOW);
        task.set("MEDIUM_PRIORITY", TaskQueue.MEDIUM);
        task.set("HIGH_PRIORITY", TaskQueue.HIGH);
        Fn.put(task, "post", args -> post(board, tasks, args));
        return task;
    }

    private static Varargs post(BoardContext board, TaskQueue tasks, Varargs args) {
        int n = 1;
        int priority = TaskQueue.MEDIUM;
        if (args.arg(1).type() == LuaValue.TNUMBER) {
            long given = Fn.checkInteger(board, args, 1, "post") & 0xffffffffL; // cast to unsigned
            if (given > TaskQueue.HIGH) {
                throw board.argError(1, "post", "invalid  priority"); // sic: two spaces in node.c
            }
            priority = (int) given;
            n = 2;
        }
        if (!args.arg(n).isfunction()) {
            throw board.argError(n, "post", "invalid function");
        }
        int ref = board.ref(args.arg(n), "node.task.post function");
        boolean posted = tasks.post(priority, runAt -> {
            LuaValue function = board.refValue(ref);
            board.unref(ref);
            board.runCallback(function, LuaValue.valueOf(runAt));
        });
        if (!posted) {
            board.unref(ref);
            throw new LuaError("Task queue overflow. Task not posted");
        }
        return LuaValue.NONE;
    }
}
