package dev.heapscope.export;

import dev.heapscope.analysis.CallTree;
import dev.heapscope.analysis.flame.FlameFrames;
import dev.heapscope.analysis.flame.FlamePalette;
import dev.heapscope.analysis.flame.FlameStacks;

import java.io.IOException;
import java.util.Arrays;

/**
 * Draws {@link FlameFrames} as an SVG flame graph (root at the bottom, outermost frames above it).
 * Frames narrower than {@value #MIN_WIDTH_PX} px are left out with everything above them (their value
 * stays in their parent's width), as flamegraph.pl does with its minwidth: a million stacks still
 * give a file a browser opens. (The limit used to be 0.1 px: ten times the frames, none of them wide
 * enough to see or to click.) Every frame is a
 * {@code <g class="f">} carrying its offset, total and depth in value units so {@code flame.js} can
 * zoom without the tree; its {@code <title>} holds the name, a line break and the value. Colours come
 * from the app's {@link FlamePalette} (light: the file has a light background), so a frame has the same
 * colour here as on screen and in the PNG.
 */
final class FlameSvg {
    static final int WIDTH_PX = 1200;
    static final int PAD_PX = 10;
    static final int FRAME_HEIGHT_PX = 16;
    static final double MIN_WIDTH_PX = 1;
    static final double CHAR_WIDTH_PX = 7.08;
    private static final int TOP_PX = 44;
    private static final int BOTTOM_PX = 28;
    private static final FlamePalette PALETTE = FlamePalette.LIGHT;
    /** Rows drawn at most; deeper frames are left out with a note (a 75,000-frame chain would be 1.2 million px tall). */
    static final int MAX_ROWS = 12_000;
    /**
     * Frames drawn at most (about 230 bytes each): when more are a pixel wide, as 100 distinct
     * chains of 90,000 frames are, the deepest rows are left out until the rest fit, keeping a
     * report under 20 MB for any input.
     */
    static final int MAX_FRAMES = 40_000;

    private final FlameFrames frames;
    private final String title;
    private final double usablePx = WIDTH_PX - 2.0 * PAD_PX;
    private final double minValue;
    private final int depthLimit;
    private int drawnFrames;

    /** Draws {@code frames}, or those of them at least {@value #MIN_WIDTH_PX} px wide when it holds narrower ones. */
    FlameSvg(FlameFrames frames, String title) {
        this.frames = frames;
        this.title = title;
        this.minValue = frames.totalValue() * MIN_WIDTH_PX / usablePx;
        this.depthLimit = depthLimit();
    }

    FlameSvg(CallTree tree, String title) {
        this(framesOf(FlameStacks.ofTree(tree)), title);
    }

    /** The frames of {@code stacks} this graph draws: only those a pixel wide or more are ever made. */
    static FlameFrames framesOf(FlameStacks stacks) {
        return FlameFrames.forWidth(stacks, WIDTH_PX - 2.0 * PAD_PX, MIN_WIDTH_PX);
    }

    /** Frames drawn by the last {@link #write}. */
    int drawnFrames() {
        return drawnFrames;
    }

    /** Writes the {@code <svg>} element; {@code script} (may be null) goes inside it, as CDATA. */
    void write(Appendable out, String script) throws IOException {
        int maxDepth = maxDrawnDepth();
        int heightPx = TOP_PX + (maxDepth + 1) * FRAME_HEIGHT_PX + BOTTOM_PX;
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"hs-flame\" version=\"1.1\" width=\"")
                .append(Integer.toString(WIDTH_PX)).append("\" height=\"").append(Integer.toString(heightPx))
                .append("\" viewBox=\"0 0 ").append(Integer.toString(WIDTH_PX)).append(' ')
                .append(Integer.toString(heightPx)).append("\" data-pad=\"").append(Integer.toString(PAD_PX))
                .append("\" data-match-fill=\"").append(PALETTE.searchMatch().css()).append("\" data-unit=\"");
        Markup.escape(frames.weight().unit(), out);
        out.append("\">\n<style>.f text{font:12px monospace;fill:").append(PALETTE.label().css())
                .append(";pointer-events:none}"
                + ".f:hover rect{stroke:#000;stroke-width:.5}.f{cursor:pointer}"
                + ".ctl{font:12px sans-serif;cursor:pointer;fill:#1a5fb4}.hs-title{font:16px sans-serif}"
                + ".details{font:12px monospace}</style>\n");
        out.append("<rect width=\"100%\" height=\"100%\" fill=\"#fafafa\"/>\n<text class=\"hs-title\" x=\"")
                .append(Integer.toString(WIDTH_PX / 2)).append("\" y=\"22\" text-anchor=\"middle\">");
        Markup.escape(title, out);
        if (frames.maxDepth() > depthLimit) {
            out.append(" (frames deeper than ").append(Integer.toString(maxDepth + 1)).append(" levels not drawn)");
        }
        out.append("</text>\n<text class=\"ctl reset\" x=\"").append(Integer.toString(PAD_PX))
                .append("\" y=\"22\" style=\"display:none\">Reset zoom</text>\n<text class=\"ctl search\" x=\"")
                .append(Integer.toString(WIDTH_PX - PAD_PX)).append("\" y=\"22\" text-anchor=\"end\">Search</text>\n")
                .append("<text class=\"details\" x=\"").append(Integer.toString(PAD_PX)).append("\" y=\"")
                .append(Integer.toString(heightPx - 10)).append("\"> </text>\n<text class=\"ctl matched\" x=\"")
                .append(Integer.toString(WIDTH_PX - PAD_PX)).append("\" y=\"").append(Integer.toString(heightPx - 10))
                .append("\" text-anchor=\"end\"> </text>\n");
        writeFrames(out, maxDepth);
        if (script != null) {
            out.append("<script type=\"text/ecmascript\"><![CDATA[\n").append(script).append("\n]]></script>\n");
        }
        out.append("</svg>\n");
    }

    private int maxDrawnDepth() {
        int max = 0;
        for (int frame = 0; frame < frames.size(); ) {
            if (frame > 0 && frames.total(frame) < minValue || frames.depth(frame) > depthLimit) {
                frame = frames.end(frame);
            } else {
                max = Math.max(max, frames.depth(frame));
                frame++;
            }
        }
        return max;
    }

    /** The deepest level drawn: all of them when the frames a pixel wide fit {@link #MAX_FRAMES}. */
    private int depthLimit() {
        int[] perDepth = new int[Math.min(frames.maxDepth(), MAX_ROWS - 1) + 1];
        for (int frame = 0; frame < frames.size(); ) {
            int depth = frames.depth(frame);
            if (frame > 0 && frames.total(frame) < minValue || depth >= perDepth.length) {
                frame = frames.end(frame);
            } else {
                perDepth[depth]++;
                frame++;
            }
        }
        long drawn = 0;
        for (int depth = 0; depth < perDepth.length; depth++) {
            drawn += perDepth[depth];
            if (drawn > MAX_FRAMES) {
                return Math.max(0, depth - 1);
            }
        }
        return perDepth.length - 1;
    }

    /** Depth first, the last child (by name) first: the order the files have always had. */
    private void writeFrames(Appendable out, int maxDepth) throws IOException {
        drawnFrames = 0;
        if (frames.totalValue() == 0) {
            return;
        }
        int[] pending = new int[Math.max(16, maxDepth + 1)];
        int size = 0;
        pending[size++] = 0;
        StringBuilder line = new StringBuilder(256);
        while (size > 0) {
            int frame = pending[--size];
            line.setLength(0);
            frame(line, frame, maxDepth);
            out.append(line);
            drawnFrames++;
            if (frames.depth(frame) >= depthLimit) {
                continue;
            }
            for (int child = frame + 1; child < frames.end(frame); child = frames.end(child)) {
                if (frames.total(child) >= minValue) {
                    if (size == pending.length) {
                        pending = Arrays.copyOf(pending, size * 2);
                    }
                    pending[size++] = child;
                }
            }
        }
    }

    private void frame(StringBuilder out, int node, int maxDepth) throws IOException {
        String name = ChainText.shortened(frames.name(node)); // the title holds it whole, up to a bound
        long total = frames.total(node);
        long offset = frames.offset(node);
        double xPx = PAD_PX + offset * usablePx / frames.totalValue();
        double widthPx = total * usablePx / frames.totalValue();
        int depth = frames.depth(node);
        int yPx = TOP_PX + (maxDepth - depth) * FRAME_HEIGHT_PX;
        out.append("<g class=\"f\" data-o=\"").append(offset).append("\" data-t=\"").append(total)
                .append("\" data-d=\"").append(depth).append("\"><title>");
        Markup.escape(name, out);
        out.append('\n').append(total).append(' ');
        Markup.escape(frames.weight().unit(), out);
        out.append(" (");
        hundredths(out, total * 100.0 / frames.totalValue());
        out.append("%)</title><rect x=\"");
        hundredths(out, xPx);
        out.append("\" y=\"").append(yPx).append("\" width=\"");
        hundredths(out, widthPx);
        out.append("\" height=\"").append(FRAME_HEIGHT_PX - 1).append("\" rx=\"2\" fill=\"")
                .append(PALETTE.frame(frames.name(node)).css())
                .append("\"/><text x=\"");
        hundredths(out, xPx + 3);
        out.append("\" y=\"").append(yPx + FRAME_HEIGHT_PX - 4).append("\">");
        Markup.escape(label(name, widthPx), out);
        out.append("</text></g>\n");
    }

    /** The name cut to fit {@code widthPx}, as flame.js cuts it after a zoom. */
    static String label(String name, double widthPx) {
        int chars = (int) Math.floor((widthPx - 6) / CHAR_WIDTH_PX);
        if (chars < 3) {
            return "";
        }
        return name.length() <= chars ? name : name.substring(0, chars - 2) + "..";
    }

    private static void hundredths(StringBuilder out, double value) {
        long scaled = Math.round(value * 100);
        if (scaled < 0) {
            out.append('-');
            scaled = -scaled;
        }
        out.append(scaled / 100).append('.');
        long fraction = scaled % 100;
        if (fraction < 10) {
            out.append('0');
        }
        out.append(fraction);
    }
}
