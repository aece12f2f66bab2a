package dev.heapscope.analysis.flame;

import dev.heapscope.analysis.CallTree;
import dev.heapscope.analysis.Weight;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FlameLayoutTest {
    private static CallTree tree() {
        return new CallTree.Builder(Weight.BYTES)
                .addStack(List.of("main", "handle", "alloc"), 600)
                .addStack(List.of("main", "cache"), 300)
                .addStack(List.of("timer"), 100)
                .build();
    }

    @Test
    void childrenShareTheParentWidthByTotal() {
        CallTree tree = tree();
        FlameLayout layout = FlameLayout.of(tree, tree.root(), 1000, 1);

        FlameBox main = layout.boxAt(10, 1);
        assertThat(tree.name(main.node())).isEqualTo("main");
        assertThat(main.width()).isCloseTo(900, within(1e-9));
        FlameBox timer = layout.boxAt(950, 1);
        assertThat(tree.name(timer.node())).isEqualTo("timer");
        assertThat(timer.x()).isCloseTo(900, within(1e-9));
        assertThat(layout.rowCount()).isEqualTo(4);
        assertThat(tree.name(layout.boxAt(400, 3).node())).isEqualTo("alloc");
        assertThat(layout.boxAt(100, 3)).as("under main > cache there is nothing").isNull();
    }

    @Test
    void zoomingGivesTheNodeTheFullWidthAndKeepsItsAncestorsAbove() {
        CallTree tree = tree();
        int handle = tree.find(List.of("main", "handle"));
        FlameLayout layout = FlameLayout.of(tree, handle, 500, 1);

        assertThat(layout.row(2)).singleElement().satisfies(box -> {
            assertThat(box.node()).isEqualTo(handle);
            assertThat(box.width()).isEqualTo(500);
        });
        assertThat(layout.row(1)).extracting(FlameBox::node).containsExactly(tree.find(List.of("main")));
        assertThat(layout.row(0)).extracting(FlameBox::node).containsExactly(tree.root());
        assertThat(layout.boxes()).noneMatch(box -> box.node() == tree.find(List.of("timer")));
    }

    @Test
    void framesNarrowerThanAPixelAreMergedIntoOneBox() {
        CallTree.Builder builder = new CallTree.Builder(Weight.COUNT).addStack(List.of("big"), 10_000);
        for (int i = 0; i < 50; i++) {
            builder.addStack(List.of("tiny" + i, "deeper"), 1);
        }
        CallTree tree = builder.build();
        FlameLayout layout = FlameLayout.of(tree, tree.root(), 100, 1);

        List<FlameBox> merged = layout.row(1).stream().filter(FlameBox::isMerged).toList();
        assertThat(merged).singleElement().satisfies(box -> {
            assertThat(box.merged()).isEqualTo(50);
            assertThat(box.value()).isEqualTo(50);
        });
        assertThat(layout.row(2)).as("children of merged frames are not laid out").isEmpty();
    }

    @Test
    void searchCountsNestedMatchesOnceAndReportsThePercentOfTheZoom() {
        CallTree tree = new CallTree.Builder(Weight.BYTES)
                .addStack(List.of("main", "leak", "leak"), 250)
                .addStack(List.of("main", "other"), 750)
                .build();
        FlameSearch search = FlameSearch.of(tree, "LEAK");

        assertThat(search.isActive()).isTrue();
        assertThat(search.matchedValue(tree.root())).isEqualTo(250);
        assertThat(search.matchedPercent(tree.root())).isCloseTo(25.0, within(1e-9));
        int inner = tree.find(List.of("main", "leak", "leak"));
        assertThat(search.matchedPercent(inner)).isCloseTo(100.0, within(1e-9));
        assertThat(FlameSearch.of(tree, " ").isActive()).isFalse();
    }
}
