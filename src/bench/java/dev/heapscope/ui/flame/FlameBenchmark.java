package dev.heapscope.ui.flame;

import dev.heapscope.analysis.CallTree;
import dev.heapscope.analysis.flame.FlameLayout;
import dev.heapscope.analysis.timeline.AllocationColumns;
import dev.heapscope.analysis.timeline.AllocationEvents;
import dev.heapscope.analysis.timeline.TimelineReduction;
import dev.heapscope.model.HeapSample;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The flame graph's layout of a 100,000-node call tree at a 1,400 px wide canvas (frames narrower
 * than a pixel merged), the timeline's reduction of 1,000,000 heap samples to 1,400 columns, and
 * of 1,000,000 allocation events (the whole span, and a window of a tenth of it) to 1,400 columns.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class FlameBenchmark {
    static final int WIDTH_PX = 1400;

    CallTree tree;
    List<HeapSample> samples;
    AllocationEvents events;

    @Setup
    public void build() {
        tree = randomTree(100_000, 42);
        samples = new ArrayList<>(1_000_000);
        Random random = new Random(7);
        long free = 200_000;
        for (int i = 0; i < 1_000_000; i++) {
            free = Math.max(20_000, Math.min(230_000, free + random.nextInt(201) - 100));
            samples.add(new HeapSample(1_000_000L + i * 10L, free));
        }
        long[] timesMicros = new long[1_000_000];
        int[] sizesBytes = new int[timesMicros.length];
        long micros = 1_700_000_000_000_000L;
        for (int i = 0; i < timesMicros.length; i++) {
            micros += 1 + random.nextInt(200);
            timesMicros[i] = micros;
            sizesBytes[i] = random.nextInt(50) == 0 ? 4_096 + random.nextInt(30_000) : 8 + random.nextInt(120);
        }
        events = AllocationEvents.fromUnsorted(timesMicros, sizesBytes, 0);
    }

    /** A tree of about {@code nodes} nodes: random stacks over a pool of frame names. */
    static CallTree randomTree(int nodes, long seed) {
        return RandomCallTree.of(nodes, seed);
    }

    @Benchmark
    public FlameLayout layoutWholeTree() {
        return FlameLayout.of(tree, tree.root(), WIDTH_PX, 1.0);
    }

    @Benchmark
    public TimelineReduction reduceMillionSamples() {
        return TimelineReduction.of(samples, samples.get(0).hostMillis(), samples.get(samples.size() - 1).hostMillis(),
                WIDTH_PX);
    }

    @Benchmark
    public AllocationColumns reduceMillionAllocationEvents() {
        return events.reduce(events.timeMicros(0), events.timeMicros(events.size() - 1), WIDTH_PX);
    }

    @Benchmark
    public AllocationColumns reduceTenthOfMillionAllocationEvents() {
        long first = events.timeMicros(0);
        long span = events.timeMicros(events.size() - 1) - first;
        return events.reduce(first + span / 2, first + span / 2 + span / 10, WIDTH_PX);
    }
}
