package dev.heapscope.analysis;

import dev.heapscope.model.Dump;
import dev.heapscope.model.Record;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.heapscope.analysis.TestRecords.at;
import static dev.heapscope.analysis.TestRecords.dump;
import static dev.heapscope.analysis.TestRecords.live;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CcountClockTest {
    private static final long WRAP = 1L << 32;
    private static final long T0 = 1_700_000_000_000L;

    private static Record alloc(int address, int cpu, long ccount) {
        return at(live(16, address, 0x400d1000), cpu, (int) ccount);
    }

    @Test
    void wrapPeriodsMatchTheDocumentedClocks() {
        assertThat(new CcountClock(160).wrapPeriodMillis()).isCloseTo(26_843.5, within(0.1));
        assertThat(new CcountClock(240).wrapPeriodMillis()).isCloseTo(17_895.7, within(0.1));
        assertThatThrownBy(() -> new CcountClock(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBackwardStepWithinADumpIsOneWrapAndTheLatestSitsAtArrival() {
        List<TimedRecord> timed = new CcountClock(160).estimate(List.of(
                dump(0, T0, List.of(alloc(1, 0, 0xF000_0000L), alloc(2, 0, 0x1000_0000L)))));

        assertThat(timed.get(0).unwrappedCycles()).isEqualTo(0xF000_0000L);
        assertThat(timed.get(1).unwrappedCycles()).isEqualTo(WRAP + 0x1000_0000L);
        assertThat(timed.get(1).estimatedHostMillis()).isEqualTo((double) T0);
        assertThat(timed.get(0).estimatedHostMillis()).isCloseTo(T0 - 0x2000_0000L / 160_000.0, within(1e-3));
        assertThat(timed).allSatisfy(t -> assertThat(t.wrapsAmbiguous()).isFalse());
    }

    @Test
    void theTwoCoresAreUnwrappedAndAnchoredIndependently() {
        List<TimedRecord> timed = new CcountClock(240).estimate(List.of(dump(0, T0, List.of(
                alloc(1, 0, 0x100), alloc(2, 1, 0xFFFF_FF00L), alloc(3, 1, 0x100), alloc(4, 0, 0x200)))));

        assertThat(timed).extracting(TimedRecord::unwrappedCycles)
                .containsExactly(0x100L, 0xFFFF_FF00L, WRAP + 0x100, 0x200L);
        assertThat(timed.get(3).estimatedHostMillis()).isEqualTo((double) T0);
        assertThat(timed.get(2).estimatedHostMillis()).isEqualTo((double) T0);
        assertThat(timed.get(0).estimatedHostMillis()).isCloseTo(T0 - 0x100 / 240_000.0, within(1e-3));
        assertThat(timed.get(1).estimatedHostMillis()).isCloseTo(T0 - 0x200 / 240_000.0, within(1e-3));
        assertThat(timed).extracting(TimedRecord::cpu).containsExactly(0, 1, 1, 0);
    }

    @Test
    void withoutArrivalTimesRecordsAreUnwrappedButUnanchored() {
        List<TimedRecord> timed = new CcountClock(160).estimate(List.of(
                dump(0, -1, List.of(alloc(1, 0, 0xFFFF_0000L), alloc(2, 0, 0x10))),
                dump(1, -1, List.of(alloc(3, 0, 0x20)))));

        assertThat(timed).hasSize(3).noneMatch(TimedRecord::anchored);
        assertThat(timed).extracting(TimedRecord::unwrappedCycles)
                .containsExactly(0xFFFF_0000L, WRAP + 0x10, WRAP + 0x20);
        assertThat(timed).extracting(TimedRecord::dumpIndex).containsExactly(0, 0, 1);
    }

    @Test
    void aRecordSeenAgainKeepsItsEarlierEstimate() {
        Record old = alloc(1, 0, 0x1000);
        Record newer = alloc(2, 0, 0x1000 + 160_000L * 1_000);
        List<TimedRecord> timed = new CcountClock(160).estimate(List.of(
                dump(0, T0, List.of(old)), dump(1, T0 + 5_000, List.of(old, newer))));

        assertThat(timed).hasSize(3);
        assertThat(timed.get(1).estimatedHostMillis()).isEqualTo(timed.get(0).estimatedHostMillis());
        assertThat(timed.get(1).dumpIndex()).isEqualTo(1);
        assertThat(timed.get(2).estimatedHostMillis()).isCloseTo(T0 + 1_000.0, within(1e-3));
        assertThat(timed.get(2).wrapsAmbiguous()).isFalse();
    }

    @Test
    void wrapsBetweenDumpsAreRecoveredFromTheArrivalIntervalAt160MHz() {
        long c0 = 0x1000_0000L;
        long elapsedCycles = 160_000L * 39_000;
        List<Dump> dumps = List.of(
                dump(0, T0, List.of(alloc(1, 0, c0))),
                dump(1, T0 + 40_000, List.of(alloc(1, 0, c0), alloc(2, 0, (c0 + elapsedCycles) & 0xFFFF_FFFFL))));

        TimedRecord later = new CcountClock(160).estimate(dumps).get(2);

        assertThat(later.unwrappedCycles()).isEqualTo(c0 + elapsedCycles);
        assertThat(later.estimatedHostMillis()).isCloseTo(T0 + 39_000.0, within(1e-3));
        assertThat(later.wrapsAmbiguous()).isTrue();
    }

    @Test
    void wrapsBetweenDumpsAreRecoveredAt240MHzEvenWhenTheOldRecordsWereFreed() {
        long c0 = 0xF000_0000L;
        long firstGap = 240_000L * 9_000;
        long secondGap = 240_000L * 29_000;
        List<Dump> dumps = List.of(
                dump(0, T0, List.of(alloc(1, 0, c0))),
                dump(1, T0 + 10_000, List.of(alloc(2, 0, (c0 + firstGap) & 0xFFFF_FFFFL))),
                dump(2, T0 + 40_000, List.of(alloc(3, 0, (c0 + firstGap + secondGap) & 0xFFFF_FFFFL))));

        List<TimedRecord> timed = new CcountClock(240).estimate(dumps);

        assertThat(timed.get(1).estimatedHostMillis()).isCloseTo(T0 + 9_000.0, within(1e-3));
        assertThat(timed.get(1).wrapsAmbiguous()).isFalse();
        assertThat(timed.get(2).unwrappedCycles()).isEqualTo(c0 + firstGap + secondGap);
        assertThat(timed.get(2).estimatedHostMillis()).isCloseTo(T0 + 38_000.0, within(1e-3));
    }

    @Test
    void aLateAnchorIsMovedEarlierSoNoEstimateFollowsItsArrival() {
        List<Dump> dumps = List.of(
                dump(0, T0, List.of(alloc(1, 0, 0))),
                dump(1, T0 + 1_000, List.of(alloc(2, 0, 160_000L * 3_000))),
                dump(2, T0 + 2_000, List.of(alloc(3, 0, 160_000L * 3_500))));

        List<TimedRecord> timed = new CcountClock(160).estimate(dumps);

        assertThat(timed.get(0).estimatedHostMillis()).isEqualTo((double) T0);
        assertThat(timed.get(1).estimatedHostMillis()).isCloseTo(T0 + 1_000.0, within(1e-3));
        assertThat(timed.get(2).estimatedHostMillis()).isCloseTo(T0 + 1_500.0, within(1e-3));
    }

    @Test
    void aCoreFirstSeenInADumpWithoutArrivalIsAnchoredByTheNextOneThatHasIt() {
        Record first = alloc(1, 1, 0x100);
        List<TimedRecord> timed = new CcountClock(160).estimate(List.of(
                dump(0, -1, List.of(first)),
                dump(1, T0, List.of(first, alloc(2, 1, 0x100 + 160_000)))));

        assertThat(timed.get(0).anchored()).isFalse();
        assertThat(timed.get(1).estimatedHostMillis()).isCloseTo(T0 - 1.0, within(1e-3));
        assertThat(timed.get(2).estimatedHostMillis()).isEqualTo((double) T0);
    }

    @Test
    void anOldTailWhoseNewerSiblingsWereFreedIsNotPushedAWrapLater() {
        long c0 = 0x1000_0000L;
        List<Dump> dumps = List.of(
                dump(0, T0, List.of(alloc(1, 0, c0))),
                dump(1, T0 + 20_000, List.of(alloc(2, 0, c0 + 160_000L * 1_000))));

        TimedRecord tail = new CcountClock(160).estimate(dumps).get(1);

        assertThat(tail.estimatedHostMillis()).isCloseTo(T0 + 1_000.0, within(1e-3));
        assertThat(tail.wrapsAmbiguous()).isFalse();
    }
}
