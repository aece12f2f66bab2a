package dev.heapscope.parse;

import dev.heapscope.model.HashmapStats;
import dev.heapscope.model.TraceMode;

import java.util.regex.Matcher;

/** The summary block of a dump (mode, totals, records, hashmap, NB notes), in any dialect. */
final class SummaryLines {
    private SummaryLines() {
    }

    /** Reads one summary line into {@code dump}; false when it is not one. */
    static boolean read(String line, DumpBuilder dump) {
        Matcher m;
        if ((m = DumpLines.MODE.matcher(line)).matches()) {
            dump.mode = m.group(1).equals("All") ? TraceMode.ALL : TraceMode.LEAKS;
        } else if ((m = DumpLines.ALIVE.matcher(line)).matches()) {
            dump.bytes = parseLong(m.group(1));
            dump.allocations = parseInt(m.group(2));
            dump.recordsInTrace = parseInt(m.group(3));
            dump.mode = dump.mode == null ? TraceMode.ALL : dump.mode;
        } else if ((m = DumpLines.LEAKED.matcher(line)).matches()) {
            dump.bytes = parseLong(m.group(1));
            dump.allocations = parseInt(m.group(2));
            dump.mode = dump.mode == null ? TraceMode.LEAKS : dump.mode;
        } else if ((m = DumpLines.RECORDS.matcher(line)).matches()) {
            dump.recordsInBuffer = parseInt(m.group(1));
            dump.summaryCapacity = parseInt(m.group(2));
            dump.highWaterMark = parseInt(m.group(3));
        } else if ((m = DumpLines.HASHMAP.matcher(line)).matches()) {
            dump.hashmap = new HashmapStats(parseInt(m.group(1)), parseLong(m.group(2)), parseLong(m.group(3)));
        } else if ((m = DumpLines.TOTAL_ALLOCATIONS_B.matcher(line)).matches()) {
            dump.totalAllocations = parseLong(m.group(1));
            dump.totalsSeen();
        } else if ((m = DumpLines.TOTAL_FREES_B.matcher(line)).matches()) {
            dump.totalFrees = parseLong(m.group(1));
            dump.totalsSeen();
        } else if ((m = DumpLines.TOTALS_A.matcher(line)).matches()) {
            dump.totalAllocations = parseLong(m.group(1));
            dump.totalFrees = parseLong(m.group(2));
            dump.totalsSeen();
        } else if (line.startsWith(DumpLines.NB_OVERFLOW_B) || line.startsWith(DumpLines.NB_OVERFLOW_A)) {
            dump.overflowed = true;
        } else if (line.startsWith(DumpLines.NB_DUPLICATES)) {
            dump.mayHaveDuplicates = true;
        } else {
            return false;
        }
        return true;
    }


    static int parseInt(String digits) {
        long value = parseLong(digits);
        return value > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) value;
    }

    static long parseLong(String digits) {
        // Regex groups are digit runs; cap absurdly long ones instead of throwing.
        return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
    }
}
