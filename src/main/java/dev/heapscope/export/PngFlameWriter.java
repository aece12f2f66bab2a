package dev.heapscope.export;

import dev.heapscope.analysis.CallTree;
import dev.heapscope.analysis.flame.FlamePalette;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A flame graph as a PNG image (icicle: root at the top), for a chat or a bug report, drawn with
 * headless AWT so the command line needs no display. Frames narrower than a pixel are left out;
 * colours are the app's {@link FlamePalette} (light, on a white image), so a frame has the same colour
 * here, on screen and in the SVG.
 */
public final class PngFlameWriter {
    static final int WIDTH_PX = 1600;
    private static final int ROW_PX = 18;
    private static final int TITLE_PX = 28;
    private static final FlamePalette PALETTE = FlamePalette.LIGHT;

    private PngFlameWriter() {
    }

    /** Writes the image at {@code scale} (1 or 2 for a high-density screen); returns the frames drawn. */
    public static int write(CallTree tree, String title, double scale, OutputStream out) throws IOException {
        int rows = maxDepth(tree) + 1;
        int width = (int) Math.round(WIDTH_PX * scale);
        int height = (int) Math.round((TITLE_PX + rows * ROW_PX + 6) * scale);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        int drawn;
        try {
            g.scale(scale, scale);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH_PX, TITLE_PX + rows * ROW_PX + 6);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            g.setColor(new Color(0x22, 0x22, 0x22));
            g.drawString(title + "  (" + String.format("%,d", tree.totalValue()) + " " + tree.weight().unit() + ")", 6, 19);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            drawn = draw(g, tree, tree.root(), 0, WIDTH_PX, 0);
        } finally {
            g.dispose();
        }
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG encoder available");
        }
        return drawn;
    }

    private static int draw(Graphics2D g, CallTree tree, int node, double x, double width, int depth) {
        if (width < 1 || tree.total(node) <= 0) {
            return 0;
        }
        int y = TITLE_PX + depth * ROW_PX;
        String name = tree.name(node);
        g.setColor(new Color(PALETTE.frame(name).packed()));
        g.fillRect((int) x, y, Math.max(1, (int) Math.floor(width) - 1), ROW_PX - 1);
        FontMetrics metrics = g.getFontMetrics();
        String label = fit(name, metrics, (int) width - 6);
        if (!label.isEmpty()) {
            g.setColor(new Color(PALETTE.label().packed()));
            g.drawString(label, (int) x + 3, y + ROW_PX - 5);
        }
        int drawn = 1;
        double childX = x;
        for (int i = 0; i < tree.childCount(node); i++) {
            int child = tree.child(node, i);
            double childWidth = width * tree.total(child) / tree.total(node);
            drawn += draw(g, tree, child, childX, childWidth, depth + 1);
            childX += childWidth;
        }
        return drawn;
    }

    private static String fit(String name, FontMetrics metrics, int widthPx) {
        if (metrics.stringWidth(name) <= widthPx) {
            return name;
        }
        for (int length = name.length() - 1; length >= 3; length--) {
            String cut = name.substring(0, length) + "…";
            if (metrics.stringWidth(cut) <= widthPx) {
                return cut;
            }
        }
        return "";
    }

    private static int maxDepth(CallTree tree) {
        int deepest = 0;
        for (int node = 0; node < tree.nodeCount(); node++) {
            deepest = Math.max(deepest, tree.depth(node));
        }
        return deepest;
    }
}
