package dev.heapscope.ui.flame;

import dev.heapscope.analysis.CallTree;
import dev.heapscope.analysis.flame.FlameBox;
import dev.heapscope.analysis.flame.FlameDiff;
import dev.heapscope.analysis.flame.FlameLayout;
import dev.heapscope.analysis.flame.FlamePalette;
import dev.heapscope.analysis.flame.FlameSearch;
import dev.heapscope.analysis.flame.Rgb;
import javafx.scene.paint.Color;

/**
 * The colour the canvas fills a box with: the {@link FlamePalette}'s colour for its name (or its
 * change, in a differential graph), then what the view's state adds. Kept apart from
 * {@link FlamePainter} so it can be computed, and tested, without fonts or a running toolkit; the
 * painter asks {@link FlameFills}, which caches these same colours per node.
 */
final class FlameBoxFill {
    private FlameBoxFill() {
    }

    static Color of(FlameLayout layout, FlameBox box, FlameSearch search, FlameDiff diff, FlamePalette palette) {
        Rgb colour = box.isMerged() ? palette.mergedFrames() : base(layout.tree(), box.node(), diff, palette);
        if (search.isActive()) {
            colour = search.matches(box.node()) ? palette.searchMatch() : palette.dimmed(colour);
        }
        Color fill = fx(colour);
        boolean ancestorOfZoom = !box.isMerged() && box.depth() < layout.tree().depth(layout.zoomNode());
        return ancestorOfZoom ? washed(fill) : fill;
    }

    /** A frame's own colour: by its name, or by its change in a differential graph. */
    static Rgb base(CallTree tree, int node, FlameDiff diff, FlamePalette palette) {
        return diff != null ? palette.change(diff.change(node), diff.changedShare(node)) : palette.frame(tree.name(node));
    }

    /**
     * The frames above the zoomed one are context, not content: washed out and translucent, as the
     * SVG's script shows them. A view state rather than a colour of the palette.
     */
    static Color washed(Color fill) {
        return fill.deriveColor(0, 0.4, 1, 0.7);
    }

    static Color fx(Rgb colour) {
        return Color.rgb(colour.red(), colour.green(), colour.blue());
    }
}
