package dev.heapscope.model;

import java.util.List;

/**
 * One heap trace dump as read from a console: its records in the order printed (the trace buffer's
 * insertion order), its header and summary when they were seen, and what did not add up.
 *
 * @param index              0-based position among the dumps of one input
 * @param dialect            the text form it was printed in
 * @param complete           the summary was read to its end; false for a dump cut short
 * @param header             null for a record list pasted without its first line
 * @param summary            null when the dump never reached its summary
 * @param firstLine          1-based input line where the dump started
 * @param lastLine           1-based input line where it ended
 * @param receivedAtMillis   host time (epoch ms) when its last line arrived; -1 when unknown (files)
 */
public record Dump(int index, Dialect dialect, boolean complete, DumpHeader header, List<Record> records,
                   Summary summary, List<ParseWarning> warnings, long firstLine, long lastLine,
                   long receivedAtMillis) {

    public Dump {
        records = List.copyOf(records);
        warnings = List.copyOf(warnings);
    }

    /** The records a LEAKS dump shows, or the ones not freed in an ALL dump. */
    public List<Record> liveRecords() {
        return records.stream().filter(r -> !r.freed()).toList();
    }

    public long liveBytes() {
        long sum = 0;
        for (Record r : records) {
            if (!r.freed()) {
                sum += r.sizeBytes();
            }
        }
        return sum;
    }
}
