package dev.heapscope.sim;

import dev.heapscope.sim.lib.TraceControl;
import dev.heapscope.model.Dialect;
import dev.heapscope.model.TraceMode;
import org.junit.jupiter.api.Test;

import static dev.heapscope.sim.HeapTracerTest.LUA;
import static dev.heapscope.sim.HeapTracerTest.boot;
import static dev.heapscope.sim.HeapTracerTest.dump;
import static org.assertj.core.api.Assertions.assertThat;

class HazardsTest {
    private static final BoardProfile SAFE = BoardProfile.defaults().withHazards(Hazards.NONE);
    private static final BoardProfile RISKY = BoardProfile.defaults().withHazards(Hazards.ALL);

    @Test
    void everyBuiltInProfileHasTheFirmwareBugsOn() {
        for (String name : BoardProfile.available()) {
            assertThat(BoardProfile.load(name).hazards().resumeBeforeStartCrashes()).isTrue();
            assertThat(BoardProfile.load(name).hazards().dumpAfterReinitPrintsGarbage()).isTrue();
        }
    }

    /** esp-idf v5.1.3 heap_trace_standalone.c:398-404, 477: before any init, count == capacity == 0 reads as overflow. */
    @Test
    void resumeBeforeAnyInitCrashesTheNextAllocationOnEveryGeneration() {
        for (String name : new String[]{"esp32-devkitc", "esp32-idf44-legacy", "esp32-idf55"}) {
            TracedHeap board = boot(BoardProfile.load(name));
            assertThat(board.tracer().resume()).isEqualTo(TraceControl.ESP_OK);
            board.allocate(16, LUA);
            assertThat(board.panic()).as(name).isPresent();
        }
    }

    /** esp-idf v4.4.8 heap_trace_standalone.c:54-63: init zeroes the array, so resume after it just traces. */
    @Test
    void onIdf44ResumeAfterInitIsHarmless() {
        TracedHeap board = boot(BoardProfile.load("esp32-idf44-legacy"));
        board.tracer().init(10);
        board.tracer().resume();
        board.allocate(16, LUA);
        assertThat(board.panic()).isEmpty();
        assertThat(board.tracer().snapshot().count()).isEqualTo(1);
    }

    @Test
    void resumeBeforeAnyStartCrashesTheNextAllocationWhenEnabled() {
        TracedHeap board = boot(RISKY);
        board.tracer().init(10);
        assertThat(board.tracer().resume()).isEqualTo(TraceControl.ESP_OK);
        assertThat(board.tracer().crashPending()).isTrue();
        assertThat(board.panic()).isEmpty();

        board.allocate(16, LUA);

        assertThat(board.panic()).hasValueSatisfying(panic -> assertThat(panic.guruMeditationLine())
                .isEqualTo("Guru Meditation Error: Core  0 panic'ed (LoadProhibited). Exception was unhandled."));
        assertThat(board.tracer().crashPending()).isFalse();
    }

    @Test
    void resumeAfterAStartIsSafeEvenWithHazardsEnabled() {
        TracedHeap board = boot(RISKY);
        board.tracer().init(10);
        board.tracer().start(TraceMode.LEAKS);
        board.tracer().stop();
        board.tracer().resume();
        board.allocate(16, LUA);

        assertThat(board.panic()).isEmpty();
        assertThat(board.tracer().snapshot().count()).isEqualTo(1);
    }

    @Test
    void resumeBeforeAnyStartJustTracesWhenTheHazardIsOff() {
        TracedHeap board = boot(SAFE);
        board.tracer().init(10);
        board.tracer().resume();
        assertThat(board.tracer().crashPending()).isFalse();
        board.allocate(16, LUA);

        assertThat(board.panic()).isEmpty();
        assertThat(board.tracer().snapshot().count()).isEqualTo(1);
    }

    /**
     * esp-idf v5.1.3 heap_trace_standalone.c:139-140 (init only swaps buffer and capacity) and 305-312 (the
     * dump walks {@code records.list}, skips records without an address, stops at a NULL link with the
     * corruption error): NodeMCU's second init freed the old buffer and calloc'ed the new one in its place,
     * so the old list's first record now reads as zeros.
     */
    @Test
    void aDumpBetweenASecondInitOfTheSameSizeAndTheNextStartHitsTheZeroedListAsIdf51Does() {
        TracedHeap board = boot(BoardProfile.defaults());
        board.tracer().init(10);
        board.tracer().start(TraceMode.LEAKS);
        for (int i = 0; i < 3; i++) {
            board.allocate(16, LUA);
        }
        board.tracer().init(10);

        assertThat(dump(board.tracer())).isEqualTo("====== Heap Trace: 3 records (10 capacity) ======\r\n"
                + "\r\nError: heap trace linked list is corrupt. expected more records.\r\n"
                + "====== Heap Trace Summary ======\r\n"
                + "Mode: Heap Trace Leaks\r\n"
                + "0 bytes 'leaked' in trace (0 allocations)\r\n"
                + "records: 3 (10 capacity, 3 high water mark)\r\n"
                + "total allocations: 3\r\n"
                + "total frees: 0\r\n"
                + "================================\r\n");

        board.tracer().start(TraceMode.LEAKS);
        assertThat(dump(board.tracer())).startsWith("====== Heap Trace: 0 records (10 capacity) ======\r\n");
    }

    /** The same walk when the new buffer went elsewhere: the freed old records still read as they were. */
    @Test
    void aDumpAfterALargerSecondInitPrintsTheStaleRecordsWithTheNewCapacity() {
        TracedHeap board = boot(BoardProfile.defaults());
        board.tracer().init(10);
        board.tracer().start(TraceMode.LEAKS);
        for (int i = 0; i < 3; i++) {
            board.allocate(16, LUA);
        }
        board.tracer().init(40);

        String text = dump(board.tracer());
        assertThat(text).startsWith("====== Heap Trace: 3 records (40 capacity) ======\r\n")
                .contains("48 bytes 'leaked' in trace (3 allocations)\r\n").doesNotContain("corrupt");
    }

    @Test
    void aDumpAfterASecondInitShowsTheOldRecordsWhenTheHazardIsOff() {
        TracedHeap board = boot(SAFE);
        board.tracer().init(10);
        board.tracer().start(TraceMode.LEAKS);
        board.allocate(16, LUA);
        board.tracer().init(10);

        assertThat(dump(board.tracer())).startsWith("====== Heap Trace: 1 records (10 capacity) ======\r\n")
                .contains("16 bytes 'leaked' in trace (1 allocations)").contains("total allocations: 1\r\n");
    }

    @Test
    void aLongDumpIsCutByTheInterruptWatchdogWhenEnabled() {
        TracedHeap board = boot(RISKY);
        board.tracer().init(100);
        board.tracer().start(TraceMode.LEAKS);
        for (int i = 0; i < 60; i++) {
            board.allocate(18, LUA);
        }

        String text = dump(board.tracer());

        assertThat(board.tracer().watchdogBudgetChars()).isEqualTo(3456);
        assertThat(text).hasSize(3456).doesNotContain("====== Heap Trace Summary");
        assertThat(text).doesNotEndWith("\r\n");
        assertThat(board.tracer().lastDumpWasCut()).isTrue();
        assertThat(board.panic()).hasValueSatisfying(panic -> assertThat(panic.guruMeditationLine())
                .isEqualTo("Guru Meditation Error: Core  1 panic'ed (Interrupt wdt timeout on CPU1)."));
    }

    @Test
    void aShortDumpIsNotCutEvenWithTheWatchdogEnabled() {
        TracedHeap board = boot(RISKY);
        board.tracer().init(100);
        board.tracer().start(TraceMode.LEAKS);
        board.allocate(18, LUA);

        assertThat(dump(board.tracer())).endsWith("================================\r\n");
        assertThat(board.tracer().lastDumpWasCut()).isFalse();
        assertThat(board.panic()).isEmpty();
    }

    @Test
    void longDumpsRunToTheEndWhenTheHazardIsOffOrTheDialectIsA() {
        for (BoardProfile profile : new BoardProfile[]{SAFE, RISKY.withDialect(Dialect.A)}) {
            TracedHeap board = boot(profile);
            board.tracer().init(100);
            board.tracer().start(TraceMode.LEAKS);
            for (int i = 0; i < 60; i++) {
                board.allocate(18, LUA);
            }

            String text = dump(board.tracer());
            assertThat(text.length()).isGreaterThan(3456);
            assertThat(text).contains("total frees");
            assertThat(board.tracer().lastDumpWasCut()).isFalse();
            assertThat(board.panic()).isEmpty();
        }
    }
}
