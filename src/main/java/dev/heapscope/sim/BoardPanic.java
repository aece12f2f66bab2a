package dev.heapscope.sim;

/**
 * Why the virtual board crashed. The board prints {@link #guruMeditationLine()} (right after
 * whatever was on the line, without a newline first), a register dump and reboots.
 *
 * @param core               the core that panicked
 * @param reason             the exception name as ESP-IDF prints it, e.g. {@code LoadProhibited}
 * @param exceptionUnhandled appends {@code  Exception was unhandled.} (CPU exceptions do, watchdogs do not)
 */
public record BoardPanic(int core, String reason, boolean exceptionUnhandled) {

    /** The watchdog reset that cuts a long dump. */
    public static BoardPanic interruptWatchdog() {
        return new BoardPanic(1, "Interrupt wdt timeout on CPU1", false);
    }

    /** A load from the heap trace's uninitialised record list. */
    public static BoardPanic loadProhibited() {
        return new BoardPanic(0, "LoadProhibited", true);
    }

    /** {@code Guru Meditation Error: Core  1 panic'ed (Interrupt wdt timeout on CPU1).} (two spaces after Core). */
    public String guruMeditationLine() {
        return "Guru Meditation Error: Core  " + core + " panic'ed (" + reason + ")."
                + (exceptionUnhandled ? " Exception was unhandled." : "");
    }
}
