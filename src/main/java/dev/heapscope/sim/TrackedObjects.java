package dev.heapscope.sim;

import java.lang.ref.WeakReference;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The Lua objects that hold simulated heap blocks: one weak reference per object in parallel slot
 * arrays with a free list (O(1) add and remove). A block is freed once the JVM has cleared its
 * reference: found by an incremental sweep over a few slots at a time (as Lua's incremental
 * collector sweeps; young objects die in the JVM's frequent young collections) or by a full scan
 * after {@code System.gc()} (deterministic). No reference queue: enqueuing costs more than it saves.
 * Board thread only.
 */
final class TrackedObjects implements TableIndex.Slots {
    static final byte TABLE = 1;
    static final byte STRING = 2;
    static final byte CLOSURE = 3;
    static final byte USERDATA = 4;
    static final byte THREAD = 5;

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
    private int freeHead = -1;
    private int sweepCursor;
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
        if (objectKind == TABLE) {
            identity[slot] = System.identityHashCode(object);
            tables.add(slot, identity[slot]);
        }
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
    }

    /** Runs {@code action} when the object in {@code slot} is found dead (e.g. to free firmware resources). */
    void onFree(int slot, Runnable action) {
        onFree.put(slot, action);
    }

    int slotOfTable(Object table) {
        return tables.find(table);
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
    public int identityOf(int slot) {
        return identity[slot];
    }

    @Override
    public boolean holds(int slot, Object table) {
        SlotRef ref = refs[slot];
        return ref != null && ref.refersTo(table);
    }

    /** Looks at the next {@code slots} slots (wrapping) and frees those whose object the JVM has collected. */
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
        return freed;
    }

    /** Frees every block, live or not: the Lua state is closed. */
    void releaseEverything(FreeSink sink) {
        for (int slot = 0; slot < used; slot++) {
            if (refs[slot] != null) {
                release(slot, sink);
            }
        }
    }

    private void release(int slot, FreeSink sink) {
        SlotRef ref = refs[slot];
        ref.clear();
        refs[slot] = null;
        if (kind[slot] == TABLE) {
            tables.remove(slot, identity[slot]);
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
