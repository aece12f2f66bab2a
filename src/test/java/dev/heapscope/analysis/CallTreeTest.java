package dev.heapscope.analysis;

import dev.heapscope.model.Record;
import dev.heapscope.model.Symbol;
import dev.heapscope.symbols.SymbolTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.heapscope.analysis.TestRecords.live;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallTreeTest {
    private static final int INNER = 0x400d1000;
    private static final int MIDDLE = 0x400d2000;
    private static final int OUTER = 0x400d3000;

    private final SymbolTable symbols = new SymbolTable();

    CallTreeTest() {
        symbols.add(new Symbol(INNER, "inner", null, 0));
        symbols.add(new Symbol(MIDDLE, "middle", null, 0));
        symbols.add(new Symbol(OUTER, "outer", null, 0));
    }

    private List<Record> sample() {
        return List.of(
                live(100, 1, INNER, MIDDLE, OUTER),
                live(30, 2, INNER, MIDDLE, OUTER),
                live(7, 3, MIDDLE, OUTER),
                live(5, 4, INNER, OUTER));
    }

    @Test
    void chainsAreReversedSoOutermostFramesHangUnderTheRoot() {
        CallTree tree = CallTree.of(sample(), Weight.BYTES, new FrameNamer(symbols));

        assertThat(tree.childCount(tree.root())).isEqualTo(1);
        int outer = tree.child(tree.root(), 0);
        assertThat(tree.name(outer)).isEqualTo("outer");
        assertThat(tree.depth(outer)).isEqualTo(1);
        assertThat(tree.parent(outer)).isEqualTo(tree.root());
        assertThat(java.util.Arrays.stream(tree.children(outer)).mapToObj(tree::name)).containsExactly("inner", "middle");
        int leaf = tree.find(List.of("outer", "middle", "inner"));
        assertThat(tree.path(leaf)).containsExactly("outer", "middle", "inner");
        assertThat(tree.depth(leaf)).isEqualTo(3);
    }

    @Test
    void totalsAddUpByBytes() {
        CallTree tree = CallTree.of(sample(), Weight.BYTES, new FrameNamer(symbols));

        assertThat(tree.totalValue()).isEqualTo(142);
        int middle = tree.find(List.of("outer", "middle"));
        assertThat(tree.total(middle)).isEqualTo(137);
        assertThat(tree.self(middle)).isEqualTo(7);
        assertThat(tree.self(tree.find(List.of("outer", "middle", "inner")))).isEqualTo(130);
        assertThat(tree.self(tree.find(List.of("outer")))).isZero();
        assertThat(tree.nodeCount()).isEqualTo(5);
    }

    @Test
    void totalsAddUpByCount() {
        CallTree tree = CallTree.of(sample(), Weight.COUNT, new FrameNamer(symbols));

        assertThat(tree.totalValue()).isEqualTo(4);
        assertThat(tree.total(tree.find(List.of("outer", "middle")))).isEqualTo(3);
        assertThat(tree.weight().unit()).isEqualTo("allocations");
    }

    @Test
    void recordsWithoutCallerCountUnderOneSyntheticFrame() {
        CallTree tree = CallTree.of(List.of(live(12, 1)), Weight.BYTES, FrameNamer.hexOnly());

        assertThat(tree.self(tree.find(List.of(CallTree.NO_CALLER)))).isEqualTo(12);
    }

    @Test
    void addressesWithTheSameLabelShareANode() {
        symbols.add(new Symbol(0x400d4000, "inner", null, 0));
        CallTree tree = CallTree.of(List.of(live(1, 1, INNER, OUTER), live(2, 2, 0x400d4000, OUTER)),
                Weight.BYTES, new FrameNamer(symbols));

        assertThat(tree.nodeCount()).isEqualTo(3);
        assertThat(tree.self(tree.find(List.of("outer", "inner")))).isEqualTo(3);
    }

    @Test
    void builderSanitizesNamesAndRejectsNegativeValues() {
        CallTree.Builder builder = new CallTree.Builder(Weight.BYTES);
        builder.addStack(List.of("a;b", " c\n"), 4);
        CallTree tree = builder.build();

        assertThat(tree.find(List.of("a,b", "c"))).isPositive();
        assertThatThrownBy(() -> new CallTree.Builder(Weight.BYTES).addStack(List.of("x"), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overflowingTheTotalAddsNothing() {
        CallTree.Builder builder = new CallTree.Builder(Weight.COUNT).addStack(List.of("x"), Long.MAX_VALUE);

        assertThatThrownBy(() -> builder.addStack(List.of("y"), 1)).isInstanceOf(ArithmeticException.class);
        CallTree tree = builder.build();
        assertThat(tree.totalValue()).isEqualTo(Long.MAX_VALUE);
        assertThat(tree.find(List.of("y"))).isEqualTo(-1);
    }

    @Test
    void treesWithTheSameStacksAreEqualWhateverTheInsertionOrder() {
        CallTree one = new CallTree.Builder(Weight.BYTES)
                .addStack(List.of("a", "b"), 1).addStack(List.of("c"), 2).addStack(List.of("a"), 3).build();
        CallTree two = new CallTree.Builder(Weight.BYTES)
                .addStack(List.of("c"), 2).addStack(List.of("a"), 3).addStack(List.of("a", "b"), 1).build();
        CallTree other = new CallTree.Builder(Weight.BYTES)
                .addStack(List.of("c"), 2).addStack(List.of("a"), 3).addStack(List.of("a", "d"), 1).build();

        assertThat(one).isEqualTo(two).hasSameHashCodeAs(two).isNotEqualTo(other);
    }

    @Test
    void stacksAreVisitedDepthFirstInNameOrder() {
        CallTree tree = new CallTree.Builder(Weight.BYTES)
                .addStack(List.of("b"), 1).addStack(List.of("a", "z"), 2).addStack(List.of("a"), 3)
                .addStack(List.of("a", "m"), 4).build();
        List<String> seen = new ArrayList<>();
        tree.forEachStack((frames, value) -> seen.add(String.join(";", frames) + " " + value));

        assertThat(seen).containsExactly("a 3", "a;m 4", "a;z 2", "b 1");
    }

    @Test
    @Timeout(60)
    void hundredThousandUniqueStacksOfTenFramesBuildAMillionNodes() {
        CallTree.Builder builder = new CallTree.Builder(Weight.BYTES);
        Random random = new Random(42);
        long expected = 0;
        for (int stack = 0; stack < 100_000; stack++) {
            List<String> frames = new ArrayList<>(10);
            frames.add("root" + stack % 7);
            for (int depth = 1; depth < 10; depth++) {
                frames.add("f" + stack + "_" + depth);
            }
            long value = 1 + random.nextInt(1000);
            builder.addStack(frames, value);
            expected += value;
        }
        CallTree tree = builder.build();

        assertThat(tree.nodeCount()).isEqualTo(1 + 7 + 900_000);
        assertThat(tree.totalValue()).isEqualTo(expected);
        assertThat(tree.childCount(tree.root())).isEqualTo(7);
        long sumOfChildren = 0;
        for (int child : tree.children(tree.root())) {
            sumOfChildren += tree.total(child);
        }
        assertThat(sumOfChildren).isEqualTo(expected);
    }
}
