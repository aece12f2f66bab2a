package dev.heapscope.sim;

import dev.heapscope.model.CallChain;
import dev.heapscope.model.Record;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The trace records in insertion order (IDF keeps a TAILQ), with an index from address to the
 * newest record of that address, which is the one IDF's reverse search finds. Add, drop-oldest,
 * find and remove are O(1) (a chain of older records of the same address is walked only when a
 * record that is not the newest of its address goes).
 */
final class TraceBuffer {
    private static final class Entry {
        Record record;
        Entry previous;
        Entry next;
        Entry olderSameAddress;

        Entry(Record record) {
            this.record = record;
        }
    }

    private final Map<Integer, Entry> newestByAddress = new HashMap<>();
    private Entry oldest;
    private Entry newest;
    private int count;

    int count() {
        return count;
    }

    void clear() {
        newestByAddress.clear();
        oldest = null;
        newest = null;
        count = 0;
    }

    void add(Record record) {
        Entry entry = new Entry(record);
        entry.olderSameAddress = newestByAddress.put(record.address(), entry);
        entry.previous = newest;
        if (newest == null) {
            oldest = entry;
        } else {
            newest.next = entry;
        }
        newest = entry;
        count++;
    }

    void removeOldest() {
        if (oldest != null) {
            unlink(oldest);
        }
    }

    /** Removes the newest record of {@code address}; false when there is none. */
    boolean removeNewest(int address) {
        Entry entry = newestByAddress.get(address);
        if (entry == null) {
            return false;
        }
        unlink(entry);
        return true;
    }

    /** Marks the newest record of {@code address} as freed by {@code chain}; false when there is none. */
    boolean markFreed(int address, CallChain chain) {
        Entry entry = newestByAddress.get(address);
        if (entry == null) {
            return false;
        }
        entry.record = entry.record.withFreedBy(chain);
        return true;
    }

    List<Record> records() {
        List<Record> records = new ArrayList<>(count);
        for (Entry entry = oldest; entry != null; entry = entry.next) {
            records.add(entry.record);
        }
        return records;
    }

    private void unlink(Entry entry) {
        if (entry.previous == null) {
            oldest = entry.next;
        } else {
            entry.previous.next = entry.next;
        }
        if (entry.next == null) {
            newest = entry.previous;
        } else {
            entry.next.previous = entry.previous;
        }
        int address = entry.record.address();
        Entry newestOfAddress = newestByAddress.get(address);
        if (newestOfAddress == entry) {
            if (entry.olderSameAddress == null) {
                newestByAddress.remove(address);
            } else {
                newestByAddress.put(address, entry.olderSameAddress);
            }
        } else {
            Entry younger = newestOfAddress;
            while (younger.olderSameAddress != entry) {
                younger = younger.olderSameAddress;
            }
            younger.olderSameAddress = entry.olderSameAddress;
        }
        count--;
    }
}
