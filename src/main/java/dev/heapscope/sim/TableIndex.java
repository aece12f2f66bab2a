package dev.heapscope.sim;

/**
 * Finds the tracked slot of a table without holding it strongly: open addressing over slot numbers,
 * keyed by the table's identity hash; a candidate matches when its weak reference still refers to the
 * table. Linear probing with backward-shift deletion, so removal needs no tombstones.
 */
final class TableIndex {
    private int[] buckets = new int[1024]; // slot + 1; 0 = empty
    private int count;

    interface Slots {
        int identityOf(int slot);

        boolean holds(int slot, Object table);
    }

    private final Slots slots;

    TableIndex(Slots slots) {
        this.slots = slots;
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        return h ^ (h >>> 13);
    }

    void add(int slot, int identity) {
        if ((count + 1) * 2 > buckets.length) {
            grow();
        }
        insert(buckets, slot, identity);
        count++;
    }

    private void insert(int[] into, int slot, int identity) {
        int mask = into.length - 1;
        int i = mix(identity) & mask;
        while (into[i] != 0) {
            i = (i + 1) & mask;
        }
        into[i] = slot + 1;
    }

    private void grow() {
        int[] bigger = new int[buckets.length * 2];
        for (int entry : buckets) {
            if (entry != 0) {
                insert(bigger, entry - 1, slots.identityOf(entry - 1));
            }
        }
        buckets = bigger;
    }

    int find(Object table) {
        int mask = buckets.length - 1;
        int identity = System.identityHashCode(table);
        for (int i = mix(identity) & mask; buckets[i] != 0; i = (i + 1) & mask) {
            int slot = buckets[i] - 1;
            if (slots.identityOf(slot) == identity && slots.holds(slot, table)) {
                return slot;
            }
        }
        return -1;
    }

    void remove(int slot, int identity) {
        int mask = buckets.length - 1;
        int i = mix(identity) & mask;
        while (buckets[i] != 0 && buckets[i] != slot + 1) {
            i = (i + 1) & mask;
        }
        if (buckets[i] == 0) {
            return;
        }
        buckets[i] = 0;
        count--;
        // shift later entries of the run back so every entry stays reachable from its home bucket
        for (int j = (i + 1) & mask; buckets[j] != 0; j = (j + 1) & mask) {
            int home = mix(slots.identityOf(buckets[j] - 1)) & mask;
            boolean movable = i <= j ? (home <= i || home > j) : (home <= i && home > j);
            if (movable) {
                buckets[i] = buckets[j];
                buckets[j] = 0;
                i = j;
            }
        }
    }

    int size() {
        return count;
    }
}
