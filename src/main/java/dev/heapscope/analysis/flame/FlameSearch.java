package dev.heapscope.analysis.flame;

import dev.heapscope.analysis.CallTree;

import java.util.Locale;

/**
 * The frames whose name contains a text (case-insensitive) and how much of a subtree they cover:
 * a matched frame counts its total once, matched frames under it are not counted again.
 */
public final class FlameSearch {
    private final CallTree tree;
    private final boolean[] matched;
    private final boolean active;

    private FlameSearch(CallTree tree, boolean[] matched, boolean active) {
        this.tree = tree;
        this.matched = matched;
        this.active = active;
    }

    public static FlameSearch of(CallTree tree, String text) {
        boolean[] matched = new boolean[tree.nodeCount()];
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (!needle.isEmpty()) {
            for (int node = 1; node < tree.nodeCount(); node++) {
                matched[node] = tree.name(node).toLowerCase(Locale.ROOT).contains(needle);
            }
        }
        return new FlameSearch(tree, matched, !needle.isEmpty());
    }

    /** True when there is a search text at all. */
    public boolean isActive() {
        return active;
    }

    public boolean matches(int node) {
        return node >= 0 && node < matched.length && matched[node];
    }

    /** The value under {@code node} (inclusive) that lies in matched frames, counted once. */
    public long matchedValue(int node) {
        for (int up = node; up > 0; up = tree.parent(up)) {
            if (matched[up]) {
                return tree.total(node);
            }
        }
        long sum = 0;
        java.util.ArrayDeque<Integer> pending = new java.util.ArrayDeque<>();
        pending.push(node);
        while (!pending.isEmpty()) {
            int next = pending.pop();
            for (int i = 0; i < tree.childCount(next); i++) {
                int child = tree.child(next, i);
                if (matched[child]) {
                    sum += tree.total(child);
                } else {
                    pending.push(child);
                }
            }
        }
        return sum;
    }

    /** {@link #matchedValue} as a percentage of {@code node}'s total (0 when it has none). */
    public double matchedPercent(int node) {
        long total = tree.total(node);
        return total <= 0 ? 0 : 100.0 * matchedValue(node) / total;
    }
}
