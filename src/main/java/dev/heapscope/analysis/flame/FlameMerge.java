package dev.heapscope.analysis.flame;

import java.util.Arrays;

/**
 * flamegraph.pl's method without its tree: sort the stacks, then walk them in order keeping only the
 * path of the current stack open. Where a stack leaves the previous one's path, the frames it leaves
 * are closed (their width is now known); where it goes on, new frames open at the current offset.
 * A closed frame worth less than the minimum is dropped: its descendants, narrower still, were dropped
 * before it, so it is always the last frame kept and dropping it is one decrement. Memory is the
 * stacks plus the frames kept.
 */
final class FlameMerge {
    private final FlameStacks stacks;
    private final double minValue;
    private int count;
    private int[] nameOf = new int[1024];
    private int[] depthOf = new int[1024];
    private int[] endOf = new int[1024];
    private long[] offsetOf = new long[1024];
    private long[] totalOf = new long[1024];
    private long[] selfOf = new long[1024];
    private int[] openAt = new int[64];

    private FlameMerge(FlameStacks stacks, double minValue) {
        this.stacks = stacks;
        this.minValue = minValue;
    }

    static FlameFrames merge(FlameStacks stacks, double minValue) {
        String[] names = stacks.rankFrames();
        FlameMerge merge = new FlameMerge(stacks, minValue);
        merge.walk(sortedOrder(stacks, names.length));
        int n = merge.count; // trimmed: a view keeps the whole tree for as long as it shows it
        return new FlameFrames(stacks.weight(), names, n, Arrays.copyOf(merge.nameOf, n),
                Arrays.copyOf(merge.depthOf, n), Arrays.copyOf(merge.endOf, n), Arrays.copyOf(merge.offsetOf, n),
                Arrays.copyOf(merge.totalOf, n), Arrays.copyOf(merge.selfOf, n), minValue);
    }

    private void walk(int[] order) {
        openAt[0] = open(-1, 0, 0);
        int openDepth = 0;
        long x = 0;
        int previous = -1;
        for (int stack : order) {
            int depth = stacks.depth(stack);
            int common = 0;
            if (previous >= 0) {
                int limit = Math.min(openDepth, depth);
                while (common < limit && stacks.frame(previous, common) == stacks.frame(stack, common)) {
                    common++;
                }
            }
            for (int level = openDepth; level > common; level--) {
                close(openAt[level], x);
            }
            if (openAt.length <= depth) {
                openAt = Arrays.copyOf(openAt, Math.max(depth + 1, openAt.length * 2));
            }
            for (int level = common + 1; level <= depth; level++) {
                openAt[level] = open(stacks.frame(stack, level - 1), level, x);
            }
            long value = stacks.value(stack);
            selfOf[openAt[depth]] += value;
            x += value;
            openDepth = depth;
            previous = stack;
        }
        for (int level = openDepth; level > 0; level--) {
            close(openAt[level], x);
        }
        totalOf[0] = x;
        endOf[0] = count;
    }

    private int open(int name, int depth, long offset) {
        if (count == nameOf.length) {
            int capacity = count * 2;
            nameOf = Arrays.copyOf(nameOf, capacity);
            depthOf = Arrays.copyOf(depthOf, capacity);
            endOf = Arrays.copyOf(endOf, capacity);
            offsetOf = Arrays.copyOf(offsetOf, capacity);
            totalOf = Arrays.copyOf(totalOf, capacity);
            selfOf = Arrays.copyOf(selfOf, capacity);
        }
        int frame = count++;
        nameOf[frame] = name;
        depthOf[frame] = depth;
        offsetOf[frame] = offset;
        totalOf[frame] = 0;
        selfOf[frame] = 0;
        return frame;
    }

    private void close(int frame, long x) {
        long total = x - offsetOf[frame];
        if (total < minValue) {
            if (frame != count - 1) {
                throw new IllegalStateException("a narrow frame has a kept descendant");
            }
            count--;
            return;
        }
        totalOf[frame] = total;
        endOf[frame] = count;
    }

    /**
     * Stack indices in stack order. Most of the ordering is one primitive sort: each stack's first
     * frames' ranks are packed into a long above its index, so {@link Arrays#sort(long[])} orders
     * by them without a comparator; stacks that tie on those frames are then merge-sorted frame by frame.
     */
    static int[] sortedOrder(FlameStacks stacks, int nameCount) {
        int n = stacks.size();
        int[] order = new int[n];
        int indexBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, n - 1)));
        int frameBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(nameCount)); // ranks, and nameCount for "no frame"
        int levels = (63 - indexBits) / frameBits;
        long[] keys = new long[n];
        for (int stack = 0; stack < n; stack++) {
            int depth = stacks.depth(stack);
            long key = 0;
            for (int level = 0; level < levels; level++) {
                // a stack that has ended sorts after one that goes on: its own value is drawn right of its children
                key = key << frameBits | (level < depth ? stacks.frame(stack, level) : nameCount);
            }
            keys[stack] = key << indexBits | stack;
        }
        Arrays.sort(keys);
        long indexMask = (1L << indexBits) - 1;
        for (int i = 0; i < n; i++) {
            order[i] = (int) (keys[i] & indexMask);
        }
        int[] buffer = new int[n];
        for (int from = 0, to; from < n; from = to) {
            to = from + 1;
            while (to < n && keys[to] >>> indexBits == keys[from] >>> indexBits) {
                to++;
            }
            if (to - from > 1) {
                sortRange(stacks, order, buffer, from, to);
            }
        }
        return order;
    }

    /** A bottom-up merge sort of {@code order[from, to)} that skips runs already in order. */
    private static void sortRange(FlameStacks stacks, int[] order, int[] buffer, int from, int to) {
        int n = to - from;
        for (int width = 1; width < n; width *= 2) {
            for (int left = from; left < to - width; left += 2 * width) {
                int mid = left + width;
                int right = Math.min(left + 2 * width, to);
                if (stacks.compare(order[mid - 1], order[mid]) > 0) {
                    mergeRuns(stacks, order, buffer, left, mid, right);
                }
            }
        }
    }

    private static void mergeRuns(FlameStacks stacks, int[] order, int[] buffer, int from, int mid, int to) {
        System.arraycopy(order, from, buffer, from, to - from);
        int left = from;
        int right = mid;
        for (int out = from; out < to; out++) {
            if (right >= to || (left < mid && stacks.compare(buffer[left], buffer[right]) <= 0)) {
                order[out] = buffer[left++];
            } else {
                order[out] = buffer[right++];
            }
        }
    }
}
