package dev.heapscope.analysis.flame;

import dev.heapscope.analysis.CallTree;

import java.util.ArrayList;
import java.util.List;

/** Frames as text lines (depth, name, offset, total, self) in depth-first, name order: what two models must agree on. */
final class FlameFramesListing {
    private FlameFramesListing() {
    }

    static List<String> of(FlameFrames frames) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            lines.add(line(frames.depth(i), frames.name(i), frames.offset(i), frames.total(i), frames.self(i)));
        }
        return lines;
    }

    /** A tree's frames, children laid out from their parent's left edge (as the SVG always did). */
    static List<String> of(CallTree tree) {
        List<String> lines = new ArrayList<>();
        List<long[]> pending = new ArrayList<>();
        pending.add(new long[] {tree.root(), 0});
        while (!pending.isEmpty()) {
            long[] item = pending.remove(pending.size() - 1);
            int node = (int) item[0];
            lines.add(line(tree.depth(node), tree.name(node), item[1], tree.total(node), tree.self(node)));
            long offset = item[1];
            List<long[]> children = new ArrayList<>();
            for (int child : tree.children(node)) {
                children.add(new long[] {child, offset});
                offset += tree.total(child);
            }
            for (int k = children.size() - 1; k >= 0; k--) {
                pending.add(children.get(k));
            }
        }
        return lines;
    }

    private static String line(int depth, String name, long offset, long total, long self) {
        return depth + " " + name + " @" + offset + " total " + total + " self " + self;
    }
}
