package dev.heapscope.analysis.flame;

import dev.heapscope.analysis.CallTree;
import dev.heapscope.analysis.Weight;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FlameDiffTest {
    private static CallTree tree(Object... stacksAndValues) {
        CallTree.Builder builder = new CallTree.Builder(Weight.BYTES);
        for (int i = 0; i < stacksAndValues.length; i += 2) {
            builder.addStack(List.of(((String) stacksAndValues[i]).split(";")), (Integer) stacksAndValues[i + 1]);
        }
        return builder.build();
    }

    @Test
    void framesAreNewGrownShrunkOrUnchangedAgainstTheSamePathBefore() {
        CallTree before = tree("main;cache.put", 100, "main;log", 50, "main;timer", 30);
        CallTree after = tree("main;cache.put", 400, "main;log", 20, "main;timer", 30, "main;handler", 64);
        FlameDiff diff = FlameDiff.of(before, after);

        assertThat(diff.change(after.find(List.of("main", "cache.put")))).isEqualTo(FlameDiff.Change.GROWN);
        assertThat(diff.delta(after.find(List.of("main", "cache.put")))).isEqualTo(300);
        assertThat(diff.change(after.find(List.of("main", "log")))).isEqualTo(FlameDiff.Change.SHRUNK);
        assertThat(diff.delta(after.find(List.of("main", "log")))).isEqualTo(-30);
        assertThat(diff.change(after.find(List.of("main", "timer")))).isEqualTo(FlameDiff.Change.SAME);
        assertThat(diff.change(after.find(List.of("main", "handler")))).isEqualTo(FlameDiff.Change.NEW);
        assertThat(diff.delta(after.find(List.of("main", "handler")))).isEqualTo(64);
        assertThat(diff.change(after.root())).isEqualTo(FlameDiff.Change.GROWN);
    }

    @Test
    void aFrameUnderANewParentIsNewEvenWhenItsNameExistedElsewhere() {
        CallTree before = tree("main;log", 10);
        CallTree after = tree("worker;log", 10);
        FlameDiff diff = FlameDiff.of(before, after);
        assertThat(diff.change(after.find(List.of("worker", "log")))).isEqualTo(FlameDiff.Change.NEW);
    }

    @Test
    void theChangedShareIsTheChangeOverTheFramesSizeNow() {
        CallTree before = tree("a", 10, "b", 10, "d", 10);
        CallTree after = tree("a", 100, "b", 5, "c", 7, "d", 11);
        FlameDiff diff = FlameDiff.of(before, after);
        assertThat(diff.changedShare(after.find(List.of("a")))).isEqualTo(0.9);
        assertThat(diff.changedShare(after.find(List.of("b")))).isEqualTo(1.0);   // lost 5 of 5 now: capped
        assertThat(diff.changedShare(after.find(List.of("c")))).isEqualTo(1.0);   // new
        assertThat(diff.changedShare(after.find(List.of("d")))).isEqualTo(1 / 11.0);
        // a grew by 90 % of what it is now, d by 9 %: a is the stronger red
        FlamePalette palette = FlamePalette.LIGHT;
        int a = after.find(List.of("a"));
        int d = after.find(List.of("d"));
        assertThat(palette.change(diff.change(a), diff.changedShare(a)).green())
                .isLessThan(palette.change(diff.change(d), diff.changedShare(d)).green());
    }
}
