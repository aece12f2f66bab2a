package dev.heapscope.analysis;

import dev.heapscope.export.FoldedWriter;
import dev.heapscope.model.CallChain;
import dev.heapscope.symbols.Symbolizer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The node cap of a call tree: stacks that fit keep their place, the rest are counted whole under one frame. */
class CallTreeNodeCapTest {
    private static final FrameNamer ADDRESSES = new FrameNamer(Symbolizer.NONE);

    @Test
    void stacksPastTheCapAreCountedWholeUnderOneFrame() {
        CallTree.Builder builder = new CallTree.Builder(Weight.BYTES, 8); // the root, 6 frames, the over-limit frame
        builder.addStack(List.of("main", "a", "b"), 10);
        builder.addStack(List.of("main", "a", "c"), 20);
        builder.addStack(List.of("main", "x", "y", "z"), 30); // needs 3 new nodes: 1 + 4 + 3 > 7
        builder.addStack(List.of("main", "a", "b"), 1); // known frames still count in place
        builder.addStack(List.of("main", "d"), 2); // fits: the sixth frame
        CallTree tree = builder.build();

        assertThat(tree.totalValue()).isEqualTo(63);
        assertThat(tree.stacksOverLimit()).isEqualTo(1);
        assertThat(tree.nodeCount()).isEqualTo(7);
        assertThat(FoldedWriter.toText(tree)).isEqualTo("""
                [stacks past the limit, merged] 30
                main;a;b 11
                main;a;c 20
                main;d 2
                """);
    }

    @Test
    void chainsPastTheCapGoUnderTheSameFrame() {
        CallTree.Builder builder = new CallTree.Builder(Weight.COUNT, 6);
        int first = builder.leafFor(CallChain.of(0x400d0008, 0x400d0004, 0x400d0000), ADDRESSES);
        builder.addAt(first, 1);
        for (int i = 0; i < 1000; i++) { // a thousand distinct chains, none of which fits
            builder.addAt(builder.leafFor(CallChain.of(0x40100000 + 8 * i, 0x40100004 + 8 * i), ADDRESSES), 1);
        }
        CallTree tree = builder.build();

        assertThat(tree.nodeCount()).isEqualTo(5);
        assertThat(tree.stacksOverLimit()).isEqualTo(1000);
        assertThat(tree.total(tree.find(List.of(CallTree.OVER_LIMIT)))).isEqualTo(1000);
        assertThat(tree.total(tree.find(List.of("0x400d0000", "0x400d0004", "0x400d0008")))).isEqualTo(1);
    }

    @Test
    void aTreeUnderTheCapIsTheSameAsWithoutOne() {
        CallTree.Builder capped = new CallTree.Builder(Weight.BYTES, 100);
        CallTree.Builder open = new CallTree.Builder(Weight.BYTES);
        for (List<String> stack : List.of(List.of("m", "a"), List.of("m", "b", "c"), List.<String>of())) {
            capped.addStack(stack, 5);
            open.addStack(stack, 5);
        }
        assertThat(capped.build()).isEqualTo(open.build());
        assertThat(capped.build().stacksOverLimit()).isZero();
    }
}
