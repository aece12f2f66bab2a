package dev.heapscope.export;

import dev.heapscope.analysis.CallTree;

import java.io.IOException;

/**
 * Writes a standalone SVG flame graph of a {@link CallTree}: one file, no external reference, an
 * inline script for click-to-zoom, search and a details line (the graph still reads without it).
 * Every name is escaped; frames narrower than 0.1 px are left out, so the size stays bounded.
 */
public final class SvgFlameWriter {
    private SvgFlameWriter() {
    }

    /** @return the number of frames drawn */
    public static int write(CallTree tree, String title, Appendable out) throws IOException {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n");
        FlameSvg svg = new FlameSvg(tree, title);
        svg.write(out, Resources.text("flame.js"));
        return svg.drawnFrames();
    }
}
