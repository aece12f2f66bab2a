package dev.heapscope.sim;

import dev.heapscope.sim.lua53.WorkMeter;

/** The board's {@link WorkMeter}: work goes to the running chunk's instruction budget, result bytes to its heap. */
final class BoardMeter implements WorkMeter {
    private final LuaAllocationTracker tracker;
    private final LuaHeap heap;

    BoardMeter(LuaAllocationTracker tracker, LuaHeap heap) {
        this.tracker = tracker;
        this.heap = heap;
    }

    @Override
    public void spend(long work) {
        tracker.spend(work);
    }

    @Override
    public void reserve(long bytes) {
        heap.ensureFits(LuaSizes.string(0) + bytes);
    }

    @Override
    public boolean stackFits(long slots) {
        if (slots < 0 || slots >= MAX_STACK_SLOTS) {
            return false;
        }
        try {
            heap.ensureFits(slots * LuaSizes.TVALUE); // luaD_reallocstack's block, after an emergency collection
            return true;
        } catch (org.luaj.vm2.LuaError e) {
            return false;
        }
    }
}
