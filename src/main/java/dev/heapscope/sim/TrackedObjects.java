package dev.heapscope.sim;

import java.lang.ref.WeakReference;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The Lua objects that hold simulated heap blocks: one weak reference per object in parallel slot
 * arrays with a free list (O(1) add and remove). A block is freed once the JVM has cleared its
 * reference. The JVM clears references only when it collects, so the slots tracked since the last
 * look are swept when a sentinel reference shows that a collection happened ({@link #sweepYoung}: the
 * young collections the allocation churn causes play the part of Lua's incremental steps), older slots
 * a few at a time ({@link #sweepSome}), and all after {@code System.gc()} ({@link #sweepAll},
 * deterministic). Tables enter the identity index (for growth) only when they survive a sweep or a
 * growth lookup misses the latest ones, so tables that die young never cost an index entry. No
 * reference queue: enqueuing costs more than it saves. Board thread only.
 */
final class TrackedObjects implements TableIndex.Slots {
    static final byte TABLE = 1;
    static final byte STRING = 2;
    static final byte CLOSURE = 3;
    static final byte USERDATA = 4;
    static final byte THREAD = 5;

    private static final int RECENT_SCAN = 64;

    private static final class SlotRef extends WeakReference<Object> {
        SlotRef(Object referent) {
            super(referent);
        }
    }

    /** Receives each block whose object died. */
    interface FreeSink {
        void free(int address, int sizeBytes);
    }

    private final TableIndex tables = new TableIndex(this);
    private final Map<Integer, Runnable> onFree = new HashMap<>();
    private SlotRef[] refs = new SlotRef[4096];
    private int[] address = new int[4096];
    private int[] sizeBytes = new int[4096];
    private int[] identity = new int[4096];
    private byte[] kind = new byte[4096];
    private int[] nextFree = new int[4096];
    private boolean[] indexed = new boolean[4096];
    // slots tracked since the last young sweep (most objects die young); the first youngIndexed of them
    // have had their tables indexed by a growth lookup already
    private int[] youngSlots = new int[4096];
    private int youngCount;
    private int youngIndexed;
    private int sweepCursor;
    private int freeHead = -1;
    private WeakReference<Object> collectionSentinel = new WeakReference<>(new Object());
    private int used;
    private int liveCount;
    private long liveBytes;

    int track(Object object, int blockAddress, int blockSizeBytes, byte objectKind) {
        int slot;
        if (freeHead >= 0) {
            slot = freeHead;
            freeHead = nextFree[slot];
        } else {
            if (used == refs.length) {
                growArrays();
            }
            slot = used++;
        }
        refs[slot] = new SlotRef(object);
        address[slot] = blockAddress;
        sizeBytes[slot] = blockSizeBytes;
        kind[slot] = objectKind;
        liveCount++;
        liveBytes += blockSizeBytes;
        indexed[slot] = false;
        if (youngCount == youngSlots.length) {
            youngSlots = Arrays.copyOf(youngSlots, youngCount * 2);
        }
        youngSlots[youngCount++] = slot;
        return slot;
    }

    private void growArrays() {
        int n = refs.length * 2;
        refs = Arrays.copyOf(refs, n);
        address = Arrays.copyOf(address, n);
        sizeBytes = Arrays.copyOf(sizeBytes, n);
        identity = Arrays.copyOf(identity, n);
        kind = Arrays.copyOf(kind, n);
        nextFree = Arrays.copyOf(nextFree, n);
        indexed = Arrays.copyOf(indexed, n);
    }

    /** Runs {@code action} when the object in {@code slot} is found dead (e.g. to free firmware resources). */
    void onFree(int slot, Runnable action) {
        onFree.put(slot, action);
    }

    /** The slot of a tracked table, or -1: the index first, then the latest young tables, then all young ones. */
    int slotOfTable(Object table) {
        int slot = tables.find(table);
        if (slot >= 0) {
            return slot;
        }
        for (int i = youngCount - 1, stop = Math.max(youngIndexed, youngCount - RECENT_SCAN); i >= stop; i--) {
            int young = youngSlots[i];
            if (kind[young] == TABLE && holds(young, table)) {
                return young;
            }
        }
        indexYoungTables(youngIndexed, youngCount); // bounded: each table enters the index at most once
        youngIndexed = youngCount;
        return tables.find(table);
    }

    private void indexYoungTables(int from, int to) {
        for (int i = from; i < to; i++) {
            int slot = youngSlots[i];
            Object table = kind[slot] != TABLE || indexed[slot] || refs[slot] == null ? null : refs[slot].get();
            if (table != null) {
                identity[slot] = System.identityHashCode(table);
                tables.add(slot, identity[slot]);
                indexed[slot] = true;
            }
        }
    }

    int addressOf(int slot) {
        return address[slot];
    }

    int sizeOf(int slot) {
        return sizeBytes[slot];
    }

    void moved(int slot, int newAddress, int newSizeBytes) {
        liveBytes += newSizeBytes - sizeBytes[slot];
        address[slot] = newAddress;
        sizeBytes[slot] = newSizeBytes;
    }

    @Override
    public boolean holds(int slot, Object table) {
        SlotRef ref = refs[slot];
        return ref != null && ref.refersTo(table);
    }

    /** Whether the JVM has collected since the last call (then {@link #sweepYoung} finds the dead young objects). */
    boolean collectedSinceLastLook() {
        if (!collectionSentinel.refersTo(null)) {
            return false;
        }
        collectionSentinel = new WeakReference<>(new Object());
        return true;
    }

    /** Frees the dead among the objects tracked since the last young sweep: call when the JVM has collected. */
    int sweepYoung(FreeSink sink) {
        int freed = 0;
        for (int i = 0; i < youngCount; i++) {
            int slot = youngSlots[i]; // may repeat if freed and reused meanwhile: then refs[slot] is null or live
            SlotRef ref = refs[slot];
            if (ref != null && ref.refersTo(null)) {
                release(slot, sink);
                freed++;
            }
        }
        endYoungPeriod();
        return freed;
    }

    /** Looks at the next {@code slots} slots (wrapping), for objects that died after surviving a young sweep. */
    int sweepSome(int slots, FreeSink sink) {
        int freed = 0;
        for (int n = Math.min(slots, used); n > 0; n--) {
            if (sweepCursor >= used) {
                sweepCursor = 0;
            }
            SlotRef ref = refs[sweepCursor];
            if (ref != null && ref.refersTo(null)) {
                release(sweepCursor, sink);
                freed++;
            }
            sweepCursor++;
        }
        return freed;
    }

    /** Frees every slot whose object is unreachable now: call after {@code System.gc()}. */
    int sweepAll(FreeSink sink) {
        int freed = 0;
        for (int slot = 0; slot < used; slot++) {
            SlotRef ref = refs[slot];
            if (ref != null && ref.refersTo(null)) {
                release(slot, sink);
                freed++;
            }
        }
        endYoungPeriod();
        return freed;
    }

    /** The survivors become old: their tables enter the index (released slots are not reused before this). */
    private void endYoungPeriod() {
        indexYoungTables(youngIndexed, youngCount);
        youngCount = 0;
        youngIndexed = 0;
    }

    /** Frees every block, live or not: the Lua state is closed. */
    void releaseEverything(FreeSink sink) {
        for (int slot = 0; slot < used; slot++) {
            if (refs[slot] != null) {
                release(slot, sink);
            }
        }
        youngCount = 0;
        youngIndexed = 0;
    }

    private void release(int slot, FreeSink sink) {
        refs[slot] = null; // already cleared by the JVM, or dropped unread when the state closes
        if (indexed[slot]) {
            tables.remove(slot, identity[slot]);
            indexed[slot] = false;
        }
        liveCount--;
        liveBytes -= sizeBytes[slot];
        Runnable action = onFree.isEmpty() ? null : onFree.remove(slot);
        sink.free(address[slot], sizeBytes[slot]);
        if (action != null) {
            action.run();
        }
        nextFree[slot] = freeHead;
        freeHead = slot;
    }

    int liveCount() {
        return liveCount;
    }

    long liveBytes() {
        return liveBytes;
    }
}
