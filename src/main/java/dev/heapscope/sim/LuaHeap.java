package dev.heapscope.sim;

import dev.heapscope.model.CallChain;
import dev.heapscope.model.CallChainInterner;
import dev.heapscope.model.RetainingPath;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Lua state's view of the board heap: each Lua object the script creates gets a block in
 * {@link BoardMemory} with the call chain the firmware would record, and gives it back when the
 * {@link Collector} finds it unreachable from Lua's roots: at a collection step Lua's pacing calls for,
 * at {@code collectgarbage()}, or in the emergency collection before an allocation fails. Board thread only.
 */
final class LuaHeap {
    static final String NOT_ENOUGH_MEMORY = "not enough memory";

    final AllocationSites sites;
    /** Short strings the board made when it compiled the chunks (see {@link CompiledChunks}). */
    final CompiledChunks constants = new CompiledChunks();
    private final BoardMemory memory;
    private final SimulatorSymbols symbols;
    private final LuaAllocationTracker tracker;
    private final LuaObjects objects = new LuaObjects();
    private final Collector collector;
    private FirmwareRefs refs; // what the firmware holds in the registry, named by owner (for comparisons)
    private final CallChainInterner chains = new CallChainInterner();
    private final Map<Integer, FirmwareOwner> firmwareOwners = new HashMap<>();
    // addresses handed out for objects with no block (library tables in flash, C functions in ROM), in order
    private final Map<Object, Integer> untrackedPointers = new java.util.IdentityHashMap<>();
    private final int maxChainDepth;
    private final int[] scratch;

    /** A firmware block that belongs to a Lua object (a timer's FreeRTOS timer): held by what holds the object. */
    private record FirmwareOwner(LuaValue owner, String what) {
    }

    LuaHeap(BoardMemory memory, SimulatorSymbols symbols, AllocationSites sites, LuaAllocationTracker tracker,
            int maxChainDepth) {
        this.memory = memory;
        this.symbols = symbols;
        this.sites = sites;
        this.tracker = tracker;
        tracker.attach(this);
        this.maxChainDepth = maxChainDepth;
        this.scratch = new int[maxChainDepth];
        this.collector = new Collector(objects, new Collector.Blocks() {
            @Override
            public LuaObjects.FreeSink sweeper(Collector.Kind kind) {
                CallChain chain = chainFor(switch (kind) {
                    case FULL -> sites.collectFree;
                    case STEP -> sites.stepFree;
                    case EMERGENCY -> sites.emergencyFree;
                });
                return (address, sizeBytes) -> memory.free(address, chain);
            }

            @Override
            public void charge(long work) {
                tracker.charge(work);
            }
        });
    }

    /** Called once the globals exist: from then on the collector can mark. */
    void attachRoots(org.luaj.vm2.Globals globals, FirmwareRefs refs) {
        this.refs = refs;
        collector.attach(new LuaRoots(globals, refs, objects));
    }

    java.util.Map<Integer, String> firmwareRefs() {
        return refs == null ? java.util.Map.of() : refs.labels();
    }

    Collector collector() {
        return collector;
    }

    /** A table made by {@code OP_NEWTABLE} into {@code register} (or by a library call: -1). */
    void trackTable(TrackedTable table, AllocationSite site, int register) {
        track(table, LuaSizes.table(table), LuaObjects.TABLE, site);
        collector.step(register);
    }

    void trackClosure(TrackedClosure closure, int register) {
        track(closure, LuaSizes.closure(closure.upValues == null ? 0 : closure.upValues.length),
                LuaObjects.CLOSURE, sites.closure);
        collector.step(register);
    }

    /** A string made by {@code OP_CONCAT} or a library call; an equal live short string means nothing new (interning). */
    void trackString(LuaString string, AllocationSite site, int register) {
        if (objects.slotOf(string) >= 0 || constants.holds(string)) {
            return;
        }
        track(string, LuaSizes.string(string.m_length), LuaObjects.STRING, site);
        collector.step(register);
    }

    /** A userdata of {@code payloadBytes}; {@code finalizer} (may be null) is its C {@code __gc}. */
    void trackUserdata(TrackedUserdata userdata, int payloadBytes, AllocationSite site, Runnable finalizer) {
        int slot = track(userdata, LuaSizes.userdata(payloadBytes), LuaObjects.USERDATA, site);
        if (finalizer != null) {
            collector.finalizers().mark(slot, finalizer);
        }
        collector.step(-1);
    }

    void trackThread(TrackedThread thread) {
        track(thread, LuaSizes.LUA_STATE, LuaObjects.THREAD, sites.thread);
        collector.step(-1);
    }

    /** {@code setmetatable} gave {@code table} a metatable with {@code __gc}: finalize it when it dies. */
    void markForFinalization(LuaTable table) {
        int slot = objects.slotOf(table);
        if (slot >= 0) {
            collector.finalizers().mark(slot, null);
        }
    }

    private int track(Object object, int sizeBytes, byte kind, AllocationSite site) {
        int address = allocate(sizeBytes, chainFor(site));
        collector.pacer().allocated(sizeBytes);
        return objects.track(object, address, sizeBytes, kind);
    }

    /** A Lua instruction is about to run (see {@link LuaObjects#safePoint}). */
    void safePoint() {
        objects.safePoint();
    }

    /** A firmware block (not a Lua object): allocated now, freed by the caller through {@link #freeBlock}. */
    int allocateBlock(int sizeBytes, AllocationSite site) {
        return memory.allocate(sizeBytes, chainFor(site));
    }

    void freeBlock(int address, AllocationSite site) {
        if (address != 0) {
            firmwareOwners.remove(address);
            memory.free(address, chainFor(site));
        }
    }

    /** The firmware block at {@code address} lives as long as {@code owner}: its retaining path is the owner's. */
    void ownBlock(int address, LuaValue owner, String what) {
        if (address != 0) {
            firmwareOwners.put(address, new FirmwareOwner(owner, what));
        }
    }

    void tableResized(LuaTable table) {
        int slot = objects.slotOf(table);
        if (slot < 0) {
            return; // not created by the script (e.g. _G)
        }
        int newSize = LuaSizes.table(table);
        int oldSize = objects.sizeOf(slot);
        if (newSize == oldSize) {
            return;
        }
        CallChain chain = chainFor(sites.tableResize);
        int moved = memory.reallocate(objects.addressOf(slot), newSize, chain);
        if (moved == 0) {
            collector.collect(Collector.Kind.EMERGENCY, -1);
            moved = memory.reallocate(objects.addressOf(slot), newSize, chain);
            if (moved == 0) {
                throw new LuaError(NOT_ENOUGH_MEMORY);
            }
        }
        collector.pacer().allocated(Math.max(0, newSize - oldSize));
        objects.resized(slot, moved, newSize);
    }

    private int allocate(int sizeBytes, CallChain chain) {
        int address = memory.allocate(sizeBytes, chain);
        if (address == 0) {
            collector.collect(Collector.Kind.EMERGENCY, -1); // lmem.c: a full collection, then one retry
            address = memory.allocate(sizeBytes, chain);
            if (address == 0) {
                throw new LuaError(NOT_ENOUGH_MEMORY);
            }
        }
        return address;
    }

    /** Refuses up front what cannot fit even after a collection, before the JVM builds a huge object. */
    void ensureFits(long sizeBytes) {
        if (sizeBytes < 0 || sizeBytes > Integer.MAX_VALUE / 2) {
            throw new LuaError(NOT_ENOUGH_MEMORY);
        }
        if (sizeBytes > memory.freeBytes()) {
            collector.collect(Collector.Kind.EMERGENCY, -1);
            if (sizeBytes > memory.freeBytes()) {
                throw new LuaError(NOT_ENOUGH_MEMORY);
            }
        }
    }

    /** {@code collectgarbage()}: a full collection; returns the number of objects freed. */
    int collect() {
        return collector.collect(Collector.Kind.FULL, -1);
    }

    /** A full collection, then every live Lua object with its retaining path. */
    dev.heapscope.model.HeapSnapshot snapshot(int number, String label, long atMicros) {
        collect();
        return new dev.heapscope.model.HeapSnapshot(number, label, atMicros, collector.liveObjects());
    }

    /** Where every live Lua object and firmware block with an owner is held from, by block address. */
    Map<Integer, RetainingPath> retainingPaths() {
        Map<Integer, RetainingPath> byAddress = collector.pathsByAddress();
        Map<Integer, RetainingPath> owned = new LinkedHashMap<>();
        firmwareOwners.forEach((address, owner) -> {
            int slot = objects.slotOf(owner.owner());
            RetainingPath of = slot < 0 ? null : byAddress.get(objects.addressOf(slot));
            if (of != null) {
                owned.put(address, of.then(PathTree.SEPARATOR + owner.what()));
            }
        });
        byAddress.putAll(owned);
        return byAddress;
    }

    /** What {@code lua_topointer} gives for {@code value}: its block (a userdata's payload), else a stable stand-in. */
    int pointerOf(LuaValue value) {
        int slot = objects.slotOf(value);
        if (slot >= 0) {
            return objects.addressOf(slot) + (objects.kindOf(slot) == LuaObjects.USERDATA ? LuaSizes.UDATA_HEADER : 0);
        }
        int n = untrackedPointers.size();
        // functions the board has in ROM/flash code, tables in flash (ROTables), both numbered by first use
        int base = value.type() == LuaValue.TFUNCTION ? 0x400d8000 : 0x3f410000;
        return untrackedPointers.computeIfAbsent(value, v -> base + 16 * n);
    }

    /** The Lua state is closed (reboot): every block goes back. */
    void releaseEverything() {
        CallChain closeChain = chains.intern(new int[]{symbols.firmware("l_alloc", "lauxlib.c"),
                symbols.firmware("luaM_realloc_", "lmem.c"), symbols.firmware("lua_close", "lstate.c")}, 3);
        objects.releaseEverything((a, s) -> memory.free(a, closeChain));
        collector.finalizers().clear();
    }

    /** Bytes of Lua objects the board tracks (without the state at boot). */
    long liveBytes() {
        return objects.liveBytes();
    }

    int liveObjects() {
        return objects.liveCount();
    }

    long freeBytes() {
        return memory.freeBytes();
    }

    /** Firmware frames of {@code site}, then the Lua frames from the innermost outwards, up to the depth limit. */
    CallChain chainFor(AllocationSite site) {
        ShadowStack stack = tracker.currentStack();
        ShadowFrame top = stack.top();
        if (top != null) {
            CallChain cached = top.cachedChain(site.id);
            if (cached != null) {
                return cached;
            }
        }
        int n = 0;
        for (int frame : site.firmwareFrames) {
            if (n == maxChainDepth) {
                break;
            }
            scratch[n++] = frame;
        }
        for (int level = 0; level < stack.depth && n < maxChainDepth; level++) {
            scratch[n++] = luaAddress(stack.fromTop(level));
        }
        CallChain chain = chains.intern(scratch, n);
        if (top != null) {
            top.cacheChain(site.id, chain);
        }
        return chain;
    }

    private int luaAddress(ShadowFrame frame) {
        if (frame.cachedAddressPc != frame.pc) {
            frame.cachedAddress = symbols.luaFrame(frame.name.name(), frame.info.chunk, frame.line());
            frame.cachedAddressPc = frame.pc;
        }
        return frame.cachedAddress;
    }
}
