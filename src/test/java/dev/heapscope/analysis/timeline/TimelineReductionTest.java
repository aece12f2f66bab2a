package dev.heapscope.analysis.timeline;

import dev.heapscope.model.HeapSample;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineReductionTest {
    @Test
    void aOneSampleDipSurvivesTheReductionToFewColumns() {
        List<HeapSample> samples = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            samples.add(new HeapSample(i, i == 5_001 ? 1_000 : 100_000));
        }
        TimelineReduction reduced = TimelineReduction.of(samples, 0, 10_000, 100);

        assertThat(reduced.columns()).isEqualTo(100);
        assertThat(reduced.filledColumns()).isEqualTo(100);
        assertThat(reduced.minFreeBytes()[50]).isEqualTo(1_000);
        assertThat(reduced.maxFreeBytes()[50]).isEqualTo(100_000);
        assertThat(reduced.minFreeBytes()[49]).isEqualTo(100_000);
    }

    @Test
    void samplesOutsideTheWindowAreLeftOutAndEmptyColumnsStayEmpty() {
        List<HeapSample> samples = List.of(new HeapSample(5, 10), new HeapSample(500, 20), new HeapSample(5_000, 30));
        TimelineReduction reduced = TimelineReduction.of(samples, 100, 1_100, 10);

        assertThat(reduced.filledColumns()).isEqualTo(1);
        assertThat(reduced.minFreeBytes()[4]).isEqualTo(20);
        assertThat(Double.isNaN(reduced.minFreeBytes()[0])).isTrue();
    }
}
