package dev.heapscope.analysis.flame;

import dev.heapscope.analysis.FoldedLine;
import dev.heapscope.analysis.FrameNamer;

import java.util.Arrays;

/**
 * A folded line that is not plain ASCII, read by {@link FoldedLine}'s rules (those of
 * {@link dev.heapscope.analysis.FoldedStacksReader}) into {@link FlameStacks}: the path
 * {@link FoldedStacksScanner} takes for such a rare line.
 */
final class FoldedLineText implements FoldedLine.Sink {
    private final FlameStacks stacks;
    private int[] ids = new int[64];

    FoldedLineText(FlameStacks stacks) {
        this.stacks = stacks;
    }

    /** Adds the line's stack; returns {@link FoldedLine#STACK}, null for a blank or comment line, or the problem. */
    String read(String line) {
        return FoldedLine.read(line, this);
    }

    @Override
    public void frame(int depth, String frame) {
        if (depth == ids.length) {
            ids = Arrays.copyOf(ids, depth * 2);
        }
        ids[depth] = stacks.names().idOf(FrameNamer.sanitize(frame));
    }

    @Override
    public void stack(int depth, long value) {
        stacks.add(ids, depth, value);
    }
}
