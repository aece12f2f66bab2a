package dev.heapscope.sim.lib;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** What the firmware modules may do on the virtual board. Board thread only. */
public interface BoardContext {

    VirtualClock clock();

    /** Network packets, GPIO edges and posted tasks due later; a reboot drops them. */
    BoardEvents events();

    /** What the running scenario's header says about the world ({@code world.*} keys). */
    WorldSettings world();

    /**
     * Calls {@code listener} now and whenever a scenario changes the world, with a queue for the schedule it
     * arms (cancelled at the next change) and the world's settings.
     */
    void onWorld(java.util.function.BiConsumer<BoardEvents, WorldSettings> listener);

    TraceControl trace();

    /** {@code node.heap()}: free bytes of the board heap. */
    long freeBytes();

    /**
     * {@code node.output}: console output goes to {@code sink} (null: to the serial port only again), and to
     * the serial port too when {@code serialToo}. A reboot ends the redirection.
     */
    void redirectOutput(java.util.function.Consumer<byte[]> sink, boolean serialToo);

    /** Writes console text as is (line endings already chosen by the caller). */
    void write(String text);

    /** The board's line ending for prompt, echo and print. */
    String newline();

    /** {@code heaptrace.dump()} is about to print: remember what holds each live record's block (virtual board only). */
    void recordRetainingPaths();

    /** Raw console sink for the heap-trace dump (its own {@code \r\n}). */
    Appendable dumpSink();

    /** Reboots after the current chunk returns. */
    void requestRestart();

    /** {@code esp_restart()}: never returns; the running chunk ends here and the board reboots. */
    RuntimeException restartNow();

    /**
     * A userdata whose block (Lua chain, C function {@code cFunction}) the collector frees; {@code gc} (may be
     * null) is its C {@code __gc}, run once when the collector first finds it unreachable (Lua 5.3: the block is
     * freed by the next collection after that).
     */
    LuaUserdata newUserdata(Object payload, int payloadBytes, LuaTable metatable, String cFunction, Runnable gc);

    /** {@code luaL_ref(L, LUA_REGISTRYINDEX)}: keeps {@code value} alive; {@code label} names it in retaining paths. */
    int ref(LuaValue value, String label);

    /** {@code luaL_unref}; ignores negative references ({@code LUA_NOREF}). */
    void unref(int ref);

    /** The value a reference holds, nil if none. */
    LuaValue refValue(int ref);

    /** The firmware block at {@code address} lives as long as {@code owner} (for retaining paths). */
    void ownFirmware(int address, LuaValue owner, String what);

    /**
     * {@code luaL_argerror} as the board words it: {@code bad argument #2 to 'f' (msg)}, numbered from the
     * method's first argument when the running call is a method call ({@code t:f(...)}).
     */
    LuaError argError(int arg, String function, String message);

    /**
     * A table C function {@code cFunction} made and filled ({@code lua_newtable} then {@code lua_settable}),
     * charged at the size of {@code contents}' parts; fill it before, not after (later growth is not charged).
     */
    LuaTable newTable(LuaTable contents, String cFunction);

    /** A string whose block is charged to C function {@code cFunction}. */
    LuaString newString(byte[] bytes, String cFunction);

    /** A firmware block (not a Lua object) under {@code cFrames}, innermost first; the caller frees it. */
    int allocateFirmware(int sizeBytes, String... cFrames);

    void freeFirmware(int address, String... cFrames);

    /** Runs a Lua callback (timer, task, interrupt) with its own instruction budget; errors print as on the board. */
    void runCallback(LuaValue function, Varargs arguments);

    /** {@code lua_newtable} in C function {@code cFunction}: a table the collector tracks (and frees). */
    LuaTable newTable(String cFunction);

    /** Java code wrote into a table from {@link #newTable}: charge its growth as {@code luaH_resize} does. */
    void tableWritten(LuaTable table);

    FlashFileSystem files();
}
