package dev.heapscope.ui.flame;

import dev.heapscope.analysis.flame.FlameDiff;
import dev.heapscope.analysis.flame.FlameLayout;
import dev.heapscope.analysis.flame.FlamePalette;
import dev.heapscope.analysis.flame.FlameSearch;
import dev.heapscope.ui.common.Theme;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Draws a {@link FlameLayout} immediately: one filled rectangle per box ({@link FlameBoxFill}), labels
 * where they fit. One painter per view: it keeps the colours ({@link FlameFills}) and labels
 * ({@link FlameLabels}) of the nodes it drew, so a redraw allocates nothing of its own.
 */
final class FlamePainter {
    static final double ROW_HEIGHT_PX = 18;
    private static final double CHAR_WIDTH_PX = 6.6;
    private static final Font FONT = Font.font("SansSerif", 11);

    private final FlameFills fills = new FlameFills();
    private final FlameLabels labels = new FlameLabels();

    void paint(GraphicsContext g, FlameLayout layout, FlameSearch search, boolean icicle, double heightPx,
               Theme theme) {
        paint(g, layout, search, icicle, heightPx, theme, null);
    }

    /** With {@code diff}, frames are coloured by their change against a "before" tree instead of by name. */
    void paint(GraphicsContext g, FlameLayout layout, FlameSearch search, boolean icicle, double heightPx,
               Theme theme, FlameDiff diff) {
        g.setFill(theme.background());
        g.fillRect(0, 0, layout.widthPx(), heightPx);
        g.setFont(FONT);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        FlamePalette palette = theme.flamePalette();
        int boxes = layout.boxCount();
        for (int box = 0; box < boxes; box++) {
            Color fill = fills.fill(layout, box, search, diff, palette);
            double x = layout.x(box);
            double y = rowTop(layout.depth(box), icicle, heightPx);
            double width = Math.max(layout.width(box) - 0.5, 0.5);
            g.setFill(fill);
            g.fillRect(x, y, width, ROW_HEIGHT_PX - 1);
            int chars = (int) ((width - 6) / CHAR_WIDTH_PX);
            if (chars >= 3) {
                String text = layout.isMerged(box) ? labels.merged(layout.mergedCount(box), chars)
                        : labels.frame(layout.tree(), layout.node(box), chars);
                g.setFill(fills.label(palette));
                g.fillText(text, x + 3, y + ROW_HEIGHT_PX / 2);
            }
        }
    }

    static double rowTop(int depth, boolean icicle, double heightPx) {
        return icicle ? depth * ROW_HEIGHT_PX : heightPx - (depth + 1) * ROW_HEIGHT_PX;
    }

    /** The row under a y coordinate. */
    static int rowAt(double y, boolean icicle, double heightPx) {
        return (int) Math.floor(icicle ? y / ROW_HEIGHT_PX : (heightPx - y) / ROW_HEIGHT_PX);
    }
}
