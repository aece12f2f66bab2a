package dev.heapscope.export;

import dev.heapscope.analysis.CallTree;
import dev.heapscope.analysis.flame.FlameStacks;

import java.io.IOException;

/**
 * Writes a standalone SVG flame graph: one file, no external reference, an inline script for
 * click-to-zoom, search and a details line (the graph still reads without it). Every name is escaped;
 * frames narrower than a pixel are left out, so the size stays bounded. From {@link FlameStacks} the
 * graph is made by sorting and merging the stacks, with no tree of every frame in memory.
 */
public final class SvgFlameWriter {
    /**
     * How deep the stacks of a flame export need be made ({@code FlameStacks.ofRecords} with a depth):
     * one level past the deepest drawn, so the graph still notes that deeper frames were left out.
     */
    public static final int STACK_DEPTH = FlameSvg.MAX_ROWS + 1;

    private SvgFlameWriter() {
    }

    /** @return the number of frames drawn */
    public static int write(FlameStacks stacks, String title, Appendable out) throws IOException {
        return write(new FlameSvg(FlameSvg.framesOf(stacks), title), out);
    }

    /** @return the number of frames drawn */
    public static int write(CallTree tree, String title, Appendable out) throws IOException {
        return write(new FlameSvg(tree, title), out);
    }

    private static int write(FlameSvg svg, Appendable out) throws IOException {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n");
        svg.write(out, Resources.text("flame.js"));
        return svg.drawnFrames();
    }
}
