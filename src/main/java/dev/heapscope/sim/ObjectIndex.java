package dev.heapscope.sim;

/**
 * Finds the slot of a tracked object by identity: open addressing over slot numbers, keyed by the
 * object's identity hash; a candidate matches when its slot holds that very object. Each bucket holds
 * identity hash and slot together (one memory access per probe, also for the home bucket during
 * deletion). Linear probing with backward-shift deletion, so no tombstones. Only lookups use it: its
 * order is never observed, so identity hashes cannot make a run differ from another.
 */
final class ObjectIndex {
    private long[] buckets = new long[1024]; // identity << 32 | (slot + 1); 0 = empty
    private int count;

    private final LuaObjects slots;

    ObjectIndex(LuaObjects slots) {
        this.slots = slots;
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        return h ^ (h >>> 13);
    }

    private static long entry(int slot, int identity) {
        return (long) identity << 32 | (slot + 1L);
    }

    private static int identity(long entry) {
        return (int) (entry >>> 32);
    }

    private static int slot(long entry) {
        return (int) entry - 1;
    }

    void add(int slot, Object object) {
        int identity = System.identityHashCode(object);
        if ((count + 1) * 2 > buckets.length) {
            grow();
        }
        insert(buckets, entry(slot, identity));
        count++;
    }

    private static void insert(long[] into, long entry) {
        int mask = into.length - 1;
        int i = mix(identity(entry)) & mask;
        while (into[i] != 0) {
            i = (i + 1) & mask;
        }
        into[i] = entry;
    }

    private void grow() {
        long[] bigger = new long[buckets.length * 2];
        for (long entry : buckets) {
            if (entry != 0) {
                insert(bigger, entry);
            }
        }
        buckets = bigger;
    }

    int find(Object object) {
        int mask = buckets.length - 1;
        int identity = System.identityHashCode(object);
        for (int i = mix(identity) & mask; buckets[i] != 0; i = (i + 1) & mask) {
            long entry = buckets[i];
            if (identity(entry) == identity && slots.objectAt(slot(entry)) == object) {
                return slot(entry);
            }
        }
        return -1;
    }

    void remove(int slot, Object object) {
        int identity = System.identityHashCode(object);
        long wanted = entry(slot, identity);
        int mask = buckets.length - 1;
        int i = mix(identity) & mask;
        while (buckets[i] != 0 && buckets[i] != wanted) {
            i = (i + 1) & mask;
        }
        if (buckets[i] == 0) {
            return;
        }
        buckets[i] = 0;
        count--;
        // shift later entries of the run back so every entry stays reachable from its home bucket
        for (int j = (i + 1) & mask; buckets[j] != 0; j = (j + 1) & mask) {
            int home = mix(identity(buckets[j])) & mask;
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
