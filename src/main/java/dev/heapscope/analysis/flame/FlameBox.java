package dev.heapscope.analysis.flame;

/**
 * One rectangle of a flame graph, in pixels along x and rows along y.
 *
 * @param node    the call-tree node, or {@link #MERGED} for a run of frames each narrower than the minimum
 * @param depth   the row (0 = the root "all")
 * @param value   the node's total, or the merged frames' totals summed
 * @param merged  how many frames a merged box stands for (1 for a plain frame)
 */
public record FlameBox(int node, int depth, double x, double width, long value, int merged) {
    public static final int MERGED = -1;

    public boolean isMerged() {
        return node == MERGED;
    }

    public boolean contains(double px) {
        return px >= x && px < x + width;
    }
}
