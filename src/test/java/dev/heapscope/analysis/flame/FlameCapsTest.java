package dev.heapscope.analysis.flame;

import dev.heapscope.analysis.CallTree;
import dev.heapscope.analysis.Weight;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Flame stacks and their names are capped; what is past a cap is one merged frame and the total holds. */
class FlameCapsTest {

    @Test
    void namesPastTheCapAreTheMergedFrame() {
        FrameNames names = new FrameNames(3);
        int main = names.idOf("main");
        names.idOf("a");
        byte[] raw = "b c".getBytes(StandardCharsets.UTF_8);
        int b = names.idOfRaw(raw, 0, 1);
        int c = names.idOfRaw(raw, 2, 3);

        assertThat(names.name(b)).isEqualTo("b");
        assertThat(names.name(c)).isEqualTo(CallTree.OVER_LIMIT);
        assertThat(names.idOf("zzz")).isEqualTo(c);
        assertThat(names.idOf("main")).isEqualTo(main);
        assertThat(names.size()).isEqualTo(4); // three names and the merged frame
    }

    @Test
    void stacksPastTheCapAddUpInOneMergedStack() {
        FrameNames names = new FrameNames();
        FlameStacks stacks = new FlameStacks(Weight.BYTES, names, 2);
        stacks.add(new int[] {names.idOf("main"), names.idOf("a")}, 2, 10);
        stacks.add(new int[] {names.idOf("main"), names.idOf("b")}, 2, 20);
        for (int i = 0; i < 100; i++) {
            stacks.add(new int[] {names.idOf("main"), names.idOf("c" + i)}, 2, 1);
        }
        assertThat(stacks.size()).isEqualTo(3);
        assertThat(stacks.totalValue()).isEqualTo(130);
        FlameFrames frames = FlameMerge.merge(stacks, 0);
        assertThat(frames.totalValue()).isEqualTo(130);
    }
}
