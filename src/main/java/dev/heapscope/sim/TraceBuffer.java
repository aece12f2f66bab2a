package dev.heapscope.sim;

import dev.heapscope.model.CallChain;
import dev.heapscope.model.Record;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The trace records in insertion order (IDF keeps a TAILQ), each in a slot of the record buffer, with
 * the records of each address in insertion order too. Which record a free matches depends on the IDF
 * generation: v4.4 searches newest first, v5.x oldest first ({@code TAILQ_FOREACH} from the head; see
 * FIRMWARE-FACTS.md §A1). Removal only ever takes the first or last record of an address (the global
 * oldest is its address's oldest), so every operation is O(1). Slots are handed out as IDF 5.1 does:
 * fresh ones in order after {@code start}, a removed record's slot first ({@code TAILQ_INSERT_HEAD} on
 * the unused list).
 */
final class TraceBuffer {
    /** One record in the buffer, and where in the buffer it lives. */
    static final class Entry {
        Record record;
        final int slot;
        Entry previous;
        Entry next;

        Entry(Record record, int slot) {
            this.record = record;
            this.slot = slot;
        }
    }

    private final Map<Integer, ArrayDeque<Entry>> byAddress = new HashMap<>();
    private final ArrayDeque<Integer> freedSlots = new ArrayDeque<>();
    private final boolean oldestFirst;
    private Entry oldest;
    private Entry newest;
    private int count;
    private int freshSlot;

    /** @param oldestFirst a free matches the oldest record of its address (IDF 5.x), else the newest (4.4) */
    TraceBuffer(boolean oldestFirst) {
        this.oldestFirst = oldestFirst;
    }

    int count() {
        return count;
    }

    /** {@code start}: an empty list, every slot unused again. */
    void clear() {
        byAddress.clear();
        freedSlots.clear();
        oldest = null;
        newest = null;
        count = 0;
        freshSlot = 0;
    }

    void add(Record record) {
        int slot = freedSlots.isEmpty() ? freshSlot++ : freedSlots.pop();
        Entry entry = new Entry(record, slot);
        byAddress.computeIfAbsent(record.address(), a -> new ArrayDeque<>()).addLast(entry);
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
            int address = oldest.record.address();
            ArrayDeque<Entry> same = byAddress.get(address);
            same.pollFirst();
            if (same.isEmpty()) {
                byAddress.remove(address);
            }
            unlink(oldest);
        }
    }

    /** LEAKS mode: removes the record a free of {@code address} matches; false when there is none. */
    boolean removeMatching(int address) {
        ArrayDeque<Entry> same = byAddress.get(address);
        if (same == null || same.isEmpty()) {
            return false;
        }
        unlink(oldestFirst ? same.pollFirst() : same.pollLast());
        if (same.isEmpty()) {
            byAddress.remove(address);
        }
        return true;
    }

    /**
     * ALL mode: marks the record a free of {@code address} matches as freed by {@code chain}, even one freed
     * before (IDF 5.x then overwrites its freeing chain and the newer record stays alive); false when none.
     */
    boolean markFreed(int address, CallChain chain) {
        ArrayDeque<Entry> same = byAddress.get(address);
        if (same == null || same.isEmpty()) {
            return false;
        }
        Entry entry = oldestFirst ? same.peekFirst() : same.peekLast();
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

    /** The records with their slots, oldest first (what a list walk in the buffer visits). */
    List<Entry> entries() {
        List<Entry> entries = new ArrayList<>(count);
        for (Entry entry = oldest; entry != null; entry = entry.next) {
            entries.add(entry);
        }
        return entries;
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
        freedSlots.push(entry.slot);
        count--;
    }
}
