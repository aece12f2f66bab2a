package dev.heapscope.sim.lua53;

/**
 * What a library function that loops in Java owes the board: its work, charged to the running chunk's
 * instruction budget (so a pattern that backtracks for ever ends like a runaway loop), and the bytes of a
 * result, claimed from the simulated heap before Java allocates them (so no script can make the JVM hold
 * more than the board could).
 */
public interface WorkMeter {
    /** Work done outside Lua instructions, in instruction equivalents; throws when the budget is spent. */
    void spend(long work);

    /** Refuses, with the board's {@code not enough memory}, a result of {@code bytes} the heap cannot hold. */
    void reserve(long bytes);

    /**
     * lua_checkstack: whether the running thread's stack may grow by {@code slots} values, which the board
     * refuses past LUAI_MAXSTACK or when the grown stack does not fit its heap. Callers word the refusal
     * as their C function does ({@code too many results to unpack}, {@code string slice too long}).
     */
    default boolean stackFits(long slots) {
        return slots >= 0 && slots < MAX_STACK_SLOTS;
    }

    /** Work charged per byte copied, scanned or compared: one instruction equivalent per this many bytes. */
    int BYTES_PER_WORK = 16;

    /** luaconf.h LUAI_MAXSTACK. */
    long MAX_STACK_SLOTS = 1_000_000;

    /** For libraries used outside a board (tests of the front end): nothing is charged. */
    WorkMeter UNMETERED = new WorkMeter() {
        @Override
        public void spend(long work) {
        }

        @Override
        public void reserve(long bytes) {
        }
    };
}
