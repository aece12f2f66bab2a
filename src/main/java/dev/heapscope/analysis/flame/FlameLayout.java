package dev.heapscope.analysis.flame;

import dev.heapscope.analysis.CallTree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where each frame of a {@link CallTree} goes when zoomed on one node and drawn {@code widthPx} wide:
 * the zoomed node and its ancestors span the full width, descendants share their parent's width by
 * total, and neighbouring frames narrower than {@code minWidthPx} are merged into one box (their
 * children are not laid out). No JavaFX: painting and hit testing read the boxes.
 *
 * <p>Boxes live in parallel arrays, row by row and left to right within a row, and {@link #layOut}
 * refills them in place: a redraw of the app's canvas allocates nothing once the arrays have grown to
 * the largest layout seen (a pause-free redraw is issue 15's goal). The box index ({@code 0 ..
 * boxCount()-1}) is what {@link #node(int)}, {@link #x(int)}… read; {@link FlameBox} values are made
 * only on request (hit testing, tests).
 */
public final class FlameLayout {
    private static final int INITIAL_BOXES = 256;

    private CallTree tree;
    private int zoom;
    private double widthPx;
    private int count;
    private int[] nodes = new int[INITIAL_BOXES];
    private int[] depths = new int[INITIAL_BOXES];
    private double[] xs = new double[INITIAL_BOXES];
    private double[] widths = new double[INITIAL_BOXES];
    private long[] values = new long[INITIAL_BOXES];
    private int[] mergedCounts = new int[INITIAL_BOXES];
    /** Where each row's boxes start; {@code rowStarts[rowCount]} is {@link #count}. */
    private int[] rowStarts = new int[64];
    private int rows;

    /** An empty layout, to be filled by {@link #layOut}. */
    public FlameLayout() {
    }

    public static FlameLayout of(CallTree tree, int zoomNode, double widthPx, double minWidthPx) {
        return new FlameLayout().layOut(tree, zoomNode, widthPx, minWidthPx);
    }

    /** Lays {@code tree} out again into this layout's arrays, replacing what was there; returns this. */
    public FlameLayout layOut(CallTree tree, int zoomNode, double widthPx, double minWidthPx) {
        if (zoomNode < 0 || zoomNode >= tree.nodeCount()) {
            throw new IllegalArgumentException("no node " + zoomNode + " in a tree of " + tree.nodeCount());
        }
        this.tree = tree;
        this.zoom = zoomNode;
        this.widthPx = widthPx;
        count = 0;
        rows = 0;
        fill(Math.max(minWidthPx, 1e-9));
        return this;
    }

    /*
     * Breadth first, one row after the other: a row's boxes are appended left to right, so the next
     * row, made from their children in order, is left to right too and nothing needs sorting. The
     * boxes appended so far are the queue.
     */
    private void fill(double minWidthPx) {
        int zoomDepth = tree.depth(zoom);
        ensureCapacity(zoomDepth + 1);
        for (int node = tree.parent(zoom); node >= 0; node = tree.parent(node)) {
            set(tree.depth(node), node, tree.depth(node), 0, widthPx, tree.total(node), 1);
        }
        count = zoomDepth;
        if (tree.total(zoom) <= 0 && zoom != tree.root()) {
            closeRows();
            return;
        }
        append(zoom, zoomDepth, 0, widthPx, tree.total(zoom), 1);
        for (int box = zoomDepth; box < count; box++) {
            int parent = nodes[box];
            long parentTotal = parent == FlameBox.MERGED ? 0 : tree.total(parent);
            boolean laidOutNarrow = box > zoomDepth && widths[box] < minWidthPx;
            if (parentTotal <= 0 || laidOutNarrow) {
                continue; // merged runs and lone narrow frames are not descended into
            }
            appendChildren(box, parent, parentTotal, minWidthPx);
        }
        closeRows();
    }

    private void appendChildren(int box, int parent, long parentTotal, double minWidthPx) {
        double scale = widths[box] / parentTotal;
        int depth = depths[box] + 1;
        double x = xs[box];
        double runX = 0;
        long runValue = 0;
        int runCount = 0;
        int runFirst = -1;
        int children = tree.childCount(parent);
        for (int i = 0; i < children; i++) {
            int child = tree.child(parent, i);
            long total = tree.total(child);
            double width = total * scale;
            if (width < minWidthPx) {
                if (runCount == 0) {
                    runX = x;
                    runFirst = child;
                }
                runValue += total;
                runCount++;
            } else {
                appendRun(depth, runFirst, runX, runValue, runCount, scale);
                runCount = 0;
                runValue = 0;
                append(child, depth, x, width, total, 1);
            }
            x += width;
        }
        appendRun(depth, runFirst, runX, runValue, runCount, scale);
    }

    /** A lone narrow frame keeps its name but is not descended into; several become one merged box. */
    private void appendRun(int depth, int first, double x, long value, int runCount, double scale) {
        if (runCount == 1) {
            append(first, depth, x, value * scale, value, 1);
        } else if (runCount > 1) {
            append(FlameBox.MERGED, depth, x, value * scale, value, runCount);
        }
    }

    private void append(int node, int depth, double x, double width, long value, int merged) {
        ensureCapacity(count + 1);
        set(count++, node, depth, x, width, value, merged);
    }

    private void set(int box, int node, int depth, double x, double width, long value, int merged) {
        nodes[box] = node;
        depths[box] = depth;
        xs[box] = x;
        widths[box] = width;
        values[box] = value;
        mergedCounts[box] = merged;
    }

    /** Boxes are in row order, so a row starts where the depth changes. */
    private void closeRows() {
        rows = count == 0 ? 0 : depths[count - 1] + 1;
        if (rowStarts.length < rows + 1) {
            rowStarts = new int[Math.max(rows + 1, rowStarts.length * 2)];
        }
        int box = 0;
        for (int row = 0; row <= rows; row++) {
            while (box < count && depths[box] < row) {
                box++;
            }
            rowStarts[row] = box;
        }
    }

    private void ensureCapacity(int needed) {
        if (needed <= nodes.length) {
            return;
        }
        int size = Math.max(needed, nodes.length * 2);
        nodes = Arrays.copyOf(nodes, size);
        depths = Arrays.copyOf(depths, size);
        xs = Arrays.copyOf(xs, size);
        widths = Arrays.copyOf(widths, size);
        values = Arrays.copyOf(values, size);
        mergedCounts = Arrays.copyOf(mergedCounts, size);
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
        return rows;
    }

    public int boxCount() {
        return count;
    }

    /** The box's call-tree node, or {@link FlameBox#MERGED}. */
    public int node(int box) {
        return nodes[box];
    }

    public int depth(int box) {
        return depths[box];
    }

    public double x(int box) {
        return xs[box];
    }

    public double width(int box) {
        return widths[box];
    }

    public long value(int box) {
        return values[box];
    }

    /** How many frames the box stands for (1 unless it is a merged run). */
    public int mergedCount(int box) {
        return mergedCounts[box];
    }

    public boolean isMerged(int box) {
        return nodes[box] == FlameBox.MERGED;
    }

    /** The box as a value (allocates: for hit testing and tests, not for painting). */
    public FlameBox box(int box) {
        return new FlameBox(nodes[box], depths[box], xs[box], widths[box], values[box], mergedCounts[box]);
    }

    /** The boxes of one row, left to right. */
    public List<FlameBox> row(int depth) {
        List<FlameBox> row = new ArrayList<>();
        if (depth >= 0 && depth < rows) {
            for (int box = rowStarts[depth]; box < rowStarts[depth + 1]; box++) {
                row.add(box(box));
            }
        }
        return row;
    }

    public List<FlameBox> boxes() {
        List<FlameBox> all = new ArrayList<>(count);
        for (int box = 0; box < count; box++) {
            all.add(box(box));
        }
        return all;
    }

    /** The box at {@code xPx} in row {@code depth}, or null. */
    public FlameBox boxAt(double xPx, int depth) {
        if (depth < 0 || depth >= rows) {
            return null;
        }
        int low = rowStarts[depth];
        int high = rowStarts[depth + 1] - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (xPx < xs[mid]) {
                high = mid - 1;
            } else if (xPx >= xs[mid] + widths[mid]) {
                low = mid + 1;
            } else {
                return box(mid);
            }
        }
        return null;
    }
}
