package dev.heapscope.sim;

import org.luaj.vm2.LuaString;

/**
 * Slots of {@link LuaObjects} found by a hash: by identity hash for objects that cannot carry their slot
 * (long strings), by content hash for interned short strings. Open addressing, each bucket holding hash
 * and slot together ({@code hash << 32 | slot + 1}; 0 is empty), so a probe touches an object only when the
 * hashes match. Linear probing with backward-shift deletion: no tombstones. Its order is never observed,
 * so identity hashes cannot make one run differ from another. Board thread only.
 */
final class SlotTable {
    private long[] buckets = new long[1024];
    private int count;

    private static int home(int hash, int mask) {
        hash ^= hash >>> 16;
        hash *= 0x85ebca6b;
        return (hash ^ (hash >>> 13)) & mask;
    }

    private static long entry(int hash, int slot) {
        return (long) hash << 32 | (slot + 1L);
    }

    private static int hashOf(long entry) {
        return (int) (entry >>> 32);
    }

    private static int slotOf(long entry) {
        return (int) entry - 1;
    }

    /**
     * The slot holding {@code wanted} (in {@code objects}, indexed by slot), or -1; {@code equalBytes} also
     * accepts another string with the same bytes (interning).
     */
    int find(int hash, Object wanted, Object[] objects, boolean equalBytes) {
        int mask = buckets.length - 1;
        for (int i = home(hash, mask); buckets[i] != 0; i = (i + 1) & mask) {
            long entry = buckets[i];
            if (hashOf(entry) == hash) {
                Object held = objects[slotOf(entry)];
                if (held == wanted || equalBytes && ((LuaString) held).raweq((LuaString) wanted)) {
                    return slotOf(entry);
                }
            }
        }
        return -1;
    }

    void add(int hash, int slot) {
        if ((count + 1) * 2 > buckets.length) {
            long[] old = buckets;
            buckets = new long[old.length * 2];
            for (long entry : old) {
                if (entry != 0) {
                    insert(entry);
                }
            }
        }
        insert(entry(hash, slot));
        count++;
    }

    private void insert(long entry) {
        int mask = buckets.length - 1;
        int i = home(hashOf(entry), mask);
        while (buckets[i] != 0) {
            i = (i + 1) & mask;
        }
        buckets[i] = entry;
    }

    void remove(int hash, int slot) {
        long wanted = entry(hash, slot);
        int mask = buckets.length - 1;
        int i = home(hash, mask);
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
            int wantedHome = home(hashOf(buckets[j]), mask);
            boolean movable = i <= j ? (wantedHome <= i || wantedHome > j) : (wantedHome <= i && wantedHome > j);
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
