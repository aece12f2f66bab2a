package dev.heapscope.sim;

import dev.heapscope.model.RetainingPath;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lua 5.3's garbage collector over the simulated heap: an atomic mark from {@link LuaRoots}, weak
 * entries cleared (values before finalizable objects are resurrected, keys after, as {@code atomic} in
 * lgc.c does), unreachable finalizable objects kept for one more cycle, every other unreachable object's
 * block freed, then the {@code __gc} finalizers run (not after an emergency collection). Also answers
 * which path holds each live object. Board thread only.
 */
final class Collector {
    enum Kind { FULL, STEP, EMERGENCY }

    private static final LuaString GC = LuaString.valueOf("__gc");
    static final String AWAITING_GC = "awaiting __gc";
    // what a collection costs in the currency of the instruction budget, as measured for issue 16: LuaJ runs
    // 30 to 50 million simple instructions a second here; a collection of a booted board's heap takes 70 to 180 us
    // (roots, library tables, the sweep over every slot), plus 40 to 230 ns per object marked or traversed.
    // Charged less, a loop of collections ran several times longer than the budget allows any chunk.
    private static final long COLLECTION_INSTRUCTIONS = 10_000;
    private static final long MARK_INSTRUCTIONS = 8;

    interface Blocks {
        /** What frees the dead objects' blocks in a collection of {@code kind} (the chain is the same for all). */
        LuaObjects.FreeSink sweeper(Kind kind);

        /** Charges a collection's work to the running chunk's instruction budget. */
        void charge(long work);
    }

    private final LuaObjects objects;
    private final HeapMarker marker;
    private final Finalizers finalizers = new Finalizers();
    private final GcPacer pacer = new GcPacer(LuaSizes.STATE_AT_BOOT);
    private final Blocks blocks;
    private LuaRoots roots;
    private boolean busy;
    private int collections;

    Collector(LuaObjects objects, Blocks blocks) {
        this.objects = objects;
        this.marker = new HeapMarker(objects);
        this.blocks = blocks;
    }

    void attach(LuaRoots luaRoots) {
        this.roots = luaRoots;
    }

    GcPacer pacer() {
        return pacer;
    }

    Finalizers finalizers() {
        return finalizers;
    }

    /** Bytes Lua has in use: its objects plus the state the board had at boot (libraries, registry). */
    long bytesInUse() {
        return objects.liveBytes() + LuaSizes.STATE_AT_BOOT;
    }

    int collections() {
        return collections;
    }

    /** A collection step after an allocation (lvm.c {@code checkGC}); {@code topLimit} as in {@link LuaRoots#markAll}. */
    void step(int topLimit) {
        if (busy || roots == null) {
            return;
        }
        if (pacer.dueAt(bytesInUse())) {
            collect(Kind.STEP, topLimit);
        } else if (finalizers.hasPending()) {
            runFinalizers(); // a step also runs finalizers an emergency collection left pending
        }
    }

    /** Runs a whole collection now; returns the number of objects freed (0 when one is already running). */
    int collect(Kind kind, int topLimit) {
        if (busy || roots == null) {
            return 0;
        }
        busy = true;
        int freed;
        try {
            marker.begin(false);
            markRoots(topLimit);
            marker.clearWeakEntries(false, true);
            List<Integer> doomed = finalizers.separateUnreachable(marker);
            for (int slot : doomed) {
                marker.markSlotRoot(slot, AWAITING_GC); // resurrected until its finalizer has run
            }
            marker.propagate();
            marker.convergeEphemerons();
            marker.clearWeakEntries(true, true);
            freed = objects.sweepUnmarked(marker.epoch(), blocks.sweeper(kind));
            collections++;
        } finally {
            busy = false;
        }
        pacer.collected(bytesInUse());
        blocks.charge(COLLECTION_INSTRUCTIONS + MARK_INSTRUCTIONS * marker.work());
        if (kind != Kind.EMERGENCY) {
            runFinalizers();
        }
        return freed;
    }

    private void markRoots(int topLimit) {
        roots.markAll(marker, topLimit);
        for (int slot : finalizers.pending()) {
            marker.markSlotRoot(slot, AWAITING_GC);
        }
        marker.propagate();
        marker.convergeEphemerons();
    }

    /** Calls the pending finalizers in order; an error in one is raised after all have run, as 5.3 words it. */
    private void runFinalizers() {
        if (busy) {
            return;
        }
        busy = true; // no collection steps while finalizers run (lgc.c GCTM turns the collector off)
        LuaError first = null;
        try {
            int slot;
            while ((slot = finalizers.takeNext()) >= 0) {
                Runnable firmware = finalizers.takeFirmwareAction(slot);
                if (firmware != null) {
                    firmware.run();
                    continue;
                }
                LuaValue object = (LuaValue) objects.objectAt(slot);
                LuaValue metatable = object.getmetatable();
                LuaValue gc = metatable == null ? LuaValue.NIL : metatable.rawget(GC);
                if (!gc.isfunction()) {
                    continue;
                }
                try {
                    gc.call(object);
                } catch (LuaError e) {
                    if (first == null) {
                        LuaValue message = e.getMessageObject();
                        String text = message != null && message.isstring() ? message.tojstring() : "?";
                        first = new LuaError("error in __gc metamethod (" + text + ")", 0);
                    }
                }
            }
        } finally {
            busy = false;
        }
        if (first != null) {
            throw first;
        }
    }

    /** Every live object with its retaining path (after a {@link #collect}, all of them reachable). */
    java.util.List<dev.heapscope.model.HeapSnapshot.HeapObject> liveObjects() {
        java.util.List<dev.heapscope.model.HeapSnapshot.HeapObject> live = new java.util.ArrayList<>();
        Map<Integer, RetainingPath> paths = pathsByAddress();
        for (int slot = 0; slot < objects.capacity(); slot++) {
            if (objects.isLive(slot)) {
                int address = objects.addressOf(slot);
                live.add(new dev.heapscope.model.HeapSnapshot.HeapObject(address, objects.sizeOf(slot),
                        typeName(objects.kindOf(slot)), paths.getOrDefault(address, RetainingPath.UNREACHABLE)));
            }
        }
        return live;
    }

    private static String typeName(byte kind) {
        return switch (kind) {
            case LuaObjects.TABLE -> "table";
            case LuaObjects.CLOSURE -> "function";
            case LuaObjects.USERDATA -> "userdata";
            case LuaObjects.THREAD -> "thread";
            default -> "string";
        };
    }

    /**
     * The first retaining path of every live object's block, by block address, without collecting:
     * objects no root reaches (garbage not swept yet) get {@link RetainingPath#UNREACHABLE}.
     */
    Map<Integer, RetainingPath> pathsByAddress() {
        Map<Integer, RetainingPath> paths = new LinkedHashMap<>();
        if (roots == null || busy) {
            return paths;
        }
        busy = true;
        try {
            marker.begin(true);
            markRoots(-1);
            PathTree tree = marker.paths();
            for (int slot = 0; slot < objects.capacity(); slot++) {
                if (objects.isLive(slot)) {
                    int node = marker.nodeOf(slot);
                    paths.put(objects.addressOf(slot), node >= 0 ? tree.path(node) : RetainingPath.UNREACHABLE);
                }
            }
            blocks.charge(COLLECTION_INSTRUCTIONS + MARK_INSTRUCTIONS * marker.work());
        } finally {
            busy = false;
        }
        return paths;
    }
}
