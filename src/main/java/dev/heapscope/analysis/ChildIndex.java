package dev.heapscope.analysis;

import java.util.Arrays;

/**
 * Open-addressing map from (parent node, name id) to child node, so a tree of a million nodes needs
 * no boxed keys. Ids are non-negative ints; -1 marks an empty slot.
 */
final class ChildIndex {
    private long[] keys;
    private int[] values;
    private int size;

    ChildIndex(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
        keys = new long[capacity];
        values = new int[capacity];
        Arrays.fill(values, -1);
    }

    int get(int parent, int nameId) {
        long key = key(parent, nameId);
        int mask = keys.length - 1;
        for (int slot = slot(key, mask); ; slot = (slot + 1) & mask) {
            if (values[slot] < 0) {
                return -1;
            }
            if (keys[slot] == key) {
                return values[slot];
            }
        }
    }

    void put(int parent, int nameId, int child) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        insert(key(parent, nameId), child);
        size++;
    }

    private void insert(long key, int value) {
        int mask = keys.length - 1;
        int slot = slot(key, mask);
        while (values[slot] >= 0) {
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        values[slot] = value;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldValues.length * 2];
        Arrays.fill(values, -1);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] >= 0) {
                insert(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static long key(int parent, int nameId) {
        return ((long) parent << 32) | (nameId & 0xFFFF_FFFFL);
    }

    private static int slot(long key, int mask) {
        long mixed = key * 0x9E37_79B9_7F4A_7C15L;
        return (int) (mixed >>> 33) & mask;
    }
}
