package dev.heapscope.sim;

import org.luaj.vm2.LuaString;

import java.util.Arrays;

/**
 * The Lua objects that hold simulated heap blocks, in parallel slot arrays with a free list. Each slot
 * holds its object strongly: whether an object is alive is decided by {@link HeapMarker} from Lua's
 * roots, never by the JVM, so the same script frees the same blocks in every run. Short strings (up to
 * Lua 5.3's {@code LUAI_MAXSHORTLEN}, 40 bytes) are interned by content as on the board: two equal short
 * strings are one object, whichever Java objects LuaJ uses for them. Board thread only.
 */
final class LuaObjects {
    static final byte TABLE = 1;
    static final byte STRING = 2;
    static final byte CLOSURE = 3;
    static final byte USERDATA = 4;
    static final byte THREAD = 5;
    /** A string of at most {@link #MAX_SHORT_STRING} bytes: interned by content. */
    static final byte SHORT_STRING = 6;
    /** Lua 5.3 {@code LUAI_MAXSHORTLEN} (llimits.h), unchanged in NodeMCU: longer strings are not interned. */
    static final int MAX_SHORT_STRING = 40;

    /** Receives each block whose object died. */
    interface FreeSink {
        void free(int address, int sizeBytes);
    }

    // tables, closures, userdata and coroutines carry their slot; long strings are found by identity here,
    // short strings by content (Lua 5.3's string table)
    private final SlotTable byIdentity = new SlotTable();
    private final SlotTable shortStrings = new SlotTable();
    private Object[] objects = new Object[1024];
    private int[] address = new int[1024];
    private int[] sizeBytes = new int[1024];
    private int[] markEpoch = new int[1024];
    private int[] stringHash = new int[1024]; // content or identity hash of a string: freeing it need not touch it
    private byte[] kind = new byte[1024];
    private int[] nextFree = new int[1024];
    private int used;
    private int freeHead = -1;
    private final java.util.List<TrackedThread> freedThreads = new java.util.ArrayList<>();
    private int liveCount;
    private long liveBytes;
    // slots made since the last safe point (a Lua instruction): a library call may hold them in Java locals only
    private int[] young = new int[64];
    private int youngCount;

    /** Tracks a Tracked* object (it learns its slot) or a string. */
    int track(Object object, int blockAddress, int blockSizeBytes, byte objectKind) {
        int slot;
        if (freeHead >= 0) {
            slot = freeHead;
            freeHead = nextFree[slot];
        } else {
            if (used == objects.length) {
                grow();
            }
            slot = used++;
        }
        boolean shortString = objectKind == STRING && ((LuaString) object).m_length <= MAX_SHORT_STRING;
        objects[slot] = object;
        address[slot] = blockAddress;
        sizeBytes[slot] = blockSizeBytes;
        kind[slot] = shortString ? SHORT_STRING : objectKind;
        markEpoch[slot] = 0;
        liveCount++;
        liveBytes += blockSizeBytes;
        if (!setSlot(object, slot)) {
            if (shortString) {
                stringHash[slot] = object.hashCode();
                shortStrings.add(stringHash[slot], slot);
            } else {
                stringHash[slot] = System.identityHashCode(object);
                byIdentity.add(stringHash[slot], slot);
            }
        }
        if (youngCount == young.length) {
            young = Arrays.copyOf(young, youngCount * 2);
        }
        young[youngCount++] = slot;
        return slot;
    }

    private void grow() {
        int n = objects.length * 2;
        objects = Arrays.copyOf(objects, n);
        address = Arrays.copyOf(address, n);
        sizeBytes = Arrays.copyOf(sizeBytes, n);
        markEpoch = Arrays.copyOf(markEpoch, n);
        stringHash = Arrays.copyOf(stringHash, n);
        kind = Arrays.copyOf(kind, n);
        nextFree = Arrays.copyOf(nextFree, n);
    }

    /** Stores {@code slot} in an object that has room for it; false for strings. */
    private static boolean setSlot(Object object, int slot) {
        if (object instanceof TrackedTable table) {
            table.slot = slot;
        } else if (object instanceof TrackedClosure closure) {
            closure.slot = slot;
        } else if (object instanceof TrackedUserdata userdata) {
            userdata.slot = slot;
        } else if (object instanceof TrackedThread thread) {
            thread.slot = slot;
        } else {
            return false;
        }
        return true;
    }

    /**
     * The slot of a tracked object, or -1; a short string is found by its content. An object that knows its
     * slot is checked against it: a freed object's slot may hold another object by now (sweeping does not
     * touch dead objects, so they keep their old number).
     */
    int slotOf(Object object) {
        if (object instanceof TrackedTable table) {
            return owns(table.slot, table);
        }
        if (object instanceof TrackedClosure closure) {
            return owns(closure.slot, closure);
        }
        if (object instanceof LuaString string && string.m_length <= MAX_SHORT_STRING) {
            return shortStrings.find(string.hashCode(), string, objects, true);
        }
        if (object instanceof TrackedUserdata userdata) {
            return owns(userdata.slot, userdata);
        }
        if (object instanceof TrackedThread thread) {
            return owns(thread.slot, thread);
        }
        return byIdentity.find(System.identityHashCode(object), object, objects, false);
    }

    private int owns(int slot, Object object) {
        return slot >= 0 && slot < used && objects[slot] == object ? slot : -1;
    }

    /** A Lua instruction is about to run: what library calls made is now in registers, tables or upvalues. */
    void safePoint() {
        youngCount = 0;
        if (!freedThreads.isEmpty()) {
            endFreedThreads();
        }
    }

    /** Ends the Java threads of the coroutines freed since the last instruction (see {@link CoroutineCarriers}). */
    void endFreedThreads() {
        java.util.List<TrackedThread> freed = new java.util.ArrayList<>(freedThreads);
        freedThreads.clear();
        freed.forEach(CoroutineCarriers::end);
    }

    int youngCount() {
        return youngCount;
    }

    int youngSlot(int i) {
        return young[i];
    }

    Object objectAt(int slot) {
        return objects[slot];
    }

    byte kindOf(int slot) {
        return kind[slot];
    }

    int addressOf(int slot) {
        return address[slot];
    }

    int sizeOf(int slot) {
        return sizeBytes[slot];
    }

    /** Slots ever used (some may be free): iterate {@code 0..capacity()-1} with {@link #isLive}. */
    int capacity() {
        return used;
    }

    boolean isLive(int slot) {
        return objects[slot] != null;
    }

    /** Marks {@code slot} in collection {@code epoch}; false when it already was. */
    boolean mark(int slot, int epoch) {
        if (markEpoch[slot] == epoch) {
            return false;
        }
        markEpoch[slot] = epoch;
        return true;
    }

    boolean isMarked(int slot, int epoch) {
        return markEpoch[slot] == epoch;
    }

    void resized(int slot, int newAddress, int newSizeBytes) {
        liveBytes += newSizeBytes - sizeBytes[slot];
        address[slot] = newAddress;
        sizeBytes[slot] = newSizeBytes;
    }

    /** Frees every live slot not marked in {@code epoch}, in slot order (deterministic); returns how many. */
    int sweepUnmarked(int epoch, FreeSink sink) {
        int freed = 0;
        for (int slot = 0; slot < used; slot++) {
            if (objects[slot] != null && markEpoch[slot] != epoch) {
                release(slot, sink);
                freed++;
            }
        }
        youngCount = 0;
        return freed;
    }

    /** Frees every block, live or not: the Lua state is closed. */
    void releaseEverything(FreeSink sink) {
        for (int slot = 0; slot < used; slot++) {
            if (objects[slot] != null) {
                release(slot, sink);
            }
        }
        youngCount = 0;
        endFreedThreads(); // no coroutine's Java thread outlives the state it belonged to
    }

    private void release(int slot, FreeSink sink) {
        switch (kind[slot]) {
            case SHORT_STRING -> shortStrings.remove(stringHash[slot], slot);
            case STRING -> byIdentity.remove(stringHash[slot], slot);
            default -> {
                // tables, closures, userdata, coroutines keep their stale slot number; slotOf checks it
            }
        }
        if (objects[slot] instanceof TrackedThread thread) {
            freedThreads.add(thread); // ended outside the sweep: its unwinding may run Lua hooks
        }
        objects[slot] = null;
        liveCount--;
        liveBytes -= sizeBytes[slot];
        sink.free(address[slot], sizeBytes[slot]);
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
