package dev.heapscope.ui.common;

import dev.heapscope.analysis.LeakTable;
import dev.heapscope.analysis.timeline.TimeRange;
import dev.heapscope.model.HeldBy;
import dev.heapscope.model.Record;
import dev.heapscope.symbols.Symbolizer;

import java.util.List;

/**
 * What the leak table and the flame graph show: the records of one dump (live ones), or the records
 * new in it since a base dump, grouped, with the symbolizer that names their frames.
 *
 * @param title    "Live in dump #3" or "New in dump #3 since dump #1"
 * @param records     the records shown, in insertion order
 * @param range       the timeline's selected time range the records were filtered to, or null
 * @param unestimated records left out because the range is active and they have no time estimate
 * @param heldBy      what holds each record's block (known on the virtual board), else {@link HeldBy#UNKNOWN}
 */
public record Analysis(String title, List<Record> records, LeakTable table, Symbolizer symbolizer, TimeRange range,
                       int unestimated, HeldBy heldBy) {
    public static final Analysis EMPTY = new Analysis("No dump yet", List.of(), LeakTable.of(List.of()), Symbolizer.NONE);

    public Analysis {
        records = List.copyOf(records);
        heldBy = heldBy == null ? HeldBy.UNKNOWN : heldBy;
    }

    public Analysis(String title, List<Record> records, LeakTable table, Symbolizer symbolizer) {
        this(title, records, table, symbolizer, null, 0, HeldBy.UNKNOWN);
    }

    public FrameLabels labels() {
        return new FrameLabels(symbolizer);
    }
}
