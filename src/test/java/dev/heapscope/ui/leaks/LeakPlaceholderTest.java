package dev.heapscope.ui.leaks;

import dev.heapscope.analysis.LeakTable;
import dev.heapscope.analysis.timeline.TimeRange;
import dev.heapscope.model.CallChain;
import dev.heapscope.model.HeldBy;
import dev.heapscope.model.Record;
import dev.heapscope.model.Region;
import dev.heapscope.symbols.Symbolizer;
import dev.heapscope.ui.common.Analysis;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LeakPlaceholderTest {

    private static Analysis empty(String title) {
        return new Analysis(title, List.of(), LeakTable.of(List.of()), Symbolizer.NONE);
    }

    @Test
    void aCleanHuntSaysNothingLeakedBetweenItsDumps() {
        assertThat(LeakPlaceholder.text(empty("New in dump #4 since dump #3"), ""))
                .isEqualTo("Nothing leaked between dump #3 and dump #4: no record of dump #4 is new since dump #3.");
    }

    @Test
    void anEmptyDumpAndNoDumpAreToldApart() {
        assertThat(LeakPlaceholder.text(empty("Live in dump #2"), "")).isEqualTo("Dump #2 holds no live record.");
        assertThat(LeakPlaceholder.text(Analysis.EMPTY, "")).startsWith("No records yet: run the guided hunt");
    }

    @Test
    void anEmptyTimeRangeIsBlamedOnTheRange() {
        Analysis ranged = new Analysis("New in dump #4 since dump #3, allocated 12:00", List.of(), LeakTable.of(List.of()),
                Symbolizer.NONE, new TimeRange(0, 10), 0, HeldBy.UNKNOWN);
        assertThat(LeakPlaceholder.text(ranged, "")).contains("selected time range");
    }

    @Test
    void rowsHiddenByTheFilterNameTheFilter() {
        Record record = new Record(32, 0x3ffb0000, Region.INTERNAL, 0, 0, CallChain.EMPTY, false, CallChain.EMPTY, 0);
        Analysis some = new Analysis("Live in dump #1", List.of(record), LeakTable.of(List.of(record)), Symbolizer.NONE);
        assertThat(LeakPlaceholder.text(some, " cache ")).isEqualTo("No call chain matches \u201ccache\u201d.");
    }
}
