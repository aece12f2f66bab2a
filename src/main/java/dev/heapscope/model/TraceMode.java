package dev.heapscope.model;

/** {@code heaptrace.TRACE_ALL} (0) or {@code heaptrace.TRACE_LEAKS} (1). */
public enum TraceMode {
    ALL(0, "all"),
    LEAKS(1, "leaks");

    private final int moduleValue;
    private final String word;

    TraceMode(int moduleValue, String word) {
        this.moduleValue = moduleValue;
        this.word = word;
    }

    /** The number the NodeMCU module uses for this mode. */
    public int moduleValue() {
        return moduleValue;
    }

    /** {@code all} or {@code leaks}: the word used in JSON and on the command line. */
    public String word() {
        return word;
    }

    public static TraceMode ofWord(String word) {
        for (TraceMode mode : values()) {
            if (mode.word.equalsIgnoreCase(word)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown trace mode '" + word + "' (expected leaks or all)");
    }
}
