package dev.heapscope.sim.lib;

import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

import java.util.Arrays;

/**
 * {@code node.output(fn[, serial_debug])} as dev-esp32 node.c has it: stdout goes to a VFS whose
 * {@code redir_write} copies each write, in chunks of at most 127 bytes, into a malloc'ed 128-byte block,
 * posts it as a high-priority task and (unless {@code serial_debug} is 0) writes it to the console too; the
 * task calls {@code fn} with the chunk as a string and frees the block. The callback is held by a registry
 * reference ({@code luaX_set_ref}) until {@code node.output()} without a function. This is how telnet
 * servers send the console to a socket, and a classic place for a leak. What the callback itself prints
 * goes to the serial port only here (on the board it would be redirected again, without end).
 */
final class NodeOutput {
    private static final int CHUNK_BYTES = 127;
    private static final int NOREF = -2;

    private final BoardContext board;
    private final TaskQueue tasks;
    private int callbackRef = NOREF;
    private boolean inCallback;

    private NodeOutput(BoardContext board, TaskQueue tasks) {
        this.board = board;
        this.tasks = tasks;
    }

    static void install(LuaTable node, BoardContext board, TaskQueue tasks) {
        NodeOutput output = new NodeOutput(board, tasks);
        Fn.put(node, "output", args -> {
            LuaValue callback = args.arg1();
            if (callback.isfunction()) {
                boolean serialToo = args.isnoneornil(2) || args.arg(2).isnumber() && args.arg(2).todouble() != 0;
                output.redirect(callback, serialToo);
            } else {
                output.stop();
            }
            return LuaValue.NONE;
        });
    }

    private void redirect(LuaValue callback, boolean serialToo) {
        board.unref(callbackRef);
        callbackRef = board.ref(callback, "node.output callback");
        board.redirectOutput(this::written, serialToo);
    }

    private void stop() {
        if (callbackRef != NOREF) {
            board.redirectOutput(null, true);
            board.unref(callbackRef);
            callbackRef = NOREF;
        }
    }

    private void written(byte[] bytes) {
        if (inCallback || callbackRef == NOREF) {
            return;
        }
        for (int at = 0; at < bytes.length; at += CHUNK_BYTES) {
            byte[] chunk = Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + CHUNK_BYTES));
            int block = board.allocateFirmware(CHUNK_BYTES + 1, "redir_write");
            if (!tasks.post(TaskQueue.HIGH, priority -> deliver(chunk, block))) {
                board.freeFirmware(block, "free", "redir_write");
                inCallback = true; // the warning itself goes to the serial port, not round again
                try {
                    board.write("E: output overflow\n");
                } finally {
                    inCallback = false;
                }
            }
        }
    }

    private void deliver(byte[] chunk, int block) {
        LuaValue callback = board.refValue(callbackRef);
        try {
            if (callback.isfunction()) {
                inCallback = true;
                board.runCallback(callback, board.newString(chunk, "output_task"));
            }
        } finally {
            inCallback = false;
            board.freeFirmware(block, "free", "output_task");
        }
    }
}
