package dev.heapscope.analysis.flame;

import dev.heapscope.analysis.CallTree;

import java.util.HashMap;
import java.util.Map;

/**
 * A differential flame graph's comparison: each frame of the "after" tree compared with the same
 * path in the "before" tree: new (absent before), grown, shrunk or unchanged, and by how much.
 * Frames only in "before" (gone) have no box in the after tree; the diff table lists them.
 */
public final class FlameDiff {
    public enum Change { NEW, GROWN, SHRUNK, SAME }

    private final CallTree after;
    private final long[] beforeTotal;

    private FlameDiff(CallTree after, long[] beforeTotal) {
        this.after = after;
        this.beforeTotal = beforeTotal;
    }

    /** Matches every node of {@code after} with the node at the same path in {@code before}. */
    public static FlameDiff of(CallTree before, CallTree after) {
        int[] match = new int[after.nodeCount()];
        long[] totals = new long[after.nodeCount()];
        java.util.Arrays.fill(match, -1);
        match[after.root()] = before.root();
        totals[after.root()] = before.totalValue();
        // Walk from the root down, so a node's parent is always matched before the node itself.
        java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
        queue.add(after.root());
        while (!queue.isEmpty()) {
            int node = queue.poll();
            Map<String, Integer> beforeChildren = match[node] < 0 ? Map.of() : childrenByName(before, match[node]);
            for (int i = 0; i < after.childCount(node); i++) {
                int child = after.child(node, i);
                Integer same = beforeChildren.get(after.name(child));
                match[child] = same == null ? -1 : same;
                totals[child] = same == null ? -1 : before.total(same);
                queue.add(child);
            }
        }
        return new FlameDiff(after, totals);
    }

    public Change change(int node) {
        long was = beforeTotal[node];
        long now = after.total(node);
        if (was < 0) {
            return Change.NEW;
        }
        return now > was ? Change.GROWN : now < was ? Change.SHRUNK : Change.SAME;
    }

    /** After minus before for this frame ({@code after.total} when the frame is new). */
    public long delta(int node) {
        return after.total(node) - Math.max(beforeTotal[node], 0);
    }

    /**
     * How much of this frame changed, as a share of its size now (0..1; 1 for a new frame): what
     * {@link FlamePalette#change} makes the colour stronger by.
     */
    public double changedShare(int node) {
        long total = Math.max(1, after.total(node));
        return Math.min(1.0, Math.abs(delta(node)) / (double) total);
    }

    private static Map<String, Integer> childrenByName(CallTree tree, int node) {
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < tree.childCount(node); i++) {
            int child = tree.child(node, i);
            byName.put(tree.name(child), child);
        }
        return byName;
    }
}
