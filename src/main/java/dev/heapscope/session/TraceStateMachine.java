package dev.heapscope.session;

import dev.heapscope.model.TraceMode;

/**
 * Mirrors the board's heap-trace state from the verbs that succeeded, and says which verbs are
 * invalid or dangerous now (nodemcu-console.md: resume before start crashes IDF 5.1; dump between a
 * second init and the next start prints garbage). A refusal is a sentence for the user; null = go.
 */
final class TraceStateMachine {
    private final SessionOptions options;
    private TraceState state = TraceState.UNKNOWN;
    private TraceMode mode;
    private int initsSinceBoot;
    private int bufferRecords;
    private boolean bootKnown;
    // why the board will crash at its next traced allocation, when a typed verb set that up
    private String armedCrash;

    TraceStateMachine(SessionOptions options) {
        this.options = options;
    }

    TraceState state() {
        return state;
    }

    /** The mode of the last start, or null. */
    TraceMode mode() {
        return mode;
    }

    /** Records of the last successful init, 0 when none. */
    int bufferRecords() {
        return bufferRecords;
    }

    /** Dumps print framed (B/C, interrupts masked) unless the firmware is known to print dialect A. */
    boolean expectsFramedDump(dev.heapscope.model.Dialect dialect) {
        return dialect != dev.heapscope.model.Dialect.A;
    }

    String checkInit(int records) {
        return records <= 0 ? "the trace buffer needs at least one record (heaptrace.init(n) with n > 0)" : null;
    }

    String checkStart() {
        return state == TraceState.NO_BUFFER
                ? "there is no trace buffer yet: run heaptrace.init(n) first (start would fail with code 259)" : null;
    }

    String checkStop() {
        return switch (state) {
            case TRACING, UNKNOWN -> null;
            default -> "tracing is not running, so stop() would fail with code 259";
        };
    }

    String checkResume() {
        return switch (state) {
            case TRACING -> "tracing is already running, so resume() would fail with code 259";
            case NO_BUFFER -> "there is no trace buffer: run heaptrace.init(n) and start first";
            case INITIALIZED -> options.allowHazards() || !options.boardCrashesOnResumeBeforeStart() ? null
                    : "resume() after init() but before any start() crashes IDF 5.1 boards on the next "
                    + "allocation: use start instead";
            default -> null;
        };
    }

    String checkDump() {
        boolean secondInitNotStarted = state == TraceState.INITIALIZED && (initsSinceBoot >= 2 || !bootKnown);
        if (secondInitNotStarted && !options.allowHazards()) {
            return "dump() between a second init() and the next start() prints garbage or crashes the board: "
                    + "start first";
        }
        return null;
    }

    void initialized(int records) {
        bufferRecords = records;
        state = TraceState.INITIALIZED;
        initsSinceBoot++;
    }

    void started(TraceMode newMode) {
        state = TraceState.TRACING;
        mode = newMode;
        armedCrash = null;
    }

    void stopped() {
        state = TraceState.STOPPED;
        armedCrash = null;
    }

    void resumed() {
        if (state == TraceState.NO_BUFFER) {
            armedCrash = "resume() before any init() crashes the board on the next allocation (the trace has no "
                    + "record list to write to)";
        } else if (state == TraceState.INITIALIZED && options.boardCrashesOnResumeBeforeStart()) {
            armedCrash = "resume() after init() but before any start() crashes IDF 5.1 boards on the next allocation "
                    + "(start() builds the record list resume() then writes to); the toolbar refuses it for this reason";
        }
        state = TraceState.TRACING;
    }

    /** Why the board just crashed, when a verb sent before explains it; else null. */
    String explainCrash() {
        return armedCrash;
    }

    /** A boot banner: the board rebooted, every trace state is gone. */
    void boardReset() {
        armedCrash = null;
        state = TraceState.NO_BUFFER;
        mode = null;
        initsSinceBoot = 0;
        bufferRecords = 0;
        bootKnown = true;
    }

    void linkLost() {
        state = TraceState.UNKNOWN;
        bootKnown = false;
    }
}
