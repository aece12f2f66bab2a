package dev.heapscope.fuzz;

import java.util.Map;
import java.util.TreeMap;

/** What one surface's run came to: inputs, the three kinds of failure, and the slowest input. */
final class Tally {
    final String surface;
    long inputs;
    long escapedExceptions;
    long hangs;
    long badOutputs;
    /** Held, with a doubt saved for the lead (e.g. control characters in output captured off a terminal). */
    long notes;
    long slowestMillis;
    long slowestIndex = -1;
    long elapsedMillis;
    final Map<String, Long> outcomes = new TreeMap<>();

    Tally(String surface) {
        this.surface = surface;
    }

    long failures() {
        return escapedExceptions + hangs + badOutputs;
    }

    void outcome(String name) {
        outcomes.merge(name, 1L, Long::sum);
    }

    @Override
    public String toString() {
        return String.format("%-8s inputs %,9d  escaped exceptions %d  hangs %d  bad outputs %d  notes %d  slowest %,d ms (#%d)  "
                + "elapsed %,d s  outcomes %s", surface, inputs, escapedExceptions, hangs, badOutputs, notes, slowestMillis,
                slowestIndex, elapsedMillis / 1000, outcomes);
    }
}
