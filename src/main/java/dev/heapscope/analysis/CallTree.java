package dev.heapscope.analysis;

import dev.heapscope.model.CallChain;
import dev.heapscope.model.Record;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A frame tree for flame graphs: the root's children are outermost frames, each path down ends at
 * the innermost frame (the allocator's caller), so a record's chain is walked in reverse. Every
 * node has a {@link #total(int)} (its value and its descendants') and a {@link #self(int)} (value of
 * stacks ending exactly there). Stacks with no frames hang under one {@value #NO_CALLER} frame.
 *
 * <p>Nodes are int ids (root is 0) into parallel arrays and names are interned, so a million nodes
 * cost a few tens of megabytes. Children are sorted by name for a stable layout. Immutable once
 * built; any thread may read it.
 */
public final class CallTree {
    /** The root's name; the root is not a frame. */
    public static final String ROOT_NAME = "all";
    /** The frame under which records without a caller chain are counted. */
    public static final String NO_CALLER = "[no caller]";
    /** The frame under which stacks are counted whole past a cap (the tree's nodes, a tally's chains). */
    public static final String OVER_LIMIT = "[stacks past the limit, merged]";

    /** Receives one stack; {@code outermostFirst} is only valid during the call. */
    @FunctionalInterface
    public interface StackVisitor {
        void visit(List<String> outermostFirst, long value);
    }

    private final Weight weight;
    private final String[] names;
    private final int nodeCount;
    private final int[] nameOf;
    private final int[] parentOf;
    private final int[] depthOf;
    private final long[] totalOf;
    private final long[] selfOf;
    private final int[] childStart;
    private final int[] childList;
    private final long stacksOverLimit;

    private CallTree(Builder b) {
        weight = b.weight;
        stacksOverLimit = b.stacksOverLimit;
        names = b.names.toArray(new String[0]);
        nodeCount = b.nodeCount;
        nameOf = Arrays.copyOf(b.nameOf, nodeCount);
        parentOf = Arrays.copyOf(b.parentOf, nodeCount);
        depthOf = Arrays.copyOf(b.depthOf, nodeCount);
        totalOf = Arrays.copyOf(b.totalOf, nodeCount);
        selfOf = Arrays.copyOf(b.selfOf, nodeCount);
        childStart = new int[nodeCount + 1];
        childList = new int[Math.max(0, nodeCount - 1)];
        indexChildren();
    }

    /**
     * The tree of {@code records} (all of them: pass {@code dump.liveRecords()} for a leak view).
     * Records worth 0 (empty allocations by bytes) add no node, as they would not survive a folded
     * export.
     */
    public static CallTree of(Iterable<Record> records, Weight weight, FrameNamer namer) {
        Builder builder = new Builder(weight);
        Map<CallChain, Integer> leafOfChain = new HashMap<>();
        for (Record record : records) {
            long value = weight.of(record);
            if (value <= 0) {
                continue;
            }
            int leaf = leafOfChain.computeIfAbsent(record.caller(), chain -> builder.leafFor(chain, namer));
            builder.addAt(leaf, value);
        }
        return builder.build();
    }

    /** Sorts each node's children by name into one flat array (compressed rows). */
    private void indexChildren() {
        for (int node = 1; node < nodeCount; node++) {
            childStart[parentOf[node] + 1]++;
        }
        for (int node = 0; node < nodeCount; node++) {
            childStart[node + 1] += childStart[node];
        }
        int[] nameRank = rankNames();
        long[] keyed = new long[childList.length];
        int[] fill = Arrays.copyOf(childStart, nodeCount);
        for (int node = 1; node < nodeCount; node++) {
            keyed[fill[parentOf[node]]++] = ((long) nameRank[nameOf[node]] << 32) | node;
        }
        for (int node = 0; node < nodeCount; node++) {
            Arrays.sort(keyed, childStart[node], childStart[node + 1]);
        }
        for (int i = 0; i < keyed.length; i++) {
            childList[i] = (int) keyed[i];
        }
    }

    private int[] rankNames() {
        Integer[] order = new Integer[names.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> names[a].compareTo(names[b]));
        int[] rank = new int[names.length];
        for (int i = 0; i < order.length; i++) {
            rank[order[i]] = i;
        }
        return rank;
    }

    public Weight weight() {
        return weight;
    }

    /** Stacks counted under {@link #OVER_LIMIT} because their frames did not fit under the node cap. */
    public long stacksOverLimit() {
        return stacksOverLimit;
    }

    public int root() {
        return 0;
    }

    public int nodeCount() {
        return nodeCount;
    }

    /** The root's total: the sum of every stack's value. */
    public long totalValue() {
        return totalOf[0];
    }

    public String name(int node) {
        return names[nameOf[node]];
    }

    public long total(int node) {
        return totalOf[node];
    }

    public long self(int node) {
        return selfOf[node];
    }

    /** -1 for the root. */
    public int parent(int node) {
        return parentOf[node];
    }

    /** 0 for the root, 1 for outermost frames. */
    public int depth(int node) {
        return depthOf[node];
    }

    public int childCount(int node) {
        return childStart[node + 1] - childStart[node];
    }

    /** The {@code index}-th child in name order. */
    public int child(int node, int index) {
        if (index < 0 || index >= childCount(node)) {
            throw new IndexOutOfBoundsException(index);
        }
        return childList[childStart[node] + index];
    }

    /** The children of {@code node} sorted by name (a copy). */
    public int[] children(int node) {
        return Arrays.copyOfRange(childList, childStart[node], childStart[node + 1]);
    }

    /** The frame names from the outermost down to {@code node} (empty for the root). */
    public List<String> path(int node) {
        String[] path = new String[depthOf[node]];
        for (int n = node; n > 0; n = parentOf[n]) {
            path[depthOf[n] - 1] = name(n);
        }
        return List.of(path);
    }

    /** The node at this path of frame names from the outermost, or -1 when there is none. */
    public int find(List<String> outermostFirst) {
        int node = 0;
        for (String frame : outermostFirst) {
            int found = -1;
            for (int i = childStart[node]; i < childStart[node + 1] && found < 0; i++) {
                if (name(childList[i]).equals(frame)) {
                    found = childList[i];
                }
            }
            if (found < 0) {
                return -1;
            }
            node = found;
        }
        return node;
    }

    /**
     * Visits every stack with a self value above zero, depth first with children in name order, so
     * the same tree always gives the same sequence (what a folded-stacks writer needs).
     */
    public void forEachStack(StackVisitor visitor) {
        String[] path = new String[Arrays.stream(depthOf, 0, nodeCount).max().orElse(0)];
        List<String> view = Arrays.asList(path);
        Deque<Integer> pending = new ArrayDeque<>();
        pending.push(0);
        while (!pending.isEmpty()) {
            int node = pending.pop();
            if (node != 0) {
                path[depthOf[node] - 1] = name(node);
                if (selfOf[node] > 0) {
                    visitor.visit(Collections.unmodifiableList(view.subList(0, depthOf[node])), selfOf[node]);
                }
            }
            for (int i = childStart[node + 1] - 1; i >= childStart[node]; i--) {
                pending.push(childList[i]);
            }
        }
    }

    /** Same weight and the same named paths with the same totals and self values; ids may differ. */
    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof CallTree tree && tree.weight == weight && tree.nodeCount == nodeCount
                && tree.totalValue() == totalValue() && CallTreeEquality.sameNodes(this, tree);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(totalValue()) * 31 + nodeCount * 7 + weight.hashCode();
    }

    @Override
    public String toString() {
        return "CallTree[" + weight + ", " + nodeCount + " nodes, total " + totalValue() + "]";
    }

    /** Collects stacks into a {@link CallTree}. Not thread-safe; use once. */
    public static final class Builder extends CallTreeStorage {

        public Builder(Weight weight) {
            super(weight, MAX_NODES);
        }

        /** With a node cap of its own (tests: the cap's behaviour on a small tree). */
        Builder(Weight weight, int maxNodes) {
            super(weight, maxNodes);
        }

        /**
         * Adds {@code value} to the stack named {@code outermostFirst}. Names are
         * {@linkplain FrameNamer#sanitize(String) sanitized}; an empty stack counts under
         * {@value CallTree#NO_CALLER}; a value of 0 adds nothing.
         *
         * @throws IllegalArgumentException for a negative value
         * @throws ArithmeticException when the tree's total would overflow (nothing is added then)
         */
        public Builder addStack(List<String> outermostFirst, long value) {
            if (value < 0) {
                throw new IllegalArgumentException("negative stack value " + value);
            }
            Math.addExact(totalOf[0], value);
            if (value == 0) {
                return this;
            }
            int node = 0;
            if (outermostFirst.isEmpty()) {
                node = childOrOverLimit(0, NO_CALLER, 1);
            }
            int levelsLeft = outermostFirst.size();
            for (String frame : outermostFirst) {
                node = childOrOverLimit(node, FrameNamer.sanitize(frame), levelsLeft--);
                if (isOverLimit(node)) {
                    break;
                }
            }
            addAt(node, value);
            return this;
        }

        public CallTree build() {
            return new CallTree(this);
        }
    }
}
