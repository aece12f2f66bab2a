package dev.heapscope.sim;

import dev.heapscope.model.CallChain;
import dev.heapscope.model.CallChainInterner;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;

/**
 * The Lua state's view of the board heap: each Lua object the script creates gets a block in
 * {@link BoardMemory} with the call chain the firmware would record, and gives it back once the
 * object is garbage. Board thread only.
 */
final class LuaHeap {
    static final String NOT_ENOUGH_MEMORY = "not enough memory";

    final AllocationSites sites;
    private final BoardMemory memory;
    private final SimulatorSymbols symbols;
    private final LuaAllocationTracker tracker;
    private final TrackedObjects objects = new TrackedObjects();
    private final RecentStrings recentStrings = new RecentStrings();
    private final CallChainInterner chains = new CallChainInterner();
    private final int maxChainDepth;
    private final int sweepEvery;
    private final int[] scratch;
    private int untilSweep;
    private final int sampleEvery;
    private int untilSample = 1;
    private long random = 0x9E3779B97F4A7C15L; // fixed seed: the same script samples the same allocations

    LuaHeap(BoardMemory memory, SimulatorSymbols symbols, AllocationSites sites, LuaAllocationTracker tracker,
            int maxChainDepth, int sweepEvery, int sampleEvery) {
        this.memory = memory;
        this.symbols = symbols;
        this.sites = sites;
        this.tracker = tracker;
        this.maxChainDepth = maxChainDepth;
        this.sweepEvery = sweepEvery;
        this.sampleEvery = sampleEvery;
        this.untilSweep = sweepEvery;
        this.scratch = new int[maxChainDepth];
    }

    void trackTable(LuaTable table, AllocationSite site) {
        if (sampled()) {
            track(table, LuaSizes.table(table) * sampleEvery, TrackedObjects.TABLE, site);
        }
    }

    void trackClosure(LuaClosure closure) {
        if (sampled()) {
            track(closure, LuaSizes.closure(closure.upValues == null ? 0 : closure.upValues.length) * sampleEvery,
                    TrackedObjects.CLOSURE, sites.closure);
        }
    }

    void trackString(LuaString string, AllocationSite site) {
        if (recentStrings.alreadyTracked(string, objects)) {
            return; // LuaJ handed back an existing short string: as in Lua 5.3's string interning, no new block
        }
        if (sampled()) {
            recentStrings.remember(string, track(string, LuaSizes.string(string.m_length) * sampleEvery,
                    TrackedObjects.STRING, site));
        }
    }

    /** Whether to track this Lua allocation: always without sampling, else after a random gap averaging sampleEvery. */
    private boolean sampled() {
        if (sampleEvery == 1 || --untilSample > 0) {
            return sampleEvery == 1;
        }
        random ^= random << 13;
        random ^= random >>> 7;
        random ^= random << 17;
        untilSample = 1 + (int) Long.remainderUnsigned(random, 2L * sampleEvery - 1);
        return true;
    }

    /** Tracks a userdata-like object of {@code payloadBytes}; {@code onFree} runs when it is collected. */
    void trackUserdata(Object userdata, int payloadBytes, AllocationSite site, Runnable onFree) {
        int slot = track(userdata, LuaSizes.userdata(payloadBytes), TrackedObjects.USERDATA, site);
        if (onFree != null) {
            objects.onFree(slot, onFree);
        }
    }

    void trackThread(Object thread) {
        track(thread, LuaSizes.LUA_STATE, TrackedObjects.THREAD, sites.thread);
    }

    private int track(Object object, int sizeBytes, byte kind, AllocationSite site) {
        CallChain chain = chainFor(site);
        int address = allocate(sizeBytes, chain);
        int slot = objects.track(object, address, sizeBytes, kind);
        if (--untilSweep <= 0) {
            untilSweep = sweepEvery;
            CallChain freeChain = chainFor(sites.stepFree);
            TrackedObjects.FreeSink sink = (a, s) -> memory.free(a, freeChain);
            if (objects.collectedSinceLastLook()) {
                objects.sweepYoung(sink);
            }
            objects.sweepSome(sweepEvery, sink);
        }
        return slot;
    }

    /** A firmware block (not a Lua object): allocated now, freed by the caller through {@link #freeBlock}. */
    int allocateBlock(int sizeBytes, AllocationSite site) {
        return allocate(sizeBytes, chainFor(site));
    }

    void freeBlock(int address, AllocationSite site) {
        if (address != 0) {
            memory.free(address, chainFor(site));
        }
    }

    void tableResized(LuaTable table) {
        int slot = objects.slotOfTable(table);
        if (slot < 0) {
            return; // not created by the script (e.g. _G)
        }
        int newSize = LuaSizes.table(table) * sampleEvery;
        if (newSize == objects.sizeOf(slot)) {
            return;
        }
        CallChain chain = chainFor(sites.tableResize);
        int moved = memory.reallocate(objects.addressOf(slot), newSize, chain);
        if (moved == 0) {
            collect();
            moved = memory.reallocate(objects.addressOf(slot), newSize, chain);
            if (moved == 0) {
                throw new LuaError(NOT_ENOUGH_MEMORY);
            }
        }
        objects.moved(slot, moved, newSize);
    }

    private int allocate(int sizeBytes, CallChain chain) {
        int address = memory.allocate(sizeBytes, chain);
        if (address == 0) {
            collect(); // the emergency collection Lua runs before giving up
            address = memory.allocate(sizeBytes, chain);
            if (address == 0) {
                throw new LuaError(NOT_ENOUGH_MEMORY);
            }
        }
        return address;
    }

    /** Refuses up front what cannot fit, before the JVM builds a huge object (memory bombs). */
    void ensureFits(long sizeBytes) {
        if (sizeBytes < 0 || sizeBytes > memory.freeBytes() || sizeBytes > Integer.MAX_VALUE / 2) {
            throw new LuaError(NOT_ENOUGH_MEMORY);
        }
    }

    /** A full collection: every tracked object the script can no longer reach gives its block back. */
    int collect() {
        recentStrings.forgetAll();
        System.gc();
        CallChain freeChain = chainFor(sites.collectFree);
        return objects.sweepAll((a, s) -> memory.free(a, freeChain));
    }

    /** The Lua state is closed (reboot): every block goes back. */
    void releaseEverything() {
        CallChain closeChain = chains.intern(new int[]{symbols.firmware("l_alloc", "lauxlib.c"),
                symbols.firmware("luaM_realloc_", "lmem.c"), symbols.firmware("lua_close", "lstate.c")}, 3);
        objects.releaseEverything((a, s) -> memory.free(a, closeChain));
    }

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
