package dev.heapscope.analysis.flame;

import dev.heapscope.analysis.CallTree;
import dev.heapscope.analysis.FrameNamer;
import dev.heapscope.analysis.Weight;
import dev.heapscope.model.CallChain;
import dev.heapscope.model.Record;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Stacks as they arrive, before any tree: each one a run of frame ids (outermost first) in one int
 * array, and its value. Equal stacks may come more than once; {@link FlameMerge} adds them up after
 * sorting, as flamegraph.pl does, so no node is looked up per frame. About 4 bytes a frame. At most
 * {@link #MAX_STACKS} stacks are kept; the values of later ones are added to one {@link CallTree#OVER_LIMIT} stack.
 */
public final class FlameStacks {
    /** Stacks kept: a flame graph of 100,000 unique stacks is a big one. */
    static final int MAX_STACKS = Integer.getInteger("heapscope.maxFlameStacks", 2_000_000);

    private final Weight weight;
    private final int maxStacks;
    private int overLimitStack = -1;
    private final FrameNames names;
    private int[] frames = new int[1 << 12];
    private int frameCount;
    private int[] start = new int[1 << 10];
    private long[] value = new long[1 << 10];
    private int count;
    private long total;
    private String[] namesByRank;
    private int[] chainIds = new int[16];

    public FlameStacks(Weight weight, FrameNames names) {
        this(weight, names, MAX_STACKS);
    }

    FlameStacks(Weight weight, FrameNames names, int maxStacks) {
        this.weight = weight == null ? Weight.BYTES : weight;
        this.names = names;
        this.maxStacks = maxStacks;
    }

    /** The live stacks of {@code records}, named like {@link CallTree#of}: records worth 0 add nothing. */
    public static FlameStacks ofRecords(Iterable<Record> records, Weight weight, FrameNamer namer) {
        return ofRecords(records, weight, namer, Integer.MAX_VALUE);
    }

    /**
     * As {@link #ofRecords(Iterable, Weight, FrameNamer)}, keeping only the {@code maxDepth} outermost
     * frames of each chain: a drawing that shows no deeper rows need not name and hold the frames in
     * them (100 distinct chains of 90,000 frames would be 9 million names).
     */
    public static FlameStacks ofRecords(Iterable<Record> records, Weight weight, FrameNamer namer, int maxDepth) {
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth " + maxDepth);
        }
        Map<CallChain, long[]> valueOfChain = new HashMap<>();
        for (Record record : records) {
            long value = weight.of(record);
            if (value > 0) {
                valueOfChain.computeIfAbsent(record.caller(), chain -> new long[1])[0] += value;
            }
        }
        FlameStacks stacks = new FlameStacks(weight, new FrameNames());
        // HashMap order is harmless: the merge sorts the stacks.
        for (Map.Entry<CallChain, long[]> entry : valueOfChain.entrySet()) {
            stacks.addChain(entry.getKey(), entry.getValue()[0], namer, maxDepth);
        }
        return stacks;
    }

    /**
     * One call chain (innermost frame first, as recorded) as a stack of its {@code maxDepth} outermost frames,
     * named by {@code namer}; a chain without frames is {@link CallTree#NO_CALLER}.
     */
    public void addChain(CallChain chain, long stackValue, FrameNamer namer, int maxDepth) {
        int depth = Math.min(maxDepth, Math.max(1, chain.depth()));
        if (chainIds.length < depth) {
            chainIds = new int[depth];
        }
        if (chain.isEmpty()) {
            chainIds[0] = names.idOf(CallTree.NO_CALLER);
        }
        for (int i = chain.depth() - 1, k = 0; k < depth && i >= 0; i--, k++) {
            chainIds[k] = names.idOf(namer.name(chain.frame(i)));
        }
        add(chainIds, depth, stackValue);
    }

    /** Every stack of {@code tree} with a self value, so a tree built elsewhere draws the same way. */
    public static FlameStacks ofTree(CallTree tree) {
        FlameStacks stacks = new FlameStacks(tree.weight(), new FrameNames());
        int[][] ids = {new int[16]};
        tree.forEachStack((path, value) -> {
            if (ids[0].length < path.size()) {
                ids[0] = new int[path.size() * 2];
            }
            for (int k = 0; k < path.size(); k++) {
                ids[0][k] = stacks.names.idOf(path.get(k));
            }
            stacks.add(ids[0], path.size(), value);
        });
        return stacks;
    }

    /**
     * Adds the stack {@code ids[0, depth)}; a value of 0 adds nothing.
     *
     * @throws ArithmeticException when the total would overflow (nothing is added then)
     */
    public void add(int[] ids, int depth, long stackValue) {
        if (namesByRank != null) {
            throw new IllegalStateException("stacks already merged");
        }
        if (stackValue < 0) {
            throw new IllegalArgumentException("negative stack value " + stackValue);
        }
        total = Math.addExact(total, stackValue);
        if (stackValue == 0) {
            return;
        }
        if (count >= maxStacks) {
            if (overLimitStack < 0) {
                overLimitStack = count;
                append(new int[] {names.idOf(CallTree.OVER_LIMIT)}, 1, stackValue);
            } else {
                value[overLimitStack] += stackValue;
            }
            return;
        }
        append(ids, depth, stackValue);
    }

    private void append(int[] ids, int depth, long stackValue) {
        if (count == start.length) {
            start = Arrays.copyOf(start, count * 2);
            value = Arrays.copyOf(value, count * 2);
        }
        while (frameCount + depth > frames.length) {
            frames = Arrays.copyOf(frames, frames.length * 2);
        }
        System.arraycopy(ids, 0, frames, frameCount, depth);
        start[count] = frameCount;
        value[count++] = stackValue;
        frameCount += depth;
    }

    public Weight weight() {
        return weight;
    }

    public FrameNames names() {
        return names;
    }

    /** Stacks added with a value above 0. */
    public int size() {
        return count;
    }

    public long totalValue() {
        return total;
    }

    int depth(int stack) {
        return (stack + 1 < count ? start[stack + 1] : frameCount) - start[stack];
    }

    int frame(int stack, int level) {
        return frames[start[stack] + level];
    }

    long value(int stack) {
        return value[stack];
    }

    /**
     * The names in {@link String#compareTo} order; from the first call on, frames hold these ranks
     * instead of {@link FrameNames} ids, so sorting compares ints and never a string.
     */
    String[] rankFrames() {
        if (namesByRank == null) {
            int[] rank = names.ranks();
            namesByRank = new String[rank.length];
            for (int id = 0; id < rank.length; id++) {
                namesByRank[rank[id]] = names.name(id);
            }
            for (int i = 0; i < frameCount; i++) {
                frames[i] = rank[frames[i]];
            }
        }
        return namesByRank;
    }

    /**
     * Stack order by frames compared one by one through their ranks; on a common prefix the longer
     * stack comes first, so a frame's own value lies right of its children, where HeapScope has always
     * drawn it (flamegraph.pl puts it on the left).
     */
    int compare(int a, int b) {
        int fromA = start[a];
        int fromB = start[b];
        int depthA = depth(a);
        int depthB = depth(b);
        int common = Math.min(depthA, depthB);
        for (int k = 0; k < common; k++) {
            int diff = Integer.compare(frames[fromA + k], frames[fromB + k]);
            if (diff != 0) {
                return diff;
            }
        }
        return Integer.compare(depthB, depthA);
    }
}
