package dev.heapscope.ui;

import java.util.Locale;

/**
 * What an agent snapshot will cost on the wire, told before it starts: the object count is guessed from the Lua
 * heap's size ({@code collectgarbage("count")}) and the board's last agent snapshot ({@code AgentObjectGuess}),
 * so the seconds are an estimate and the text says so.
 *
 * @param luaBytes the Lua heap now, or -1 when the board did not say
 * @param objects  the objects expected
 * @param seconds  the agent's upload (typed line by line), its run and its lines at {@code baud}
 */
record AgentEstimate(long luaBytes, long objects, double seconds, int baud) {
    /** Objects to expect when the board does not say how big its Lua heap is. */
    static final long UNKNOWN_HEAP_OBJECTS = 2_000;
    /** Longer than this, the user is asked before the agent starts. */
    static final double ASK_ABOVE_SECONDS = 20;

    /**
     * "about 6 s on the wire at 115,200 baud (an estimate: about 1,200 objects in a Lua heap of 56 KB, the agent's
     * upload included)": the seconds are the most, with the upload, which is skipped when the board's flash holds
     * the agent already.
     */
    String text() {
        String heap = luaBytes < 0 ? "the Lua heap's size unknown"
                : String.format(Locale.ROOT, "in a Lua heap of %,d KB", Math.round(luaBytes / 1024.0));
        return String.format(Locale.ROOT, "about %s on the wire at %,d baud (an estimate: about %,d objects %s, "
                        + "the agent's upload included)",
                duration(seconds), baud, objects, heap);
    }

    boolean worthAsking(double askAboveSeconds) {
        return seconds > askAboveSeconds;
    }

    static String duration(double seconds) {
        long whole = Math.max(1, Math.round(seconds));
        return whole < 120 ? whole + " s" : String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60);
    }
}
