package dev.heapscope.ui.common;

import dev.heapscope.analysis.timeline.DumpTimes;
import dev.heapscope.analysis.timeline.TimeRange;
import dev.heapscope.model.Dump;
import dev.heapscope.model.Record;
import dev.heapscope.symbols.Symbolizer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.heapscope.analysis.TestRecords.at;
import static dev.heapscope.analysis.TestRecords.dump;
import static dev.heapscope.analysis.TestRecords.live;
import static org.assertj.core.api.Assertions.assertThat;

class AnalysisRangeTest {
    private final Record first = at(live(100, 0x100, 0x400d0001), 0, 0);
    private final Record second = at(live(200, 0x200, 0x400d0002), 0, 160_000 * 500);
    private final Record onTheOtherCore = at(live(400, 0x300, 0x400d0003), 1, 1_000);

    @Test
    void aRangeNarrowsTheTableAndSaysHowManyRecordsHadNoEstimate() {
        Dump placed = dump(0, 10_000, List.of(first, second));
        Dump unplaced = dump(1, -1, List.of(first, second, onTheOtherCore));
        DumpTimes times = DumpTimes.estimate(List.of(placed, unplaced), 160);

        Analysis all = AnalysisViewModel.compute(null, unplaced, Symbolizer.NONE);
        Analysis ranged = AnalysisViewModel.compute(null, unplaced, Symbolizer.NONE, new TimeRange(9_900_000, 10_000_000),
                times, dev.heapscope.model.HeldBy.UNKNOWN);

        assertThat(all.table().totalBytes()).isEqualTo(700);
        assertThat(ranged.records()).containsExactly(second);
        assertThat(ranged.table().totalBytes()).isEqualTo(200);
        assertThat(ranged.unestimated()).isEqualTo(1);
        assertThat(ranged.range()).isEqualTo(new TimeRange(9_900_000, 10_000_000));
        assertThat(ranged.title()).contains("1 without a time estimate left out");
    }
}
