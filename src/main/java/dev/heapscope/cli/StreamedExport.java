package dev.heapscope.cli;

import dev.heapscope.analysis.CallTree;
import dev.heapscope.analysis.FrameNamer;
import dev.heapscope.analysis.LeakRow;
import dev.heapscope.analysis.LeakTable;
import dev.heapscope.analysis.LiveTally;
import dev.heapscope.analysis.Weight;
import dev.heapscope.analysis.flame.FlameStacks;
import dev.heapscope.analysis.flame.FrameNames;
import dev.heapscope.export.CsvWriter;
import dev.heapscope.export.LeakNotes;
import dev.heapscope.export.StreamedLog;
import dev.heapscope.export.SvgFlameWriter;
import dev.heapscope.model.Dialect;
import dev.heapscope.model.Dump;
import dev.heapscope.model.DumpHeader;
import dev.heapscope.model.Record;
import dev.heapscope.parse.DumpListener;
import dev.heapscope.parse.LogParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The exports of a console log that need not hold its records (issue 16: a gigabyte log parsed whole held
 * every record): the flame formats and the leak table from the shown dump's tally, the records' CSV written
 * on a second pass as they stream by. Each gives what the same export of the log parsed whole gives.
 */
final class StreamedExport {
    private StreamedExport() {
    }

    /** Whether {@code format} of the last complete dump can be made from a streamed log. */
    static boolean handles(ExportFormat format) {
        return format == ExportFormat.SVG || format == ExportFormat.PNG || format == ExportFormat.FOLDED
                || format == ExportFormat.LEAKS_CSV || format == ExportFormat.CSV || format == ExportFormat.JSON;
    }

    /** The live stacks of the tally, as {@link FlameStacks#ofRecords} gives them for the records. */
    static FlameStacks flameStacks(LiveTally tally, Weight weight, FrameNamer namer) {
        FlameStacks stacks = new FlameStacks(weight, new FrameNames());
        LeakTable table = tally.leakTable();
        for (LeakRow row : table.rows()) {
            long value = weight == Weight.BYTES ? row.totalBytes() : row.count();
            if (value > 0) {
                stacks.addChain(row.chain(), value, namer, SvgFlameWriter.STACK_DEPTH);
            }
        }
        long leftOut = weight == Weight.BYTES ? table.leftOut().bytes() : table.leftOut().count();
        if (leftOut > 0) {
            stacks.add(new int[] {stacks.names().idOf(CallTree.OVER_LIMIT)}, 1, leftOut);
        }
        return stacks;
    }

    /** The note for stderr when the tally's table left records out of its rows, else null. */
    static String leftOutNote(LiveTally tally) {
        LeakTable table = tally.leakTable();
        return table.leftOut().count() == 0 ? null : LeakNotes.leftOut(table);
    }

    /** Every record of every dump as CSV, read from the text again: nothing is held per record. */
    static void writeCsv(StreamedLog streamed, CsvWriter writer, Appendable out) throws IOException {
        writer.writeHeader(out);
        try (InputStream in = streamed.reopen()) {
            new LogParser().stream(in, new DumpListener() {
                private int dump = -1;
                private int index;
                private String dumpNumber;

                @Override
                public void dumpStarted(Dialect dialect, DumpHeader header, long lineNumber) {
                    dumpNumber = Integer.toString(++dump + 1);
                    index = 0;
                }

                @Override
                public void recordParsed(Record record) {
                    try {
                        writer.writeRecord(out, dumpNumber, index++, record);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                @Override
                public void dumpParsed(Dump parsed) {
                }
            });
        } catch (UncheckedIOException wrapped) {
            throw wrapped.getCause();
        }
    }
}
