package dev.heapscope.sim.lib;

import dev.heapscope.sim.TraceControl;
import dev.heapscope.sim.VirtualClock;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;

/** What the firmware modules may do on the virtual board. Board thread only. */
public interface BoardContext {

    VirtualClock clock();

    TraceControl trace();

    /** {@code node.heap()}: free bytes of the board heap. */
    long freeBytes();

    /** Writes console text as is (line endings already chosen by the caller). */
    void write(String text);

    /** The board's line ending for prompt, echo and print. */
    String newline();

    /** Raw console sink for the heap-trace dump (its own {@code \r\n}). */
    Appendable dumpSink();

    /** Reboots after the current chunk returns. */
    void requestRestart();

    /** A userdata whose block (Lua chain, C function {@code cFunction}) is freed when it is collected. */
    LuaUserdata newUserdata(Object payload, int payloadBytes, LuaTable metatable, String cFunction, Runnable onCollected);

    /** A string whose block is charged to C function {@code cFunction}. */
    LuaString newString(byte[] bytes, String cFunction);

    /** A firmware block (not a Lua object) under {@code cFrames}, innermost first; the caller frees it. */
    int allocateFirmware(int sizeBytes, String... cFrames);

    void freeFirmware(int address, String... cFrames);

    /** Runs a Lua callback (timer) with its own instruction budget; errors print as on the board. */
    void runCallback(LuaValue function, LuaValue argument);

    FlashFileSystem files();
}
