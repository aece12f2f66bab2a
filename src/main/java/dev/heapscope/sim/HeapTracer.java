package dev.heapscope.sim;

import dev.heapscope.sim.lib.VirtualClock;
import dev.heapscope.sim.lib.TraceControl;
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

/**
 * ESP-IDF standalone heap tracing behind the NodeMCU {@code heaptrace} module, per IDF generation
 * (simulator/FIRMWARE-FACTS.md §A cites the lines): {@link #init} is NodeMCU's (stop, free the old
 * buffer, allocate {@link BoardProfile#recordBytes()} per record) followed by IDF's, which from 5.1 only
 * swaps buffer and capacity and leaves the old record list in place until {@link #start}; {@code start}
 * clears records, counters and the overflow flag but keeps the high-water mark; a full buffer drops its
 * oldest record; a free matches the newest record of its address up to IDF 5.0 and the oldest from 5.1.
 * The real boards' hazards are reproduced: {@code resume()} before any {@code start()} crashes on the next
 * allocation, a dump after a second {@code init} walks the old list through freed memory. A crash shows up
 * as {@link #panic()}, a dump cut by the watchdog (opt-in) as {@link #lastDumpWasCut()}. Owned by the board
 * thread.
 */
public final class HeapTracer implements TraceControl {
    /** About 300 ms of text at the board's baud rate, 10 bits per character. */
    static final int WATCHDOG_MILLIS = 300;

    private enum StopState { UNKNOWN, STOPPED, TRACING }

    private final SimulatedHeap heap;
    private final BoardProfile profile;
    private final VirtualClock clock;
    private final DumpPrinter printer;
    private final TraceBuffer buffer;

    private int bufferAddress;
    private int capacity;
    private StopState state = StopState.UNKNOWN;
    private TraceMode mode = TraceMode.ALL; // IDF's static mode variable starts at 0, HEAP_TRACE_ALL
    private int totalAllocations;
    private int totalFrees;
    private boolean overflowed;
    private int highWaterMark;
    private boolean listSetUp;
    // a second init without start since: the list still lives in the old buffer, which NodeMCU freed
    private int staleBufferAddress;
    private boolean crashPending;
    private BoardPanic panic;
    private boolean lastDumpWasCut;

    public HeapTracer(SimulatedHeap heap, BoardProfile profile, VirtualClock clock) {
        this.heap = heap;
        this.profile = profile;
        this.clock = clock;
        this.printer = new DumpPrinter(profile.dialect());
        this.buffer = new TraceBuffer(profile.listBasedTrace());
    }

    @Override
    public int init(int records) {
        if (records <= 0) {
            return ESP_ERR_INVALID_ARG;
        }
        stop(); // heaptrace.c calls heap_trace_stop() first and ignores what it returns
        crashPending = false;
        if (bufferAddress != 0) {
            heap.free(bufferAddress);
            if (buffer.count() > 0 && staleBufferAddress == 0) {
                staleBufferAddress = bufferAddress;
            }
        }
        bufferAddress = 0;
        capacity = 0;
        long bytes = (long) records * profile.recordBytes();
        int address = bytes > Integer.MAX_VALUE ? 0 : heap.allocate((int) bytes);
        if (address == 0) {
            return ESP_ERR_NO_MEM;
        }
        bufferAddress = address;
        capacity = records;
        if (!profile.listBasedTrace()) {
            staleBufferAddress = buffer.count() > 0 ? address : 0; // IDF 4.4 zeroes the new buffer; count stays
        }
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
        listSetUp = true;
        staleBufferAddress = 0;
        crashPending = false;
        state = StopState.TRACING;
        return ESP_OK;
    }

    @Override
    public int stop() {
        if (state == StopState.TRACING || state == StopState.UNKNOWN && profile.firstStopSucceeds()) {
            state = StopState.STOPPED;
            crashPending = false;
            return ESP_OK;
        }
        state = StopState.STOPPED;
        return ESP_ERR_INVALID_STATE;
    }

    @Override
    public int resume() {
        if (state == StopState.TRACING) {
            return ESP_ERR_INVALID_STATE;
        }
        state = StopState.TRACING;
        // before any start the record lists were never built (or live in freed memory): the next traced
        // allocation dereferences them (IDF 4.4 only crashes before any init: its array was zeroed by init)
        boolean listsUnusable = profile.listBasedTrace() ? !listSetUp || staleBufferAddress != 0 : capacity == 0;
        crashPending = listsUnusable && profile.hazards().resumeBeforeStartCrashes();
        return ESP_OK;
    }

    @Override
    public boolean isTracing() {
        return state == StopState.TRACING;
    }

    /** Traces a successful allocation (ignored when not tracing or {@code address} is 0). */
    public void recordAllocation(int address, int sizeBytes, Region region, int cpu, int ccount, CallChain chain) {
        if (state != StopState.TRACING || address == 0 || panic != null) {
            return;
        }
        if (crashPending) {
            panic = BoardPanic.loadProhibited();
            crashPending = false;
            state = StopState.STOPPED;
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
    }

    /**
     * Traces a free: counted in {@code total frees} whenever tracing and the buffer is not empty,
     * even when no record matches (as IDF does); LEAKS removes the record, ALL marks it freed.
     */
    public void recordFree(int address, CallChain chain) {
        if (state != StopState.TRACING || address == 0 || panic != null || buffer.count() == 0) {
            return;
        }
        totalFrees++;
        if (mode == TraceMode.LEAKS) {
            buffer.removeMatching(address);
        } else {
            buffer.markFreed(address, truncate(chain));
        }
    }

    @Override
    public void dump(Appendable out) {
        lastDumpWasCut = false;
        boolean stale = staleBufferAddress != 0 && profile.hazards().dumpAfterReinitPrintsGarbage();
        String text = printer.print(stale ? staleSnapshot() : snapshot());
        if (profile.hazards().longDumpTripsWatchdog() && profile.dialect() != Dialect.A) {
            int budgetChars = watchdogBudgetChars();
            if (text.length() > budgetChars) {
                text = text.substring(0, budgetChars);
                lastDumpWasCut = true;
                panic = BoardPanic.interruptWatchdog();
                state = StopState.STOPPED;
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

    /**
     * What the board prints walking the record list of the buffer NodeMCU freed at the second init: records
     * whose memory the new (zeroed, {@code calloc}) buffer now covers read as empty and are skipped, and in
     * IDF 5.x their next pointer reads NULL, which ends the walk with the corruption error; records elsewhere
     * still hold what they held. Count, mode and totals are the old ones; the capacity is the new one.
     */
    private TraceSnapshot staleSnapshot() {
        List<Record> walked = new ArrayList<>();
        int newEnd = bufferAddress + capacity * profile.recordBytes();
        List<TraceBuffer.Entry> entries = buffer.entries();
        for (int i = 0; i < entries.size(); i++) {
            TraceBuffer.Entry entry = entries.get(i);
            int slot = profile.listBasedTrace() ? entry.slot : i; // IDF 4.4 keeps an array, index = position
            int at = staleBufferAddress + slot * profile.recordBytes();
            if (bufferAddress != 0 && at >= bufferAddress && at < newEnd) {
                walked.add(new Record(0, 0, null, 0, 0, CallChain.EMPTY, false, CallChain.EMPTY, 0)); // zeroed
                if (profile.listBasedTrace()) {
                    break; // its next pointer is NULL too
                }
            } else {
                walked.add(entry.record);
            }
        }
        return new TraceSnapshot(mode, profile.stackDepth(), buffer.count(), capacity, highWaterMark,
                totalAllocations, totalFrees, overflowed, walked);
    }
}
