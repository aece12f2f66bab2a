package dev.heapscope.sim;

import dev.heapscope.sim.lib.VirtualClock;
import dev.heapscope.sim.lib.TraceControl;
import dev.heapscope.model.CallChain;
import dev.heapscope.model.Record;
import dev.heapscope.model.Region;
import dev.heapscope.model.TraceMode;
import org.junit.jupiter.api.Test;

import static dev.heapscope.sim.lib.TraceControl.ESP_ERR_INVALID_ARG;
import static dev.heapscope.sim.lib.TraceControl.ESP_ERR_INVALID_STATE;
import static dev.heapscope.sim.lib.TraceControl.ESP_ERR_NO_MEM;
import static dev.heapscope.sim.lib.TraceControl.ESP_OK;
import static org.assertj.core.api.Assertions.assertThat;

class HeapTracerTest {
    static final CallChain LUA = CallChain.of(0x400e1a2c, 0x400e1d50, 0x400f3c12);
    static final CallChain TIMER = CallChain.of(0x400d2e10, 0x400d3a44, 0x4008c2f0, 0x400d0001, 0x400d0002,
            0x400d0003, 0x400d0004, 0x400d0005);
    static final CallChain GC = CallChain.of(0x400e2000, 0x400e2100);

    private final TracedHeap board = boot(BoardProfile.defaults());
    private final HeapTracer tracer = board.tracer();

    static TracedHeap boot(BoardProfile profile) {
        return TracedHeap.boot(profile, new VirtualClock(profile.cpuMhz()));
    }

    static String dump(HeapTracer tracer) {
        StringBuilder out = new StringBuilder();
        tracer.dump(out);
        return out.toString();
    }

    @Test
    void aLeaksSessionOnTheDefaultBoardDumpsExactlyAsTheFirmware() {
        assertThat(tracer.init(10)).isEqualTo(ESP_OK);
        assertThat(tracer.start(TraceMode.LEAKS)).isEqualTo(ESP_OK);
        int first = board.allocate(40, LUA);
        board.allocate(24, TIMER);
        board.free(first, GC);
        board.allocate(16, LUA);

        assertThat(dump(tracer)).isEqualTo(""
                + "====== Heap Trace: 2 records (10 capacity) ======\r\n"
                + "    24 bytes (@ 0x3ffaea5c, Internal) allocated CPU 0 ccount 0x00000280 caller "
                + "0x400d2e10:0x400d3a44:0x4008c2f0:0x400d0001:0x400d0002:0x400d0003:0x400d0004:0x400d0005\r\n"
                + "    16 bytes (@ 0x3ffaea30, Internal) allocated CPU 0 ccount 0x00000500 caller "
                + "0x400e1a2c:0x400e1d50:0x400f3c12:\r\n"
                + "====== Heap Trace Summary ======\r\n"
                + "Mode: Heap Trace Leaks\r\n"
                + "40 bytes 'leaked' in trace (2 allocations)\r\n"
                + "records: 2 (10 capacity, 2 high water mark)\r\n"
                + "total allocations: 3\r\n"
                + "total frees: 1\r\n"
                + "================================\r\n");
    }

    @Test
    void startBeforeAnyInitFailsWithInvalidState() {
        assertThat(tracer.start(TraceMode.LEAKS)).isEqualTo(ESP_ERR_INVALID_STATE);
        assertThat(tracer.isTracing()).isFalse();
    }

    @Test
    void startWithoutAModeIsAnInvalidArgument() {
        tracer.init(5);
        assertThat(tracer.start(null)).isEqualTo(ESP_ERR_INVALID_ARG);
    }

    @Test
    void stopWhenNotTracingFailsWithInvalidStateUpToIdf53() {
        assertThat(tracer.stop()).isEqualTo(ESP_ERR_INVALID_STATE);
        tracer.init(5);
        tracer.start(TraceMode.ALL);
        assertThat(tracer.stop()).isEqualTo(ESP_OK);
        assertThat(tracer.stop()).isEqualTo(ESP_ERR_INVALID_STATE);

        HeapTracer idf55 = boot(BoardProfile.load("esp32-idf55")).tracer();
        assertThat(idf55.stop()).isEqualTo(ESP_OK);
    }

    @Test
    void resumeWhileTracingFailsWithInvalidState() {
        tracer.init(5);
        tracer.start(TraceMode.LEAKS);
        assertThat(tracer.resume()).isEqualTo(ESP_ERR_INVALID_STATE);
        tracer.stop();
        assertThat(tracer.resume()).isEqualTo(ESP_OK);
        assertThat(tracer.isTracing()).isTrue();
    }

    @Test
    void initWithNoRecordsIsAnInvalidArgument() {
        assertThat(tracer.init(0)).isEqualTo(ESP_ERR_INVALID_ARG);
        assertThat(tracer.init(-3)).isEqualTo(ESP_ERR_INVALID_ARG);
    }

    @Test
    void initBeyondTheFreeHeapIsNoMemoryAndLeavesNoBuffer() {
        tracer.init(10);
        assertThat(tracer.init(100_000)).isEqualTo(ESP_ERR_NO_MEM);
        assertThat(tracer.init(Integer.MAX_VALUE)).isEqualTo(ESP_ERR_NO_MEM);
        assertThat(tracer.capacity()).isZero();
        assertThat(tracer.start(TraceMode.LEAKS)).isEqualTo(ESP_ERR_INVALID_STATE);
        assertThat(board.freeBytes()).isEqualTo(board.heap().totalBytes());
    }

    @Test
    void theRecordBufferComesOutOfTheHeap() {
        long atBoot = board.freeBytes();
        tracer.init(200);
        long recordBytes = 20 + 8 * 8;
        assertThat(atBoot - board.freeBytes()).isEqualTo(200 * recordBytes + HeapRegion.HEADER_BYTES);
        assertThat(tracer.bufferBytes()).isEqualTo(200 * recordBytes);

        tracer.init(10);
        assertThat(atBoot - board.freeBytes()).isEqualTo(10 * recordBytes + HeapRegion.HEADER_BYTES);
    }

    /** esp-idf v5.1.3 heap_trace_standalone.c:129-143: init stores buffer and capacity, nothing else. */
    @Test
    void initStopsTracingAndKeepsTheCountersAndTheOldListUntilStart() {
        tracer.init(5);
        tracer.start(TraceMode.LEAKS);
        board.allocate(10, LUA);
        board.allocate(10, LUA);
        assertThat(tracer.init(8)).isEqualTo(ESP_OK);

        assertThat(tracer.isTracing()).isFalse();
        TraceSnapshot after = tracer.snapshot();
        assertThat(after.totalAllocations()).isEqualTo(2);
        assertThat(after.capacity()).isEqualTo(8);
        assertThat(after.count()).isEqualTo(2);
        tracer.start(TraceMode.LEAKS);
        assertThat(tracer.snapshot().count()).isZero();
    }

    @Test
    void startClearsRecordsAndCountersButKeepsTheHighWaterMark() {
        tracer.init(10);
        tracer.start(TraceMode.LEAKS);
        for (int i = 0; i < 4; i++) {
            board.allocate(8, LUA);
        }
        board.free(board.allocate(8, LUA), GC);
        assertThat(tracer.start(TraceMode.LEAKS)).isEqualTo(ESP_OK); // while running: resets and goes on
        assertThat(tracer.isTracing()).isTrue();
        board.allocate(8, LUA);

        TraceSnapshot snapshot = tracer.snapshot();
        assertThat(snapshot.count()).isEqualTo(1);
        assertThat(snapshot.totalAllocations()).isEqualTo(1);
        assertThat(snapshot.totalFrees()).isZero();
        assertThat(snapshot.highWaterMark()).isEqualTo(5);
        assertThat(dump(tracer)).contains("records: 1 (10 capacity, 5 high water mark)\r\n");
    }

    @Test
    void aFullBufferDropsTheOldestRecordAndSetsTheOverflowNote() {
        tracer.init(3);
        tracer.start(TraceMode.LEAKS);
        int[] addresses = new int[5];
        for (int i = 0; i < 5; i++) {
            addresses[i] = board.allocate(10 + i, LUA);
        }

        TraceSnapshot snapshot = tracer.snapshot();
        assertThat(snapshot.records()).extracting(Record::address).containsExactly(addresses[2], addresses[3], addresses[4]);
        assertThat(snapshot.overflowed()).isTrue();
        assertThat(snapshot.totalAllocations()).isEqualTo(5);
        assertThat(dump(tracer)).contains("(NB: Internal Buffer has overflowed, so trace data is incomplete.)\r\n"
                + "================================\r\n");

        tracer.start(TraceMode.LEAKS);
        assertThat(tracer.snapshot().overflowed()).isFalse();
    }

    @Test
    void everyFreeCountsEvenOfMemoryNeverTracedUnlessTheBufferIsEmpty() {
        int before = board.allocate(100, LUA);
        int other = board.allocate(100, LUA);
        tracer.init(10);
        tracer.start(TraceMode.LEAKS);
        board.free(before, GC); // buffer empty: not counted
        assertThat(tracer.snapshot().totalFrees()).isZero();

        int traced = board.allocate(20, LUA);
        board.free(other, GC);
        TraceSnapshot snapshot = tracer.snapshot();
        assertThat(snapshot.totalFrees()).isEqualTo(1);
        assertThat(snapshot.records()).extracting(Record::address).containsExactly(traced);
    }

    @Test
    void leaksModeRemovesTheFreedRecord() {
        tracer.init(10);
        tracer.start(TraceMode.LEAKS);
        int kept = board.allocate(30, LUA);
        board.free(board.allocate(40, LUA), GC);

        assertThat(tracer.snapshot().records()).extracting(Record::address).containsExactly(kept);
    }

    @Test
    void allModeMarksTheFreedRecordWithTheFreeingChainAndKeepsIt() {
        tracer.init(10);
        tracer.start(TraceMode.ALL);
        int freed = board.allocate(40, LUA);
        board.allocate(30, LUA);
        board.free(freed, GC);

        TraceSnapshot snapshot = tracer.snapshot();
        assertThat(snapshot.records()).hasSize(2);
        assertThat(snapshot.records().get(0).freed()).isTrue();
        assertThat(snapshot.records().get(0).freedBy()).isEqualTo(GC);
        assertThat(snapshot.records().get(1).freed()).isFalse();
        assertThat(dump(tracer))
                .contains("freed by 0x400e2000:0x400e2100:0x00000000:0x00000000:0x00000000:0x00000000:0x00000000:0x00000000\r\n")
                .contains("30 bytes alive in trace (1/2 allocations)\r\n")
                .contains("Mode: Heap Trace All\r\n");
    }

    @Test
    void reallocIsTracedAsAFreeAndAnAllocationWithTheSameChain() {
        tracer.init(10);
        tracer.start(TraceMode.ALL);
        int old = board.allocate(100, LUA);
        board.allocate(16, LUA); // pins the block so the realloc must move
        int moved = board.reallocate(old, 3000, TIMER);

        TraceSnapshot snapshot = tracer.snapshot();
        assertThat(moved).isNotEqualTo(old).isNotZero();
        assertThat(snapshot.totalAllocations()).isEqualTo(3);
        assertThat(snapshot.totalFrees()).isEqualTo(1);
        Record freedOld = snapshot.records().get(0);
        Record newBlock = snapshot.records().get(2);
        assertThat(freedOld.freedBy()).isEqualTo(TIMER);
        assertThat(newBlock.address()).isEqualTo(moved);
        assertThat(newBlock.sizeBytes()).isEqualTo(3000);
        assertThat(newBlock.caller()).isEqualTo(TIMER);
    }

    /**
     * esp-idf v5.1.3 components/heap/include/heap_trace.inc:133-139: {@code trace_realloc} records the free
     * of the old block before the real realloc runs, so even a realloc that fails loses its record; a failed
     * allocation records nothing.
     */
    @Test
    void aFailedReallocStillRecordsTheFreeAndAFailedAllocationRecordsNothing() {
        tracer.init(10);
        tracer.start(TraceMode.LEAKS);
        int address = board.allocate(100, LUA);
        assertThat(board.reallocate(address, 10_000_000, LUA)).isZero();
        assertThat(board.allocate(10_000_000, LUA)).isZero();

        TraceSnapshot snapshot = tracer.snapshot();
        assertThat(snapshot.totalAllocations()).isEqualTo(1);
        assertThat(snapshot.totalFrees()).isEqualTo(1);
        assertThat(snapshot.records()).isEmpty();
        assertThat(board.heap().sizeOf(address)).isPositive(); // the block itself is still there
    }

    @Test
    void chainsLongerThanTheDepthKeepTheirInnermostFrames() {
        TracedHeap legacy = boot(BoardProfile.load("esp32-idf44-legacy"));
        legacy.tracer().init(5);
        legacy.tracer().start(TraceMode.LEAKS);
        legacy.allocate(12, TIMER);

        // 5 records of 12 + 8·2 bytes (esp-idf v4.4.8 esp_heap_trace.h:40-46) take the first 140-byte block
        // at 0x3ffae6e0
        assertThat(legacy.tracer().snapshot().records().get(0).caller())
                .isEqualTo(CallChain.of(0x400d2e10, 0x400d3a44));
        assertThat(dump(legacy.tracer())).startsWith("1 allocations trace (5 entry buffer)\r\n"
                + "12 bytes (@ 0x3ffae774) allocated CPU 0 ccount 0x00000140 caller 0x400d2e10:0x400d3a44\r\n");
    }

    @Test
    void stoppedTracingRecordsNothingAndResumeKeepsWhatWasThere() {
        tracer.init(10);
        tracer.start(TraceMode.LEAKS);
        board.allocate(10, LUA);
        tracer.stop();
        board.allocate(10, LUA);
        tracer.resume();
        board.allocate(10, LUA);

        assertThat(tracer.snapshot().count()).isEqualTo(2);
        assertThat(tracer.snapshot().totalAllocations()).isEqualTo(2);
    }

    @Test
    void ccountsGrowAndPsramBlocksAreLabelled() {
        TracedHeap wrover = boot(BoardProfile.load("esp32-wrover"));
        wrover.tracer().init(10);
        wrover.tracer().start(TraceMode.LEAKS);
        wrover.allocate(100, LUA);
        wrover.allocate(40_000, LUA);
        wrover.allocate(100, LUA, 1);

        var records = wrover.tracer().snapshot().records();
        assertThat(records.get(1).ccountUnsigned()).isGreaterThan(records.get(0).ccountUnsigned());
        assertThat(records).extracting(Record::region).containsExactly(Region.INTERNAL, Region.PSRAM, Region.INTERNAL);
        assertThat(records.get(2).cpu()).isEqualTo(1);
        assertThat(dump(wrover.tracer())).contains(" 40000 bytes (@ 0x3f800004,    PSRAM) allocated CPU 0 ");
    }

    @Test
    void aDumpBeforeAnyStartReportsAllModeAsTheFirmwareDefault() {
        tracer.init(4);
        assertThat(dump(tracer)).isEqualTo(""
                + "====== Heap Trace: 0 records (4 capacity) ======\r\n"
                + "====== Heap Trace Summary ======\r\n"
                + "Mode: Heap Trace All\r\n"
                + "0 bytes alive in trace (0/0 allocations)\r\n"
                + "records: 0 (4 capacity, 0 high water mark)\r\n"
                + "total allocations: 0\r\n"
                + "total frees: 0\r\n"
                + "================================\r\n");
    }

    @Test
    void aDumpTakesVirtualTimeAtTheBoardsBaudRate() {
        tracer.init(4);
        long before = board.clock().nowMicros();
        String text = dump(tracer);
        assertThat(board.clock().nowMicros() - before).isEqualTo(text.length() * 10_000_000L / 115_200);
    }
}
