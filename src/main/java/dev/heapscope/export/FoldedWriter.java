package dev.heapscope.export;

import dev.heapscope.analysis.CallTree;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes a {@link CallTree} as folded stacks for {@code flamegraph.pl}, inferno or speedscope: one
 * line {@code outer;...;inner value} per node with a self value above zero, depth first with
 * children in name order, each line ended by {@code \n}. The same tree always gives the same text.
 * Frame names never contain {@code ;} or line breaks (the tree sanitizes them).
 */
public final class FoldedWriter {

    private FoldedWriter() {
    }

    public static void write(CallTree tree, Appendable out) throws IOException {
        try {
            tree.forEachStack((frames, value) -> {
                try {
                    for (int i = 0; i < frames.size(); i++) {
                        if (i > 0) {
                            out.append(';');
                        }
                        out.append(frames.get(i));
                    }
                    out.append(' ').append(Long.toString(value)).append('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException wrapped) {
            throw wrapped.getCause();
        }
    }

    public static String toText(CallTree tree) {
        StringBuilder out = new StringBuilder();
        try {
            write(tree, out);
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
        return out.toString();
    }
}
