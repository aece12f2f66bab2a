package dev.heapscope.sim;

import dev.heapscope.model.CallChain;
import dev.heapscope.model.Dialect;
import dev.heapscope.model.Record;
import dev.heapscope.model.Region;
import dev.heapscope.model.TraceMode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * ESP-IDF standalone heap tracing (IDF 5.1 semantics, docs/heap-trace-format.md §5) behind the
 * NodeMCU {@code heaptrace} module. {@link #init} stops tracing, frees the old record buffer and
 * takes the new one from the {@link SimulatedHeap} ({@link BoardProfile#recordBytes()} per record);
 * {@link #start} clears records, counters and the overflow flag but keeps the high-water mark; a
 * full buffer drops its oldest record. Opt-in {@link Hazards} reproduce real-board failures: a
 * crash shows up as {@link #panic()}, a dump cut by the watchdog as {@link #lastDumpWasCut()}.
 * Owned by the board thread.
 */
public final class HeapTracer implements TraceControl {
    /** About 300 ms of text at the board's baud rate, 10 bits per character. */
    static final int WATCHDOG_MILLIS = 300;

    private final SimulatedHeap heap;
    private final BoardProfile profile;
    private final VirtualClock clock;
    private final DumpPrinter printer;
    private final TraceBuffer buffer = new TraceBuffer();

    private int bufferAddress;
    private int capacity;
    private boolean tracing;
    private TraceMode mode = TraceMode.ALL; // IDF's static mode variable starts at 0, HEAP_TRACE_ALL
    private int totalAllocations;
    private int totalFrees;
    private boolean overflowed;
    private int highWaterMark;
    private boolean startedSinceInit;
    private int staleCount;
    private boolean crashPending;
    private BoardPanic panic;
    private boolean lastDumpWasCut;

    public HeapTracer(SimulatedHeap heap, BoardProfile profile, VirtualClock clock) {
        this.heap = heap;
        this.profile = profile;
        this.clock = clock;
        this.printer = new DumpPrinter(profile.dialect());
    }

    @Override
    public int init(int records) {
        if (records <= 0) {
            return ESP_ERR_INVALID_ARG;
        }
        tracing = false;
        crashPending = false;
        // IDF 5.1 keeps records.count and the old list across init: that is what a dump then walks
        int believedCount = buffer.count() > 0 ? buffer.count() : staleCount;
        if (bufferAddress != 0) {
            heap.free(bufferAddress);
        }
        bufferAddress = 0;
        capacity = 0;
        buffer.clear();
        startedSinceInit = false;
        staleCount = believedCount;
        long bytes = (long) records * profile.recordBytes();
        int address = bytes > Integer.MAX_VALUE ? 0 : heap.allocate((int) bytes);
        if (address == 0) {
            return ESP_ERR_NO_MEM;
        }
        bufferAddress = address;
        capacity = records;
        return ESP_OK;
    }

    @Override
    public int start(TraceMode newMode) {
        if (newMode == null) {
            return ESP_ERR_INVALID_ARG;
        }
        if (bufferAddress == 0) {
            return ESP_ERR_INVALID_STATE;
        }
        mode = newMode;
        buffer.clear();
        totalAllocations = 0;
        totalFrees = 0;
        overflowed = false;
        startedSinceInit = true;
        staleCount = 0;
        crashPending = false;
        tracing = true;
        return ESP_OK;
    }

    @Override
    public int stop() {
        if (!tracing) {
            return profile.stopFailsWhenIdle() ? ESP_ERR_INVALID_STATE : ESP_OK;
        }
        tracing = false;
        crashPending = false;
        return ESP_OK;
    }

    @Override
    public int resume() {
        if (tracing) {
            return ESP_ERR_INVALID_STATE;
        }
        tracing = true;
        // the record list is set up by start only; IDF 5.1 dereferences it on the next allocation
        crashPending = !startedSinceInit && profile.hazards().resumeBeforeStartCrashes();
        return ESP_OK;
    }

    @Override
    public boolean isTracing() {
        return tracing;
    }

    /** Traces a successful allocation (ignored when not tracing or {@code address} is 0). */
    public void recordAllocation(int address, int sizeBytes, Region region, int cpu, int ccount, CallChain chain) {
        if (!tracing || address == 0 || panic != null) {
            return;
        }
        if (crashPending) {
            panic = BoardPanic.loadProhibited();
            crashPending = false;
            tracing = false;
            return;
        }
        if (capacity == 0) {
            return;
        }
        if (buffer.count() >= capacity) {
            buffer.removeOldest();
            overflowed = true;
        }
        buffer.add(new Record(sizeBytes, address, region, cpu & 1, ccount & ~3, truncate(chain), false,
                CallChain.EMPTY, 0));
        totalAllocations++;
        highWaterMark = Math.max(highWaterMark, buffer.count());
        staleCount = 0;
    }

    /**
     * Traces a free: counted in {@code total frees} whenever tracing and the buffer is not empty,
     * even when no record matches (as IDF does); LEAKS removes the record, ALL marks it freed.
     */
    public void recordFree(int address, CallChain chain) {
        if (!tracing || address == 0 || panic != null || buffer.count() == 0) {
            return;
        }
        totalFrees++;
        if (mode == TraceMode.LEAKS) {
            buffer.removeNewest(address);
        } else {
            buffer.markFreed(address, truncate(chain));
        }
    }

    @Override
    public void dump(Appendable out) {
        lastDumpWasCut = false;
        boolean garbage = staleCount > 0 && !startedSinceInit && profile.hazards().dumpAfterReinitPrintsGarbage();
        String text = printer.print(garbage ? garbageSnapshot() : snapshot());
        if (profile.hazards().longDumpTripsWatchdog() && profile.dialect() != Dialect.A) {
            int budgetChars = watchdogBudgetChars();
            if (text.length() > budgetChars) {
                text = text.substring(0, budgetChars);
                lastDumpWasCut = true;
                panic = BoardPanic.interruptWatchdog();
                tracing = false;
            }
        }
        clock.advanceMicros(text.length() * 10_000_000L / profile.baudRate());
        try {
            out.append(text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the heap trace dump", e);
        }
    }

    /** Characters the UART sends in {@link #WATCHDOG_MILLIS} at the board's baud rate (3,456 at 115200). */
    public int watchdogBudgetChars() {
        return (int) ((long) profile.baudRate() * WATCHDOG_MILLIS / 10_000);
    }

    /** The trace as a dump would print it now (without hazards). */
    public TraceSnapshot snapshot() {
        return new TraceSnapshot(mode, profile.stackDepth(), buffer.count(), capacity, highWaterMark,
                totalAllocations, totalFrees, overflowed, buffer.records());
    }

    /** Armed by {@code resume()} before any {@code start()} when that hazard is on: the next allocation panics. */
    public boolean crashPending() {
        return crashPending;
    }

    /** The panic the tracer caused (resume hazard or dump watchdog); the board must print it and reboot. */
    public Optional<BoardPanic> panic() {
        return Optional.ofNullable(panic);
    }

    /** The last {@link #dump} stopped mid-text because the interrupt watchdog fired. */
    public boolean lastDumpWasCut() {
        return lastDumpWasCut;
    }

    public int capacity() {
        return capacity;
    }

    /** Heap bytes the record buffer occupies (0 without a buffer). */
    public int bufferBytes() {
        return bufferAddress == 0 ? 0 : capacity * profile.recordBytes();
    }

    public int stackDepth() {
        return profile.stackDepth();
    }

    public TraceMode mode() {
        return mode;
    }

    private CallChain truncate(CallChain chain) {
        if (chain == null) {
            return CallChain.EMPTY;
        }
        int depth = profile.stackDepth();
        return chain.depth() <= depth ? chain : CallChain.of(Arrays.copyOf(chain.frames(), depth));
    }

    /** What IDF 5.1 prints walking a list whose records lie in freed, reused memory. */
    private TraceSnapshot garbageSnapshot() {
        Random noise = new Random(staleCount * 7919L + capacity * 31L + clock.nowMicros());
        int printed = 1 + noise.nextInt(Math.min(staleCount, 6));
        List<Record> records = new ArrayList<>(printed);
        for (int i = 0; i < printed; i++) {
            int address = noise.nextInt();
            int[] frames = new int[profile.stackDepth()];
            for (int slot = 0; slot < frames.length; slot++) {
                frames[slot] = noise.nextInt() | 1;
            }
            records.add(new Record(noise.nextInt(), address, heap.regionOf(address), noise.nextInt(2),
                    noise.nextInt() & ~3, CallChain.of(frames), false, CallChain.EMPTY, 0));
        }
        return new TraceSnapshot(mode, profile.stackDepth(), staleCount, capacity, highWaterMark,
                totalAllocations, totalFrees, overflowed, records);
    }
}
