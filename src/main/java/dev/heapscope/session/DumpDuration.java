package dev.heapscope.session;

/**
 * How long a dump takes to print, to warn before the interrupt watchdog resets the board: IDF 5.1+
 * prints dumps through the ROM printer with interrupts masked, and ~300 ms of that trips the watchdog
 * (heap-trace-format.md §6).
 */
final class DumpDuration {
    static final long WATCHDOG_MILLIS = 300;

    private DumpDuration() {
    }

    /** Bytes of one dialect-B record line: the fixed part plus {@code 0x%08x:} per frame. */
    static long bytesPerRecord(int depth) {
        return 80 + 11L * depth;
    }

    static long millis(int records, int depth, int baudRate) {
        return baudRate <= 0 ? 0 : records * bytesPerRecord(depth) * 10_000L / baudRate;
    }

    /** A warning for the user, or null when the dump is short enough (or the link is not a UART). */
    static String warning(int records, int depth, int baudRate) {
        long millis = millis(records, depth, baudRate);
        if (millis <= WATCHDOG_MILLIS) {
            return null;
        }
        return "a dump of up to " + records + " records takes about " + millis + " ms at " + baudRate + " baud; IDF 5.1+ "
                + "prints it with interrupts masked and the interrupt watchdog may reset the board after ~"
                + WATCHDOG_MILLIS + " ms. Raise the console speed (uart.setup) or init a smaller buffer.";
    }
}
