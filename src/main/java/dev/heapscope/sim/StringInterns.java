package dev.heapscope.sim;

import org.luaj.vm2.LuaString;

/**
 * The board's short-string table, as Lua 5.3's {@code strt}: finds the tracked string with the same bytes,
 * whichever Java object LuaJ made for them. Open addressing on LuaJ's cached content hash; each bucket
 * holds the hash and the slot together, so a probe touches the string only when the hashes match.
 * Backward-shift deletion, no tombstones. Board thread only.
 */
final class StringInterns {
    private final LuaObjects objects;
    private long[] buckets = new long[1024]; // hash << 32 | (slot + 1); 0 = empty
    private int count;

    StringInterns(LuaObjects objects) {
        this.objects = objects;
    }

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

    /** The slot of the tracked string with {@code string}'s bytes, or -1. */
    int find(LuaString string) {
        int hash = string.hashCode();
        int mask = buckets.length - 1;
        for (int i = home(hash, mask); buckets[i] != 0; i = (i + 1) & mask) {
            long entry = buckets[i];
            if (hashOf(entry) == hash) {
                Object held = objects.objectAt(slotOf(entry));
                if (held == string || ((LuaString) held).raweq(string)) {
                    return slotOf(entry);
                }
            }
        }
        return -1;
    }

    void add(int slot, LuaString string) {
        if ((count + 1) * 2 > buckets.length) {
            long[] old = buckets;
            buckets = new long[old.length * 2];
            for (long entry : old) {
                if (entry != 0) {
                    insert(entry);
                }
            }
        }
        insert(entry(string.hashCode(), slot));
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

    /** Removes {@code slot}, whose string's hash is {@code hash} (so the dead string need not be touched). */
    void remove(int slot, int hash) {
        long wanted = entry(hash, slot);
        int mask = buckets.length - 1;
        int i = home(hashOf(wanted), mask);
        while (buckets[i] != 0 && buckets[i] != wanted) {
            i = (i + 1) & mask;
        }
        if (buckets[i] == 0) {
            return;
        }
        buckets[i] = 0;
        count--;
        for (int j = (i + 1) & mask; buckets[j] != 0; j = (j + 1) & mask) {
            int home = home(hashOf(buckets[j]), mask);
            boolean movable = i <= j ? (home <= i || home > j) : (home <= i && home > j);
            if (movable) {
                buckets[i] = buckets[j];
                buckets[j] = 0;
                i = j;
            }
        }
    }
}
