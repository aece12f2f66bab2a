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
