package dev.heapscope.ui.flame;

import dev.heapscope.analysis.CallTree;
import dev.heapscope.analysis.flame.FlameDiff;
import dev.heapscope.analysis.flame.FlameLayout;
import dev.heapscope.analysis.flame.FlamePalette;
import dev.heapscope.analysis.flame.FlameSearch;
import javafx.scene.paint.Color;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * {@link FlameBoxFill}'s colours, each computed once per node and kept, so a redraw makes no
 * {@code Color} (nor the palette's {@code Rgb}, nor a name hash) per box: at 60 redraws a second of
 * thousands of boxes that garbage is what let the collector pause a redraw. Forgets everything when
 * the tree, the diff or the palette changes. FX thread only.
 */
final class FlameFills {
    private CallTree tree;
    private FlameDiff diff;
    private FlamePalette palette;
    private Color[] plain = new Color[0];
    private Color[] dimmed = new Color[0];
    private Color match;
    private Color merged;
    private Color mergedDimmed;
    private Color label;
    private final Map<Color, Color> washed = new IdentityHashMap<>();

    /** The fill of {@code layout}'s box number {@code box}. */
    Color fill(FlameLayout layout, int box, FlameSearch search, FlameDiff diff, FlamePalette palette) {
        CallTree shown = layout.tree();
        prepare(shown, diff, palette);
        int node = layout.node(box);
        if (layout.isMerged(box)) {
            return search.isActive() ? mergedDimmed : merged;
        }
        Color fill;
        if (!search.isActive()) {
            fill = plain(node);
        } else if (search.matches(node)) {
            fill = match;
        } else {
            fill = dimmed(node);
        }
        boolean ancestorOfZoom = layout.depth(box) < shown.depth(layout.zoomNode());
        return ancestorOfZoom ? washed.computeIfAbsent(fill, FlameBoxFill::washed) : fill;
    }

    /** The labels' colour of the palette last used. */
    Color label(FlamePalette palette) {
        if (palette != this.palette || label == null) {
            return FlameBoxFill.fx(palette.label());
        }
        return label;
    }

    private Color plain(int node) {
        Color known = plain[node];
        if (known == null) {
            known = FlameBoxFill.fx(FlameBoxFill.base(tree, node, diff, palette));
            plain[node] = known;
        }
        return known;
    }

    private Color dimmed(int node) {
        if (dimmed.length != plain.length) {
            dimmed = new Color[plain.length]; // only once a search is typed
        }
        Color known = dimmed[node];
        if (known == null) {
            known = FlameBoxFill.fx(palette.dimmed(FlameBoxFill.base(tree, node, diff, palette)));
            dimmed[node] = known;
        }
        return known;
    }

    private void prepare(CallTree shown, FlameDiff comparison, FlamePalette colours) {
        if (shown == tree && comparison == diff && colours == palette) {
            return;
        }
        tree = shown;
        diff = comparison;
        palette = colours;
        plain = new Color[shown.nodeCount()];
        dimmed = new Color[0];
        match = FlameBoxFill.fx(colours.searchMatch());
        merged = FlameBoxFill.fx(colours.mergedFrames());
        mergedDimmed = FlameBoxFill.fx(colours.dimmed(colours.mergedFrames()));
        label = FlameBoxFill.fx(colours.label());
        washed.clear();
    }
}
