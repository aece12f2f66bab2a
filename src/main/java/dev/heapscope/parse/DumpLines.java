package dev.heapscope.parse;

import java.util.regex.Pattern;

/**
 * The fixed lines of a dump other than records, as printed by ESP-IDF (heap-trace-format.md §2).
 * These are few per dump, so regular expressions are fine here; each is anchored and cannot backtrack
 * beyond linear time. (A host monitor's decode lines, which can be long and many, have MonitorLineScanner.)
 */
final class DumpLines {
    static final Pattern HEADER_B = Pattern.compile(
            "^====== Heap Trace: (\\d+) records \\((\\d+) capacity\\) ======\\s*$");
    static final Pattern HEADER_A = Pattern.compile("^(\\d+) allocations trace \\((\\d+) entry buffer\\)\\s*$");
    static final String SUMMARY_B = "====== Heap Trace Summary ======";
    static final Pattern END_B = Pattern.compile("^={32}\\s*$");
    static final Pattern MODE = Pattern.compile("^Mode: Heap Trace (All|Leaks)\\s*$");
    static final Pattern ALIVE = Pattern.compile("^(\\d+) bytes alive in trace \\((\\d+)/(\\d+) allocations\\)\\s*$");
    static final Pattern LEAKED = Pattern.compile("^(\\d+) bytes 'leaked' in trace \\((\\d+) allocations\\)\\s*$");
    static final Pattern RECORDS = Pattern.compile(
            "^records: (\\d+) \\((\\d+) capacity, (\\d+) high water mark\\)\\s*$");
    static final Pattern HASHMAP = Pattern.compile("^hashmap: (\\d+) capacity \\((\\d+) hits, (\\d+) misses\\)\\s*$");
    static final Pattern TOTAL_ALLOCATIONS_B = Pattern.compile("^total allocations: (\\d+)\\s*$");
    static final Pattern TOTAL_FREES_B = Pattern.compile("^total frees: (\\d+)\\s*$");
    static final Pattern TOTALS_A = Pattern.compile("^total allocations (\\d+) total frees (\\d+)\\s*$");
    static final String NB_DUPLICATES = "(NB: New entries were traced while dumping, so trace dump may have duplicate entries.)";
    static final String NB_OVERFLOW_A = "(NB: Buffer has overflowed, so trace data is incomplete.)";
    static final String NB_OVERFLOW_B = "(NB: Internal Buffer has overflowed, so trace data is incomplete.)";
    static final String CORRUPT = "Error: heap trace linked list is corrupt. expected more records.";
    static final String FREED_BY = "freed by ";

    /** ESP-IDF log line, after colour codes are removed: {@code I (6261) main: ...}. */
    static final Pattern LOG = Pattern.compile("^[EWIDV] \\(\\d+\\) [^:]*:.*$");

    /** Where a crash cuts into a line (the board panics while printing). */
    static final String GURU = "Guru Meditation Error";

    private DumpLines() {
    }

    /** A line quoted in a warning: its first 60 characters. */
    static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    /**
     * Lines that mean the board stopped what it was doing: crash, reboot, boot ROM, banner. A cheap test the
     * dump parser makes on every line; it must hold wherever {@link BoardEventDetector} finds a reset, reboot,
     * crash or banner (a test checks they agree), and also catches the boot ROM's first line.
     */
    static boolean isResetOrCrash(String line) {
        return line.contains(GURU)
                || line.startsWith("Rebooting...")
                || line.startsWith("rst:0x")
                || line.startsWith("ets ") && line.contains("20")
                || line.startsWith("NodeMCU ") && line.contains(" powered by Lua")
                || line.startsWith("abort() was called")
                || line.startsWith("***ERROR*** A stack overflow");
    }
}
