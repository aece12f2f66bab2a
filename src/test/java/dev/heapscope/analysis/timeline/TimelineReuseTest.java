package dev.heapscope.analysis.timeline;

import dev.heapscope.model.HeapSample;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timeline's reductions refilled in place for a redraw give what fresh ones give, and the arrays
 * are reused only when the column count matches.
 */
class TimelineReuseTest {
    @Test
    void heapSamplesReducedIntoReusedArraysEqualAFreshReduction() {
        List<HeapSample> samples = new ArrayList<>();
        Random random = new Random(1);
        for (int i = 0; i < 5_000; i++) {
            samples.add(new HeapSample(1_000 + i * 7L, 100_000 + random.nextInt(5_000)));
        }
        TimelineReduction reused = TimelineReduction.of(samples, 1_000, 40_000, 300);
        for (long from = 1_000; from < 30_000; from += 3_100) {
            TimelineReduction again = TimelineReduction.of(samples, from, from + 9_000, 300, reused);
            TimelineReduction fresh = TimelineReduction.of(samples, from, from + 9_000, 300);
            assertThat(again).isSameAs(reused);
            assertThat(again.minFreeBytes()).containsExactly(fresh.minFreeBytes());
            assertThat(again.maxFreeBytes()).containsExactly(fresh.maxFreeBytes());
        }
        assertThat(TimelineReduction.of(samples, 1_000, 9_000, 200, reused)).isNotSameAs(reused).satisfies(
                other -> assertThat(other.columns()).isEqualTo(200));
    }

    @Test
    void allocationEventsReducedIntoReusedColumnsEqualAFreshReduction() {
        long[] times = new long[2_000];
        int[] sizes = new int[times.length];
        Random random = new Random(2);
        for (int i = 0; i < times.length; i++) {
            times[i] = 1_000_000 + random.nextInt(1_000_000);
            sizes[i] = 8 + random.nextInt(4_000);
        }
        AllocationEvents events = AllocationEvents.fromUnsorted(times, sizes, 0);
        AllocationColumns reused = events.reduce(1_000_000, 2_000_000, 250);
        for (long from = 1_000_000; from < 1_900_000; from += 170_000) {
            AllocationColumns again = events.reduce(from, from + 100_000, 250, reused);
            AllocationColumns fresh = events.reduce(from, from + 100_000, 250);
            assertThat(again).isSameAs(reused);
            assertThat(again.counts()).containsExactly(fresh.counts());
            assertThat(again.bytes()).containsExactly(fresh.bytes());
            assertThat(again.largestBytes()).containsExactly(fresh.largestBytes());
        }
    }

    @Test
    void labelRowsIntoReusedArraysMatchTheAllocatingForm() {
        double[] x = {0, 10, 20, 200, 205, 400};
        double[] widths = {30, 30, 30, 30, 30, 10};
        int[] rows = new int[10];
        LabelRows.assign(x, widths, x.length, 4, rows, new double[10]);

        assertThat(java.util.Arrays.copyOf(rows, x.length)).containsExactly(LabelRows.assign(x, widths, 4));
        assertThat(LabelRows.count(rows, x.length)).isEqualTo(LabelRows.count(LabelRows.assign(x, widths, 4)));
    }

    @Test
    void ticksWalkedFromTheFirstStepAreTheTicksOfTheList() {
        TimeTicks ticks = TimeTicks.of(1_700_000_003_000_000L, 1_700_000_050_000_000L, 1_700_000_000_000_000L, 940, 80);
        long step = TimeTicks.stepFor(1_700_000_003_000_000L, 1_700_000_050_000_000L, 940, 80);
        List<Long> walked = new ArrayList<>();
        for (long t = TimeTicks.firstTick(1_700_000_003_000_000L, 1_700_000_000_000_000L, step);
             t <= 1_700_000_050_000_000L; t += step) {
            walked.add(t);
        }
        assertThat(walked).isEqualTo(ticks.times());
        assertThat(TimeTicks.boardLabel(walked.get(0), 1_700_000_000_000_000L, step)).isEqualTo(ticks.boardLabel(walked.get(0)));
    }
}
