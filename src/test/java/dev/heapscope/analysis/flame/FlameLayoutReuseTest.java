package dev.heapscope.analysis.flame;

import dev.heapscope.analysis.CallTree;
import dev.heapscope.analysis.Weight;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layout in reused arrays, breadth first, lays out exactly what the earlier depth-first layout with
 * a list per row and a sort did (kept here as the oracle), whatever it laid out before.
 */
class FlameLayoutReuseTest {
    @Test
    void oneLayoutReusedForManyZoomsAndWidthsGivesTheBoxesOfAFreshOne() {
        CallTree big = randomTree(20_000, 3);
        CallTree small = randomTree(300, 4);
        FlameLayout reused = new FlameLayout();
        Random random = new Random(5);
        for (int round = 0; round < 60; round++) {
            CallTree tree = round % 3 == 2 ? small : big;
            int zoom = round % 4 == 0 ? tree.root() : random.nextInt(tree.nodeCount());
            double width = 50 + random.nextInt(2_000);
            double minWidth = round % 5 == 0 ? 0.1 : 1.0;
            reused.layOut(tree, zoom, width, minWidth);

            List<FlameBox> expected = oracle(tree, zoom, width, minWidth);
            assertThat(reused.boxes()).as("round %d", round).isEqualTo(expected);
            assertThat(FlameLayout.of(tree, zoom, width, minWidth).boxes()).isEqualTo(expected);
            assertThat(reused.rowCount()).isEqualTo(expected.isEmpty() ? 0 : expected.get(expected.size() - 1).depth() + 1);
            for (int box = 0; box < reused.boxCount(); box++) {
                FlameBox value = reused.box(box);
                double middle = value.x() + value.width() / 2;
                if (value.width() > 1e-6) {
                    assertThat(reused.boxAt(middle, value.depth())).isEqualTo(value);
                }
            }
        }
    }

    @Test
    void aLayoutThatHadMoreRowsAndBoxesForgetsThem() {
        CallTree deep = randomTree(5_000, 7);
        CallTree shallow = new CallTree.Builder(Weight.BYTES).addStack(List.of("main", "work"), 100)
                .addStack(List.of("timer"), 50).build();
        FlameLayout layout = new FlameLayout().layOut(deep, deep.root(), 1_600, 1).layOut(shallow, shallow.root(), 300, 1);

        assertThat(layout.boxes()).isEqualTo(oracle(shallow, shallow.root(), 300, 1));
        assertThat(layout.boxCount()).isEqualTo(4);
        assertThat(layout.rowCount()).isEqualTo(3);
        assertThat(layout.row(3)).isEmpty();
        assertThat(layout.boxAt(10, 5)).isNull();
        assertThat(layout.tree()).isSameAs(shallow);
    }

    private static CallTree randomTree(int stacks, long seed) {
        Random random = new Random(seed);
        CallTree.Builder builder = new CallTree.Builder(Weight.BYTES);
        for (int s = 0; s < stacks; s++) {
            int depth = 1 + random.nextInt(9);
            List<String> stack = new ArrayList<>();
            for (int d = 0; d < depth; d++) {
                stack.add("f" + random.nextInt(d < 2 ? 6 : 400));
            }
            builder.addStack(stack, random.nextInt(20) == 0 ? 50_000 : 1 + random.nextInt(300));
        }
        return builder.build();
    }

    /** The layout as it was before issue 15: depth first with a stack, a list per row, sorted by x. */
    private static List<FlameBox> oracle(CallTree tree, int zoom, double widthPx, double minWidthPx) {
        double min = Math.max(minWidthPx, 1e-9);
        List<List<FlameBox>> rows = new ArrayList<>();
        for (int node = tree.parent(zoom); node >= 0; node = tree.parent(node)) {
            add(rows, new FlameBox(node, tree.depth(node), 0, widthPx, tree.total(node), 1));
        }
        if (tree.total(zoom) > 0 || zoom == tree.root()) {
            Deque<FlameBox> pending = new ArrayDeque<>();
            pending.push(new FlameBox(zoom, tree.depth(zoom), 0, widthPx, tree.total(zoom), 1));
            while (!pending.isEmpty()) {
                FlameBox box = pending.pop();
                add(rows, box);
                long parentTotal = tree.total(box.node());
                if (parentTotal <= 0) {
                    continue;
                }
                double scale = box.width() / parentTotal;
                double x = box.x();
                List<int[]> run = new ArrayList<>();
                double runX = 0;
                long runValue = 0;
                for (int child : tree.children(box.node())) {
                    double width = tree.total(child) * scale;
                    if (width < min) {
                        if (run.isEmpty()) {
                            runX = x;
                        }
                        run.add(new int[] {child});
                        runValue += tree.total(child);
                    } else {
                        flush(rows, box.depth() + 1, run, runX, runValue, scale);
                        run.clear();
                        runValue = 0;
                        pending.push(new FlameBox(child, box.depth() + 1, x, width, tree.total(child), 1));
                    }
                    x += width;
                }
                flush(rows, box.depth() + 1, run, runX, runValue, scale);
            }
        }
        List<FlameBox> all = new ArrayList<>();
        rows.forEach(row -> {
            row.sort(Comparator.comparingDouble(FlameBox::x));
            all.addAll(row);
        });
        return all;
    }

    private static void flush(List<List<FlameBox>> rows, int depth, List<int[]> run, double x, long value, double scale) {
        if (run.size() == 1) {
            add(rows, new FlameBox(run.get(0)[0], depth, x, value * scale, value, 1));
        } else if (run.size() > 1) {
            add(rows, new FlameBox(FlameBox.MERGED, depth, x, value * scale, value, run.size()));
        }
    }

    private static void add(List<List<FlameBox>> rows, FlameBox box) {
        while (rows.size() <= box.depth()) {
            rows.add(new ArrayList<>());
        }
        rows.get(box.depth()).add(box);
    }
}
