package dev.heapscope.analysis.timeline;

import dev.heapscope.model.Dump;
import dev.heapscope.model.Record;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.heapscope.analysis.TestRecords.at;
import static dev.heapscope.analysis.TestRecords.dump;
import static dev.heapscope.analysis.TestRecords.live;
import static org.assertj.core.api.Assertions.assertThat;

class DumpTimesTest {
    private static final int CYCLES_PER_MILLI = 160_000;

    private static Record record(int size, int address, long millisAfterBoot) {
        return at(live(size, address, 0x400d1234), 0, (int) (millisAfterBoot * CYCLES_PER_MILLI));
    }

    @Test
    void theLastRecordOfTheFirstDumpIsPlacedAtItsArrivalAndTheOthersByTheirCycles() {
        Dump first = dump(0, 10_000, List.of(record(8, 0x100, 0), record(16, 0x200, 100), record(32, 0x300, 1_000)));

        DumpTimes times = DumpTimes.estimate(List.of(first), 160);

        assertThat(times.millisOf(first)).containsExactly(9_000, 9_100, 10_000);
        assertThat(times.events().size()).isEqualTo(3);
        assertThat(times.events().countBetween(9_050_000, 10_000_000)).isEqualTo(2);
    }

    @Test
    void aRecordSeenInTwoDumpsIsOneEvent() {
        Record kept = record(8, 0x100, 0);
        Dump first = dump(0, 10_000, List.of(kept, record(16, 0x200, 100)));
        Dump second = dump(1, 10_500, List.of(kept, record(16, 0x200, 100), record(64, 0x400, 400)));

        DumpTimes times = DumpTimes.estimate(List.of(first, second), 160);

        assertThat(times.events().size()).isEqualTo(3);
        assertThat(times.millisOf(second)).containsExactly(9_900, 10_000, 10_300);
        assertThat(times.events().bytesBetween(10_200_000, 10_400_000)).isEqualTo(64);
    }

    @Test
    void withoutAnArrivalTimeRecordsAreCountedButNotPlaced() {
        Dump fromFile = dump(0, -1, List.of(record(8, 0x100, 0), record(16, 0x200, 5)));

        DumpTimes times = DumpTimes.estimate(List.of(fromFile), 160);

        assertThat(times.events().isEmpty()).isTrue();
        assertThat(times.events().unestimatedCount()).isEqualTo(2);
        assertThat(Double.isNaN(times.millisOf(fromFile)[0])).isTrue();
    }

    @Test
    void aRangeKeepsTheRecordsEstimatedInsideItAndCountsTheOthers() {
        Record early = record(8, 0x100, 0);
        Record middle = record(16, 0x200, 500);
        Record late = record(32, 0x300, 1_000);
        Dump dump = dump(0, 10_000, List.of(early, middle, late));
        DumpTimes times = DumpTimes.estimate(List.of(dump), 160);

        RecordsInRange inRange = RecordsInRange.of(List.of(early, middle, late), dump, times,
                new TimeRange(9_400_000, 9_600_000));

        assertThat(inRange.kept()).containsExactly(middle);
        assertThat(inRange.outside()).isEqualTo(2);
        assertThat(inRange.unestimated()).isZero();
    }

    @Test
    void recordsOfADumpTheTimesDoNotCoverCountAsUnestimated() {
        Dump known = dump(0, 10_000, List.of(record(8, 0x100, 0)));
        Dump newer = dump(1, 11_000, List.of(record(8, 0x100, 0), record(16, 0x200, 900)));
        DumpTimes times = DumpTimes.estimate(List.of(known), 160);

        RecordsInRange inRange = RecordsInRange.of(newer.records(), newer, times, new TimeRange(0, Long.MAX_VALUE));

        assertThat(inRange.kept()).isEmpty();
        assertThat(inRange.unestimated()).isEqualTo(2);
    }
}
