package dev.heapscope.sim;

import dev.heapscope.sim.lib.VirtualClock;
import dev.heapscope.model.CallChain;

import java.util.Optional;

/**
 * The board's memory as firmware and Lua see it: the {@link SimulatedHeap} with every operation
 * passed to the {@link HeapTracer} the way ESP-IDF's heap tracing hooks do, and the
 * {@link VirtualClock} advanced a little per operation so ccounts differ and grow. Owned by the
 * board thread.
 */
public final class TracedHeap implements BoardMemory {
    /** Virtual time one heap operation takes (a few hundred cycles at 160 MHz). */
    static final long OPERATION_MICROS = 2;

    private final SimulatedHeap heap;
    private final HeapTracer tracer;
    private final VirtualClock clock;

    public TracedHeap(SimulatedHeap heap, HeapTracer tracer, VirtualClock clock) {
        this.heap = heap;
        this.tracer = tracer;
        this.clock = clock;
    }

    /** A freshly booted board's memory for {@code profile}, on {@code clock}. */
    public static TracedHeap boot(BoardProfile profile, VirtualClock clock) {
        SimulatedHeap heap = new SimulatedHeap(profile.internalHeapBytes(), profile.psramBytes());
        return new TracedHeap(heap, new HeapTracer(heap, profile, clock), clock);
    }

    @Override
    public int allocate(int sizeBytes, CallChain chain) {
        return allocate(sizeBytes, chain, 0);
    }

    /** Allocates on behalf of code running on {@code cpu} (0 or 1), which the record and its ccount show. */
    public int allocate(int sizeBytes, CallChain chain, int cpu) {
        clock.advanceMicros(OPERATION_MICROS);
        int address = heap.allocate(sizeBytes);
        if (address != 0) {
            tracer.recordAllocation(address, sizeBytes, heap.regionOf(address), cpu, clock.ccount(cpu), chain);
        }
        return address;
    }

    @Override
    public void free(int address, CallChain chain) {
        if (address == 0) {
            return; // free(NULL) does nothing, and is not traced
        }
        clock.advanceMicros(OPERATION_MICROS);
        tracer.recordFree(address, chain); // IDF records the free before the heap sees it
        heap.free(address);
    }

    @Override
    public int reallocate(int address, int newSizeBytes, CallChain chain) {
        if (address == 0) {
            return allocate(newSizeBytes, chain);
        }
        if (newSizeBytes <= 0) {
            free(address, chain);
            return 0;
        }
        if (heap.sizeOf(address) < 0) {
            return 0;
        }
        clock.advanceMicros(OPERATION_MICROS);
        int ccount = clock.ccount(0); // IDF samples ccount before the realloc runs
        // heap_trace.inc trace_realloc: the free is recorded first, even if the realloc then fails
        tracer.recordFree(address, chain);
        int moved = heap.realloc(address, newSizeBytes);
        if (moved != 0) {
            tracer.recordAllocation(moved, newSizeBytes, heap.regionOf(moved), 0, ccount, chain);
        }
        return moved;
    }

    @Override
    public long freeBytes() {
        return heap.freeBytes();
    }

    /** A crash the heap tracing caused; when present the board prints it and reboots. */
    public Optional<BoardPanic> panic() {
        return tracer.panic();
    }

    public SimulatedHeap heap() {
        return heap;
    }

    public HeapTracer tracer() {
        return tracer;
    }

    public VirtualClock clock() {
        return clock;
    }
}
