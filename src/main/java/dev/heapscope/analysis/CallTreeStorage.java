package dev.heapscope.analysis;

import dev.heapscope.model.CallChain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The growing arrays behind {@link CallTree.Builder}: nodes as ints, names interned. */
abstract class CallTreeStorage {
    final Weight weight;
    final List<String> names = new ArrayList<>();
    private final Map<String, Integer> nameIds = new HashMap<>();
    private final ChildIndex childIndex = new ChildIndex(1024);
    int nodeCount;
    int[] nameOf = new int[1024];
    int[] parentOf = new int[1024];
    int[] depthOf = new int[1024];
    long[] totalOf = new long[1024];
    long[] selfOf = new long[1024];

    CallTreeStorage(Weight weight) {
        this.weight = weight == null ? Weight.BYTES : weight;
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

    /** The child of {@code parent} called {@code name} (already sanitized), created when missing. */
    final int childNamed(int parent, String name) {
        int nameId = nameId(name);
        int child = childIndex.get(parent, nameId);
        if (child < 0) {
            child = newNode(parent, nameId);
            childIndex.put(parent, nameId, child);
        }
        return child;
    }

    /** The node where the stack of {@code chain} ends, walking from its outermost frame. */
    final int leafFor(CallChain chain, FrameNamer namer) {
        if (chain.isEmpty()) {
            return childNamed(0, CallTree.NO_CALLER);
        }
        int node = 0;
        for (int i = chain.depth() - 1; i >= 0; i--) {
            node = childNamed(node, namer.name(chain.frame(i)));
        }
        return node;
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
