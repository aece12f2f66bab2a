package dev.heapscope.ui.flame;

import dev.heapscope.analysis.CallTree;
import dev.heapscope.analysis.Weight;
import dev.heapscope.analysis.flame.FlameDiff;
import dev.heapscope.analysis.flame.FlameLayout;
import dev.heapscope.analysis.flame.FlamePalette;
import dev.heapscope.analysis.flame.FlameSearch;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The painter's caches give what computing afresh gives: {@link FlameFills} the colours of
 * {@link FlameBoxFill} in every view state (search, diff, zoom, theme), {@link FlameLabels} the cut labels,
 * the same string again while a box's width in characters holds.
 */
class FlamePaintCachesTest {
    private static CallTree tree(int leakBytes) {
        CallTree.Builder builder = new CallTree.Builder(Weight.BYTES)
                .addStack(List.of("main (app.lua:1)", "handle (app.lua:9)", "leak (app.lua:3)"), leakBytes)
                .addStack(List.of("main (app.lua:1)", "cache_put (cache.lua:40)"), 300)
                .addStack(List.of("0x400d1234"), 100);
        for (int i = 0; i < 30; i++) {
            builder.addStack(List.of("main (app.lua:1)", "tiny" + i), 1);
        }
        return builder.build();
    }

    @Test
    void cachedFillsEqualFreshOnesInEveryViewState() {
        CallTree before = tree(600);
        CallTree after = tree(900);
        FlameDiff diff = FlameDiff.of(before, after);
        int handle = after.find(List.of("main (app.lua:1)", "handle (app.lua:9)"));
        FlameFills fills = new FlameFills();
        FlameLayout layout = new FlameLayout();
        int checked = 0;
        for (FlamePalette palette : FlamePalette.values()) {
            for (FlameDiff comparison : new FlameDiff[] {null, diff}) {
                for (String text : new String[] {"", "app.lua", "leak"}) {
                    for (int zoom : new int[] {after.root(), handle}) {
                        FlameSearch search = FlameSearch.of(after, text);
                        layout.layOut(after, zoom, 400, 1);
                        for (int box = 0; box < layout.boxCount(); box++) {
                            assertThat(fills.fill(layout, box, search, comparison, palette))
                                    .isEqualTo(FlameBoxFill.of(layout, layout.box(box), search, comparison, palette));
                            checked++;
                        }
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(100);
        assertThat(fills.label(FlamePalette.DARK)).isEqualTo(FlameBoxFill.fx(FlamePalette.DARK.label()));
    }

    @Test
    void aSecondTreeGetsItsOwnColours() {
        FlameFills fills = new FlameFills();
        CallTree first = tree(600);
        FlameLayout layout = FlameLayout.of(first, first.root(), 400, 1);
        fills.fill(layout, 1, FlameSearch.of(first, ""), null, FlamePalette.LIGHT);
        CallTree other = new CallTree.Builder(Weight.COUNT).addStack(List.of("elsewhere"), 5).build();
        FlameLayout second = FlameLayout.of(other, other.root(), 400, 1);

        assertThat(fills.fill(second, 1, FlameSearch.of(other, ""), null, FlamePalette.LIGHT))
                .isEqualTo(FlameBoxFill.fx(FlamePalette.LIGHT.frame("elsewhere")));
    }

    @Test
    void labelsAreCutToTheCharactersThatFitAndKeptWhileTheyFit() {
        CallTree tree = tree(600);
        int handle = tree.find(List.of("main (app.lua:1)", "handle (app.lua:9)"));
        FlameLabels labels = new FlameLabels();

        String cut = labels.frame(tree, handle, 6);
        assertThat(cut).isEqualTo("handl…");
        assertThat(labels.frame(tree, handle, 6)).isSameAs(cut);
        String whole = labels.frame(tree, handle, 40);
        assertThat(whole).isEqualTo("handle (app.lua:9)");
        assertThat(labels.frame(tree, handle, 25)).as("a whole name fits any wider box").isSameAs(whole);
        assertThat(labels.frame(tree, handle, 18)).isSameAs(whole);
        assertThat(labels.frame(tree, handle, 17)).isEqualTo("handle (app.lua:…");

        String merged = labels.merged(30, 40);
        assertThat(merged).isEqualTo("30 small frames");
        assertThat(labels.merged(30, 40)).isSameAs(merged);
        assertThat(labels.merged(30, 5)).isEqualTo("30 s…");
        assertThat(labels.merged(1_234, 40)).isEqualTo("1234 small frames");
    }
}
