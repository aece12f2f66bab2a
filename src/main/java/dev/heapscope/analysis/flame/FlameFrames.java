package dev.heapscope.analysis.flame;

import dev.heapscope.analysis.CallTree;
import dev.heapscope.analysis.Weight;

/**
 * A flame graph's frames as flat arrays in depth-first order, children in name order: frame 0 is the
 * root ({@value CallTree#ROOT_NAME}), a frame's descendants are the frames after it up to
 * {@link #end(int)}, and {@link #offset(int)} is where it starts along the x axis in value units
 * (flamegraph.pl's start time). Made by {@link FlameMerge} from sorted stacks, keeping only frames
 * worth at least a minimum (a pixel, for an export), so a file of a million frames draws from a few
 * thousand. With a minimum of 0 it is the whole tree, in one pass over memory that a view can walk
 * without a hash lookup. Immutable; any thread may read it.
 */
public final class FlameFrames {
    /** Receives the frames a view draws as primitives, so a repaint allocates nothing. */
    @FunctionalInterface
    public interface FrameVisitor {
        void visit(int frame, int depth, double xPx, double widthPx);
    }

    private final Weight weight;
    private final String[] names;
    private final int count;
    private final int[] nameOf;
    private final int[] depthOf;
    private final int[] endOf;
    private final long[] offsetOf;
    private final long[] totalOf;
    private final long[] selfOf;
    private final int maxDepth;
    private final double minValue;

    FlameFrames(Weight weight, String[] names, int count, int[] nameOf, int[] depthOf, int[] endOf,
                long[] offsetOf, long[] totalOf, long[] selfOf, double minValue) {
        this.weight = weight;
        this.names = names;
        this.count = count;
        this.nameOf = nameOf;
        this.depthOf = depthOf;
        this.endOf = endOf;
        this.offsetOf = offsetOf;
        this.totalOf = totalOf;
        this.selfOf = selfOf;
        this.minValue = minValue;
        int deepest = 0;
        for (int i = 0; i < count; i++) {
            deepest = Math.max(deepest, depthOf[i]);
        }
        this.maxDepth = deepest;
    }

    /** The frames of {@code stacks} worth at least {@code minValue} (0: every frame). */
    public static FlameFrames of(FlameStacks stacks, double minValue) {
        return FlameMerge.merge(stacks, minValue);
    }

    /** The frames at least {@code minWidthPx} wide when the whole graph is {@code widthPx} wide. */
    public static FlameFrames forWidth(FlameStacks stacks, double widthPx, double minWidthPx) {
        return of(stacks, stacks.totalValue() * minWidthPx / widthPx);
    }

    public Weight weight() {
        return weight;
    }

    /** Frames kept, the root included. */
    public int size() {
        return count;
    }

    /** The root's total: every stack's value, those of frames left out included. */
    public long totalValue() {
        return totalOf[0];
    }

    /** The smallest total a frame needed to be kept. */
    public double minValue() {
        return minValue;
    }

    /** The deepest kept frame's depth (0: only the root). */
    public int maxDepth() {
        return maxDepth;
    }

    public String name(int frame) {
        return frame == 0 ? CallTree.ROOT_NAME : names[nameOf[frame]];
    }

    /** The name's rank among all names (names compare as their ranks do); -1 for the root. */
    public int nameRank(int frame) {
        return frame == 0 ? -1 : nameOf[frame];
    }

    /** 0 for the root, 1 for outermost frames. */
    public int depth(int frame) {
        return depthOf[frame];
    }

    public long offset(int frame) {
        return offsetOf[frame];
    }

    public long total(int frame) {
        return totalOf[frame];
    }

    /** The value of the stacks that end at this frame. */
    public long self(int frame) {
        return selfOf[frame];
    }

    /** One past the frame's last kept descendant: its first child is {@code frame + 1} when that is below this. */
    public int end(int frame) {
        return endOf[frame];
    }

    /** The parent of {@code frame} (-1 for the root), by walking back: for a view's details, not a paint loop. */
    public int parent(int frame) {
        for (int i = frame - 1; i >= 0; i--) {
            if (depthOf[i] == depthOf[frame] - 1) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Visits what a view draws zoomed on {@code zoom}, {@code widthPx} wide: the zoomed frame's
     * ancestors at full width (nearest first), then the zoomed frame and every descendant at least
     * {@code minWidthPx} wide, in order; a narrower frame is skipped with its descendants (its width
     * stays in its parent's, as in the exports). One pass over a contiguous range of the arrays, no lookup.
     */
    public void visit(int zoom, double widthPx, double minWidthPx, FrameVisitor visitor) {
        int wanted = depthOf[zoom] - 1;
        for (int frame = zoom - 1; frame >= 0 && wanted >= 0; frame--) {
            if (depthOf[frame] == wanted) {
                visitor.visit(frame, wanted--, 0, widthPx);
            }
        }
        if (totalOf[zoom] <= 0) {
            return;
        }
        double scale = widthPx / totalOf[zoom];
        double minTotal = minWidthPx / scale;
        long origin = offsetOf[zoom];
        for (int frame = zoom; frame < endOf[zoom]; ) {
            if (frame != zoom && totalOf[frame] < minTotal) {
                frame = endOf[frame];
            } else {
                visitor.visit(frame, depthOf[frame], (offsetOf[frame] - origin) * scale, totalOf[frame] * scale);
                frame++;
            }
        }
    }
}
