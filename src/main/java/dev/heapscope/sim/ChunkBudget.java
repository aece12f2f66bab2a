package dev.heapscope.sim;

/**
 * The instruction budget of one chunk or callback: counted down by the tracker on every instruction, charged by
 * library functions for the work they do in Java, backed by a wall-clock deadline and by a stop that a watchdog
 * outside the board thread may request. Board thread only, but for {@link #requestStop()} and what
 * {@link BoardWatchdog} reads and requests: {@link #serial()}, {@link #running()}, {@link #progress()},
 * {@link #watchdogStop(long)}.
 */
final class ChunkBudget {
    private static final int CHECK_INTERVAL = 1 << 16;

    /** Instructions until the next check; the tracker decrements it on every instruction. */
    int untilCheck;
    private int checkChunk;
    private long remaining = Long.MAX_VALUE; // nothing is metered before the first chunk
    private long given;
    private long deadlineNanos = Long.MAX_VALUE;
    private boolean exhausted;
    private boolean restarting;
    private volatile boolean stopRequested;
    // what the watchdog thread reads: which chunk runs, since when, and whether it still reaches its checks
    private volatile long serial;
    private volatile boolean running;
    private volatile long startedNanos;
    private volatile long progress;
    private volatile Thread runner; // the board thread, or the coroutine thread LuaJ runs a coroutine on
    private volatile long watchdogStopSerial = -1;

    void start(long instructions, long wallMillis) {
        remaining = instructions;
        given = instructions;
        deadlineNanos = System.nanoTime() + wallMillis * 1_000_000L;
        untilCheck = (int) Math.min(CHECK_INTERVAL, instructions);
        checkChunk = untilCheck;
        exhausted = false;
        restarting = false; // a stop stays: the board is closing, so no later chunk may run on
        startedNanos = System.nanoTime();
        serial = serial + 1;
        runner = Thread.currentThread();
        running = true;
    }

    /** The chunk or callback returned (or failed): the watchdog has nothing to watch until the next start. */
    void finish() {
        running = false;
    }

    /** At a check point: false when the chunk must end now (and at every check after). */
    boolean check() {
        endIfRestarting();
        progressed();
        if (!exhausted) {
            remaining -= checkChunk - untilCheck;
            if (within()) {
                untilCheck = (int) Math.min(CHECK_INTERVAL, remaining);
                checkChunk = untilCheck;
                return true;
            }
            exhausted = true;
        }
        untilCheck = 1;
        return false;
    }

    /** Work done in Java, charged and checked at once: false when the chunk must end now. */
    boolean spend(long work) {
        endIfRestarting();
        progressed();
        if (!exhausted) {
            remaining -= Math.max(work, 0);
            if (within()) {
                return true;
            }
            exhausted = true;
        }
        untilCheck = 1;
        return false;
    }

    /** Work charged without a check (a collection's, which may run between chunks); seen at the next instruction. */
    void charge(long work) {
        if (!exhausted && work > 0) {
            remaining -= work;
            if (remaining <= 0) {
                untilCheck = 1;
            }
        }
    }

    /** From any thread, when the board closes: this and every later chunk end at their next check. */
    void requestStop() {
        stopRequested = true;
    }

    /**
     * From the watchdog thread: the chunk numbered {@code chunkSerial}, if it still runs, ends at its next check
     * with the task watchdog's panic (and so does every check after it, until the board reboots).
     */
    void watchdogStop(long chunkSerial) {
        watchdogStopSerial = chunkSerial;
        untilCheck = 1; // a racy write from another thread: at worst the tracker sees it one interval later
    }

    long serial() {
        return serial;
    }

    boolean running() {
        return running;
    }

    long startedNanos() {
        return startedNanos;
    }

    /** Counts the checks and charges: while it moves, the chunk is within reach of the budget. */
    long progress() {
        return progress;
    }

    /** The Java thread that reached the last check: whose CPU time the watchdog reads. */
    Thread runner() {
        return runner;
    }

    private void progressed() {
        progress = progress + 1;
        noteRunner();
    }

    /** The calling thread runs the chunk now; cheap when it already did (a read, no write). */
    void noteRunner() {
        Thread current = Thread.currentThread();
        if (runner != current) {
            runner = current;
        }
    }

    /** {@code esp_restart()} ran: every later check ends the chunk with the restart. */
    void restart() {
        restarting = true;
        untilCheck = 1;
    }

    boolean exhausted() {
        return exhausted;
    }

    /** What the chunk has used of what it was given. */
    long used() {
        return exhausted ? given : Math.min(given, given - remaining + (checkChunk - untilCheck));
    }

    private boolean within() {
        return remaining > 0 && !stopRequested && System.nanoTime() < deadlineNanos;
    }

    private void endIfRestarting() {
        if (restarting) {
            untilCheck = 1;
            throw new BoardRestart();
        }
        if (watchdogStopSerial == serial) {
            untilCheck = 1;
            throw new TaskWatchdogFired();
        }
    }
}
