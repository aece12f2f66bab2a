package dev.heapscope.analysis.timeline;

import dev.heapscope.model.HeapSample;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The timeline's pure parts: axis ticks, stacked labels, link gaps, the free heap at a moment. */
class TimelineAxisTest {
    private static final long ORIGIN = 1_700_000_000_000_000L; // epoch µs, on a whole second

    @Test
    void ticksAreNicelySteppedFromTheSessionStartAndLabelledInBoardAndWallTime() {
        TimeTicks ticks = TimeTicks.of(ORIGIN + 3_200_000, ORIGIN + 63_200_000, ORIGIN, 1000, 80);
        // 60 s over 1000 px with 80 px between labels wants 4.8 s: the nice step is 5 s
        assertThat(ticks.stepMicros()).isEqualTo(5_000_000);
        assertThat(ticks.times().get(0)).isEqualTo(ORIGIN + 5_000_000);
        assertThat(ticks.times()).hasSize(12);
        assertThat(ticks.boardLabel(ticks.times().get(0))).isEqualTo("5 s");
        assertThat(TimeTicks.wallLabel(ORIGIN + 5_000_000, ZoneOffset.UTC)).isEqualTo("22:13:25");
    }

    @Test
    void shortWindowsGetSubSecondStepsAndDecimals() {
        TimeTicks ticks = TimeTicks.of(ORIGIN, ORIGIN + 1_000_000, ORIGIN, 1000, 80);
        assertThat(ticks.stepMicros()).isEqualTo(100_000);
        assertThat(ticks.boardLabel(ORIGIN + 300_000)).isEqualTo("0.3 s");
        assertThat(TimeTicks.niceStep(3)).isEqualTo(5);
        assertThat(TimeTicks.niceStep(11)).isEqualTo(20);
        assertThat(TimeTicks.niceStep(2_000_001)).isEqualTo(5_000_000);
    }

    @Test
    void closeLabelsStackInRowsInsteadOfOverprinting() {
        int[] rows = LabelRows.assign(new double[] {10, 20, 30, 200}, new double[] {40, 40, 40, 40}, 4);
        assertThat(rows).containsExactly(0, 1, 2, 0);
        assertThat(LabelRows.count(rows)).isEqualTo(3);
        assertThat(LabelRows.assign(new double[] {10, 60}, new double[] {40, 40}, 4)).containsExactly(0, 0);
    }

    @Test
    void aLostLinkIsAGapUntilTheReconnectAndTheLineMustNotBridgeIt() {
        LinkGaps gaps = LinkGaps.of(new long[] {0, 5_000, 9_000, 12_000}, new boolean[] {false, true, false, true});
        assertThat(gaps.all()).containsExactly(new LinkGaps.Gap(5_000, 9_000), new LinkGaps.Gap(12_000, Long.MAX_VALUE));
        assertThat(gaps.interrupts(4_000, 10_000)).isTrue();
        assertThat(gaps.interrupts(1_000, 4_000)).isFalse();
        assertThat(gaps.interrupts(9_500, 11_000)).isFalse();
        assertThat(gaps.contains(7_000)).isTrue();
        assertThat(gaps.contains(10_000)).isFalse();
    }

    @Test
    void theFreeHeapAtAMomentIsTheLastPollBeforeItAndNothingInAGap() {
        List<HeapSample> samples = List.of(new HeapSample(1_000, 200_000), new HeapSample(2_000, 190_000),
                new HeapSample(10_000, 180_000));
        LinkGaps gaps = LinkGaps.of(new long[] {3_000, 9_000}, new boolean[] {true, false});
        assertThat(HeapAt.at(samples, 500, gaps)).isEmpty();
        assertThat(HeapAt.at(samples, 1_999, gaps)).get().extracting(HeapSample::freeBytes).isEqualTo(200_000L);
        assertThat(HeapAt.at(samples, 2_500, gaps)).get().extracting(HeapSample::freeBytes).isEqualTo(190_000L);
        assertThat(HeapAt.at(samples, 5_000, gaps)).isEmpty();
        assertThat(HeapAt.at(samples, 20_000, gaps)).get().extracting(HeapSample::freeBytes).isEqualTo(180_000L);
    }
}
