package dev.heapscope.analysis.flame;

import dev.heapscope.analysis.CallTree;
import dev.heapscope.analysis.Weight;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class FlameMergeTest {

    private static FlameStacks stacks(List<List<String>> stacks, List<Long> values) {
        FlameStacks out = new FlameStacks(Weight.BYTES, new FrameNames());
        for (int s = 0; s < stacks.size(); s++) {
            int[] ids = stacks.get(s).stream().mapToInt(out.names()::idOf).toArray();
            out.add(ids, ids.length, values.get(s));
        }
        return out;
    }

    @Test
    void mergedSortedStacksAreTheCallTreesFramesWithTheSameOffsets() {
        for (long seed = 1; seed <= 20; seed++) {
            Random random = new Random(seed);
            List<List<String>> all = new ArrayList<>();
            List<Long> values = new ArrayList<>();
            CallTree.Builder tree = new CallTree.Builder(Weight.BYTES);
            for (int s = 0; s < 300; s++) {
                List<String> stack = new ArrayList<>();
                for (int k = 0, depth = 1 + random.nextInt(6); k < depth; k++) {
                    // names that sort differently as UTF-16 and as UTF-8, and prefixes of each other
                    stack.add(List.of("a", "a b", "ab", "B", "\uD83D\uDE00", "\uFB01", "z").get(random.nextInt(7)));
                }
                long value = random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(1000);
                all.add(stack);
                values.add(value);
                tree.addStack(stack, value);
            }
            assertThat(FlameFramesListing.of(FlameFrames.of(stacks(all, values), 0)))
                    .as("seed " + seed).isEqualTo(FlameFramesListing.of(tree.build()));
        }
    }

    @Test
    void stacksThatTieOnTheirPackedFirstFramesAreOrderedFrameByFrame() {
        // 5,000 names take 13 bits a frame: only the first 4 frames fit the sort key beside 300 indices
        Random random = new Random(99);
        List<List<String>> all = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        CallTree.Builder tree = new CallTree.Builder(Weight.BYTES);
        for (int s = 0; s < 300; s++) {
            List<String> stack = new ArrayList<>(List.of("main", "loop", "step", "call"));
            for (int k = 0, depth = random.nextInt(6); k < depth; k++) {
                stack.add("n" + random.nextInt(k < 2 ? 3 : 5000));
            }
            all.add(stack);
            values.add(1L + random.nextInt(50));
            tree.addStack(stack, values.get(s));
        }
        FlameStacks stacks = stacks(all, values);
        for (int n = 0; n < 5000; n++) {
            stacks.names().idOf("n" + n);
        }
        assertThat(FlameFramesListing.of(FlameFrames.of(stacks, 0))).isEqualTo(FlameFramesListing.of(tree.build()));
    }

    @Test
    void theSameStackTwiceAddsUpAndOrderOfArrivalDoesNotMatter() {
        List<List<String>> all = new ArrayList<>(List.of(List.of("main", "b"), List.of("main", "a"), List.of("main"),
                List.of("main", "b")));
        List<Long> values = List.of(5L, 7L, 3L, 11L);
        FlameFrames frames = FlameFrames.of(stacks(all, values), 0);
        assertThat(FlameFramesListing.of(frames)).containsExactly("0 all @0 total 26 self 0",
                "1 main @0 total 26 self 3", "2 a @0 total 7 self 7", "2 b @7 total 16 self 16");
        Collections.reverse(all);
        assertThat(FlameFramesListing.of(FlameFrames.of(stacks(all, List.of(11L, 3L, 7L, 5L)), 0)))
                .isEqualTo(FlameFramesListing.of(frames));
        assertThat(frames.end(0)).isEqualTo(4);
        assertThat(frames.end(2)).isEqualTo(3);
        assertThat(frames.maxDepth()).isEqualTo(2);
    }

    @Test
    void framesBelowTheMinimumAreLeftOutWithTheirChildrenAndTheirValueStaysAbove() {
        FlameStacks stacks = stacks(List.of(List.of("main", "big", "leaf"), List.of("main", "small", "leaf"),
                List.of("main", "tiny", "leaf", "deeper")), List.of(1000L, 10L, 9L));
        FlameFrames frames = FlameFrames.of(stacks, 10);
        assertThat(FlameFramesListing.of(frames)).containsExactly("0 all @0 total 1019 self 0",
                "1 main @0 total 1019 self 0", "2 big @0 total 1000 self 0", "3 leaf @0 total 1000 self 1000",
                "2 small @1000 total 10 self 0", "3 leaf @1000 total 10 self 10");
        assertThat(frames.minValue()).isEqualTo(10);
    }

    @Test
    void aChainOfTenThousandFramesMergesWithoutRecursion() {
        List<String> chain = new ArrayList<>();
        for (int k = 0; k < 10_000; k++) {
            chain.add("f" + k);
        }
        FlameFrames frames = FlameFrames.of(stacks(List.of(chain, chain.subList(0, 5000)), List.of(2L, 1L)), 0);
        assertThat(frames.size()).isEqualTo(10_001);
        assertThat(frames.maxDepth()).isEqualTo(10_000);
        assertThat(frames.total(5000)).isEqualTo(3);
        assertThat(frames.self(5000)).isEqualTo(1);
        assertThat(frames.total(5001)).isEqualTo(2);
        assertThat(frames.parent(5001)).isEqualTo(5000);
    }

    @Test
    void aViewVisitsTheFramesAnExportKeepsAndZoomsWithoutLookups() {
        FlameStacks stacks = stacks(List.of(List.of("main", "big", "leaf"), List.of("main", "small"),
                List.of("main", "big", "tiny"), List.of("idle")), List.of(1000L, 100L, 1L, 99L));
        FlameFrames all = FlameFrames.of(stacks, 0);
        List<String> seen = new ArrayList<>();
        all.visit(0, 1200, 2, (frame, depth, x, width) -> seen.add(all.name(frame) + "@" + depth + " " + x + "+" + width));
        FlameFrames exported = FlameFrames.forWidth(stacks, 1200, 2);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < exported.size(); i++) {
            kept.add(exported.name(i) + "@" + exported.depth(i) + " " + exported.offset(i) * 1200.0 / 1200 + "+"
                    + exported.total(i) * 1200.0 / 1200);
        }
        assertThat(seen).isEqualTo(kept).noneMatch(line -> line.startsWith("tiny"));
        seen.clear();
        int big = 3; // all, idle, main, big
        assertThat(all.name(big)).isEqualTo("big");
        all.visit(big, 500, 1, (frame, depth, x, width) -> seen.add(all.name(frame) + "@" + depth + " " + x + "+" + width));
        // zoomed on big: ancestors nearest first at full width; tiny (1 of 1001) is half a pixel, left out
        assertThat(seen).containsExactly("main@1 0.0+500.0", "all@0 0.0+500.0", "big@2 0.0+500.0",
                "leaf@3 0.0+499.50049950049953");
    }

    @Test
    void noStacksIsAnEmptyRoot() {
        FlameFrames frames = FlameFrames.of(new FlameStacks(Weight.COUNT, new FrameNames()), 0);
        assertThat(frames.size()).isEqualTo(1);
        assertThat(frames.totalValue()).isZero();
        assertThat(frames.name(0)).isEqualTo(CallTree.ROOT_NAME);
        assertThat(frames.weight()).isEqualTo(Weight.COUNT);
    }
}
