package dev.heapscope.export;

import dev.heapscope.analysis.CallTree;
import dev.heapscope.analysis.flame.FlameFrames;
import dev.heapscope.analysis.flame.FlamePalette;
import dev.heapscope.analysis.flame.FlameStacks;

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
 * headless AWT so the command line needs no display. Frames narrower than a pixel are left out, and
 * so are frames below row {@value #MAX_ROWS} (the title says so);
 * colours are the app's {@link FlamePalette} (light, on a white image), so a frame has the same colour
 * here, on screen and in the SVG.
 */
public final class PngFlameWriter {
    static final int WIDTH_PX = 1600;
    private static final int ROW_PX = 18;
    private static final int TITLE_PX = 28;
    private static final FlamePalette PALETTE = FlamePalette.LIGHT;
    /** Deeper frames are not drawn: 200 rows at scale 2 are already a 93 MB image in memory. */
    static final int MAX_ROWS = 200;

    private PngFlameWriter() {
    }

    /** Writes the image at {@code scale} (1 or 2 for a high-density screen); returns the frames drawn. */
    public static int write(FlameStacks stacks, String title, double scale, OutputStream out) throws IOException {
        return write(FlameFrames.forWidth(stacks, WIDTH_PX, 1), title, scale, out);
    }

    public static int write(CallTree tree, String title, double scale, OutputStream out) throws IOException {
        return write(FlameStacks.ofTree(tree), title, scale, out);
    }

    private static int write(FlameFrames frames, String title, double scale, OutputStream out) throws IOException {
        int rows = Math.min(frames.maxDepth() + 1, MAX_ROWS);
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
            String cut = frames.maxDepth() >= MAX_ROWS ? "; frames below row " + MAX_ROWS + " not drawn" : "";
            g.drawString(title + "  (" + String.format("%,d", frames.totalValue()) + " " + frames.weight().unit()
                    + cut + ")", 6, 19);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            drawn = draw(g, frames);
        } finally {
            g.dispose();
        }
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG encoder available");
        }
        return drawn;
    }

    /** One pass in depth-first order, no recursion: a chain of 10,000 frames is a loop, not a stack overflow. */
    private static int draw(Graphics2D g, FlameFrames frames) {
        if (frames.totalValue() <= 0) {
            return 0;
        }
        double all = frames.totalValue();
        FontMetrics metrics = g.getFontMetrics();
        Color labelColour = new Color(PALETTE.label().packed());
        int drawn = 0;
        for (int frame = 0; frame < frames.size(); ) {
            if (frames.depth(frame) >= MAX_ROWS) {
                frame = frames.end(frame);
                continue;
            }
            // multiplied before dividing, so the root is exactly the image's width
            double x = frames.offset(frame) * (double) WIDTH_PX / all;
            double width = frames.total(frame) * (double) WIDTH_PX / all;
            int y = TITLE_PX + frames.depth(frame) * ROW_PX;
            String name = frames.name(frame);
            g.setColor(new Color(PALETTE.frame(name).packed()));
            g.fillRect((int) x, y, Math.max(1, (int) Math.floor(width) - 1), ROW_PX - 1);
            String label = fit(name, metrics, (int) width - 6);
            if (!label.isEmpty()) {
                g.setColor(labelColour);
                g.drawString(label, (int) x + 3, y + ROW_PX - 5);
            }
            drawn++;
            frame++;
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
}
