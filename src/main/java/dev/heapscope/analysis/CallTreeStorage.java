package dev.heapscope.analysis;

import dev.heapscope.model.CallChain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The growing arrays behind {@link CallTree.Builder}: nodes as ints, names interned. The nodes are capped
 * ({@link #MAX_NODES}): a stack that would need nodes past the cap is counted whole under one
 * {@link CallTree#OVER_LIMIT} frame below the root, so a hostile input of millions of distinct frames (100
 * chains of 90,000 frames each) keeps the memory of the cap, and every stack that fits keeps its exact place.
 */
abstract class CallTreeStorage {
    /** Nodes a tree holds: a 100,000-stack flame graph of real depth needs under 1.5 million. */
    static final int MAX_NODES = Integer.getInteger("heapscope.maxTreeNodes", 2_000_000);

    final Weight weight;
    private final int maxNodes;
    private int overLimitNode = -1;
    long stacksOverLimit;
    final List<String> names = new ArrayList<>();
    private final Map<String, Integer> nameIds = new HashMap<>();
    private final ChildIndex childIndex = new ChildIndex(1024);
    int nodeCount;
    int[] nameOf = new int[1024];
    int[] parentOf = new int[1024];
    int[] depthOf = new int[1024];
    long[] totalOf = new long[1024];
    long[] selfOf = new long[1024];

    CallTreeStorage(Weight weight, int maxNodes) {
        this.weight = weight == null ? Weight.BYTES : weight;
        this.maxNodes = Math.max(2, maxNodes);
        newNode(-1, nameId(CallTree.ROOT_NAME));
    }

    final int nameId(String name) {
        Integer known = nameIds.get(name);
        if (known != null) {
            return known;
        }
        int id = names.size();
        names.add(name);
        nameIds.put(name, id);
        return id;
    }

    /** Adds {@code value} of {@code stacks} stacks counted past a cap elsewhere (a tally's) under the over-limit frame. */
    final void addOverLimit(long value, long stacks) {
        if (value <= 0) {
            return;
        }
        stacksOverLimit += stacks;
        if (overLimitNode < 0) {
            overLimitNode = newNode(0, nameId(CallTree.OVER_LIMIT));
        }
        addAt(overLimitNode, value);
    }

    final boolean isOverLimit(int node) {
        return node == overLimitNode;
    }

    /**
     * The node where the stack of {@code chain} ends, walking from its outermost frame; the
     * {@link CallTree#OVER_LIMIT} node when its new frames do not fit under the cap.
     */
    final int leafFor(CallChain chain, FrameNamer namer) {
        if (chain.isEmpty()) {
            return childOrOverLimit(0, CallTree.NO_CALLER, 1);
        }
        int node = 0;
        for (int i = chain.depth() - 1; i >= 0 && node != overLimitNode; i--) {
            node = childOrOverLimit(node, namer.name(chain.frame(i)), i + 1);
        }
        return node;
    }

    /**
     * The child called {@code name}, created when missing and the {@code levelsLeft} frames from it down fit
     * under the cap; else the over-limit node (checked at the first missing frame: all below it are new too).
     */
    final int childOrOverLimit(int parent, String name, int levelsLeft) {
        int nameId = nameId(name);
        int child = childIndex.get(parent, nameId);
        if (child >= 0) {
            return child;
        }
        if (nodeCount + (long) levelsLeft > maxNodes - 1) {
            stacksOverLimit++;
            if (overLimitNode < 0) {
                overLimitNode = newNode(0, nameId(CallTree.OVER_LIMIT));
            }
            return overLimitNode;
        }
        child = newNode(parent, nameId);
        childIndex.put(parent, nameId, child);
        return child;
    }

    /** Adds a stack's value at its last node and to every node above it; values of 0 or less add nothing. */
    final void addAt(int leaf, long value) {
        if (value <= 0) {
            return;
        }
        selfOf[leaf] += value;
        for (int node = leaf; node >= 0; node = parentOf[node]) {
            totalOf[node] += value;
        }
    }

    private int newNode(int parent, int nameId) {
        if (nodeCount == nameOf.length) {
            int capacity = nodeCount * 2;
            nameOf = Arrays.copyOf(nameOf, capacity);
            parentOf = Arrays.copyOf(parentOf, capacity);
            depthOf = Arrays.copyOf(depthOf, capacity);
            totalOf = Arrays.copyOf(totalOf, capacity);
            selfOf = Arrays.copyOf(selfOf, capacity);
        }
        int node = nodeCount++;
        nameOf[node] = nameId;
        parentOf[node] = parent;
        depthOf[node] = parent < 0 ? 0 : depthOf[parent] + 1;
        return node;
    }
}
