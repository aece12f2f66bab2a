package dev.heapscope.parse;

import java.util.HashMap;
import java.util.Map;

/**
 * The addresses of a dump's live records, kept to find the ones listed twice, in memory that follows the
 * span of the heap rather than the number of records: one bit per 4-byte word in 8 KiB pages, created
 * where blocks lie (a board's heap spans a few MiB, so a few hundred KiB at most). Heap blocks are
 * word-aligned; the rare address that is not is kept in a map of its own. Gives what sorting all the
 * addresses gave: how many are a repeat of an earlier one, and the lowest address repeated.
 */
final class LiveAddresses {
    private static final int PAGE_BITS = 16; // words per page: 2^16 bits = 8 KiB

    private final Map<Integer, long[]> pages = new HashMap<>();
    private final Map<Integer, Boolean> unaligned = new HashMap<>();
    private int lastPageKey = -1;
    private long[] lastPage;
    private int duplicates;
    private long lowestDuplicate = Long.MAX_VALUE;

    void add(int address) {
        boolean seen;
        if ((address & 3) != 0) {
            seen = unaligned.put(address, Boolean.TRUE) != null;
        } else {
            int word = address >>> 2;
            int key = word >>> PAGE_BITS;
            long[] page = key == lastPageKey ? lastPage : pages.computeIfAbsent(key, k -> new long[1 << (PAGE_BITS - 6)]);
            lastPageKey = key;
            lastPage = page;
            int bit = word & ((1 << PAGE_BITS) - 1);
            long mask = 1L << bit;
            seen = (page[bit >>> 6] & mask) != 0;
            page[bit >>> 6] |= mask;
        }
        if (seen) {
            duplicates++;
            lowestDuplicate = Math.min(lowestDuplicate, address); // signed, as the sort this replaces ordered them
        }
    }

    /** Live records whose address an earlier live record already had. */
    int duplicates() {
        return duplicates;
    }

    /** The lowest address (as a signed int) listed more than once; meaningful when {@link #duplicates()} is above 0. */
    int lowestDuplicate() {
        return (int) lowestDuplicate;
    }
}
