package dev.heapscope.analysis.flame;

import dev.heapscope.analysis.CallTree;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Where each frame of a {@link CallTree} goes when zoomed on one node and drawn {@code widthPx} wide:
 * the zoomed node and its ancestors span the full width, descendants share their parent's width by
 * total, and neighbouring frames narrower than {@code minWidthPx} are merged into one box (their
 * children are not laid out). No JavaFX: painting and hit testing read the boxes.
 */
public final class FlameLayout {
    private final CallTree tree;
    private final int zoom;
    private final double widthPx;
    private final List<List<FlameBox>> rows = new ArrayList<>();

    private FlameLayout(CallTree tree, int zoom, double widthPx) {
        this.tree = tree;
        this.zoom = zoom;
        this.widthPx = widthPx;
    }

    public static FlameLayout of(CallTree tree, int zoomNode, double widthPx, double minWidthPx) {
        if (zoomNode < 0 || zoomNode >= tree.nodeCount()) {
            throw new IllegalArgumentException("no node " + zoomNode + " in a tree of " + tree.nodeCount());
        }
        FlameLayout layout = new FlameLayout(tree, zoomNode, widthPx);
        layout.layOut(Math.max(minWidthPx, 1e-9));
        return layout;
    }

    private void layOut(double minWidthPx) {
        for (int node = tree.parent(zoom); node >= 0; node = tree.parent(node)) {
            add(new FlameBox(node, tree.depth(node), 0, widthPx, tree.total(node), 1));
        }
        if (tree.total(zoom) <= 0 && zoom != tree.root()) {
            return;
        }
        Deque<FlameBox> pending = new ArrayDeque<>();
        pending.push(new FlameBox(zoom, tree.depth(zoom), 0, widthPx, tree.total(zoom), 1));
        while (!pending.isEmpty()) {
            FlameBox box = pending.pop();
            add(box);
            long parentTotal = tree.total(box.node());
            if (parentTotal <= 0) {
                continue;
            }
            double scale = box.width() / parentTotal;
            double x = box.x();
            double runX = 0;
            long runValue = 0;
            int runCount = 0;
            int runFirst = -1;
            for (int i = 0; i < tree.childCount(box.node()); i++) {
                int child = tree.child(box.node(), i);
                double width = tree.total(child) * scale;
                if (width < minWidthPx) {
                    if (runCount == 0) {
                        runX = x;
                        runFirst = child;
                    }
                    runValue += tree.total(child);
                    runCount++;
                } else {
                    flushRun(box.depth() + 1, runFirst, runX, runValue, runCount, scale);
                    runCount = 0;
                    runValue = 0;
                    pending.push(new FlameBox(child, box.depth() + 1, x, width, tree.total(child), 1));
                }
                x += width;
            }
            flushRun(box.depth() + 1, runFirst, runX, runValue, runCount, scale);
        }
        rows.forEach(row -> row.sort((a, b) -> Double.compare(a.x(), b.x())));
    }

    /** A lone narrow frame keeps its name but is not descended into; several become one merged box. */
    private void flushRun(int depth, int first, double x, long value, int count, double scale) {
        if (count == 1) {
            add(new FlameBox(first, depth, x, value * scale, value, 1));
        } else if (count > 1) {
            add(new FlameBox(FlameBox.MERGED, depth, x, value * scale, value, count));
        }
    }

    private void add(FlameBox box) {
        while (rows.size() <= box.depth()) {
            rows.add(new ArrayList<>());
        }
        rows.get(box.depth()).add(box);
    }

    public CallTree tree() {
        return tree;
    }

    public int zoomNode() {
        return zoom;
    }

    public double widthPx() {
        return widthPx;
    }

    /** Rows in use (the deepest box's depth + 1). */
    public int rowCount() {
        return rows.size();
    }

    /** The boxes of one row, left to right. */
    public List<FlameBox> row(int depth) {
        return depth < 0 || depth >= rows.size() ? List.of() : List.copyOf(rows.get(depth));
    }

    public List<FlameBox> boxes() {
        List<FlameBox> all = new ArrayList<>();
        rows.forEach(all::addAll);
        return all;
    }

    /** The box at {@code xPx} in row {@code depth}, or null. */
    public FlameBox boxAt(double xPx, int depth) {
        if (depth < 0 || depth >= rows.size()) {
            return null;
        }
        List<FlameBox> row = rows.get(depth);
        int low = 0;
        int high = row.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            FlameBox box = row.get(mid);
            if (xPx < box.x()) {
                high = mid - 1;
            } else if (xPx >= box.x() + box.width()) {
                low = mid + 1;
            } else {
                return box;
            }
        }
        return null;
    }
}
