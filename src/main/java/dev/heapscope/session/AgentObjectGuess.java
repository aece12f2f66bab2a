package dev.heapscope.session;

/**
 * How many objects the agent will send for a Lua heap of a given size, before any snapshot of that board says
 * better. A booted board's heap is mostly what the agent does not send (compiled code, the registry, boot
 * tables: 9,772 bytes for 64 objects on the virtual board), the rest about 48 bytes per object (75,888 bytes for
 * 1,472 objects of tables, strings and closures; docs/PERFORMANCE.md). An estimate, and said to be one.
 */
public final class AgentObjectGuess {
    static final long BOOT_BYTES = 8 * 1024;
    static final long BOOT_OBJECTS = 64;
    static final long BYTES_PER_OBJECT = 48;

    private AgentObjectGuess() {
    }

    /** Objects expected in a Lua heap of {@code luaBytes} ({@code collectgarbage("count")} × 1024). */
    public static long objectsFor(long luaBytes) {
        return since(BOOT_BYTES, BOOT_OBJECTS, luaBytes);
    }

    /** The same from an earlier snapshot of this board: {@code objects} in {@code luaBytes}, then what grew or shrank. */
    public static long since(long earlierLuaBytes, long earlierObjects, long luaBytes) {
        return Math.max(1, earlierObjects + (luaBytes - earlierLuaBytes) / BYTES_PER_OBJECT);
    }
}
