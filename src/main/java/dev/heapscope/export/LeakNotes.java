package dev.heapscope.export;

import dev.heapscope.analysis.LeakTable;

/** The one sentence every output of a leak table shows when some live records are in its totals only. */
public final class LeakNotes {
    private LeakNotes() {
    }

    /** Says how many live records and bytes of chains past the tally's cap are in the totals but in no row. */
    public static String leftOut(LeakTable table) {
        return table.leftOut().count() + " live allocation(s), " + table.leftOut().bytes() + " bytes, are in the totals "
                + "but in no row: their call chains came after the first " + table.chainCount()
                + " distinct ones, which is all a table keeps";
    }
}
