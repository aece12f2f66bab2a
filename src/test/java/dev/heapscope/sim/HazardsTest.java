package dev.heapscope.sim;

import dev.heapscope.model.Dialect;
import dev.heapscope.model.TraceMode;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.heapscope.sim.HeapTracerTest.LUA;
import static dev.heapscope.sim.HeapTracerTest.boot;
import static dev.heapscope.sim.HeapTracerTest.dump;
import static org.assertj.core.api.Assertions.assertThat;

class HazardsTest {
    private static final BoardProfile SAFE = BoardProfile.defaults();
    private static final BoardProfile RISKY = SAFE.withHazards(Hazards.ALL);

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

    @Test
    void aDumpBetweenASecondInitAndTheNextStartPrintsGarbageWhenEnabled() {
        TracedHeap board = boot(RISKY);
        Set<String> ours = new HashSet<>();
        board.tracer().init(10);
        board.tracer().start(TraceMode.LEAKS);
        for (int i = 0; i < 3; i++) {
            ours.add(String.format("0x%08x", board.allocate(16, LUA)));
        }
        board.tracer().init(10);

        String text = dump(board.tracer());
        assertThat(text).startsWith("====== Heap Trace: 3 records (10 capacity) ======\r\n");
        Matcher addresses = Pattern.compile("bytes \\(@ (0x[0-9a-f]{8})").matcher(text);
        int printed = 0;
        while (addresses.find()) {
            assertThat(ours).doesNotContain(addresses.group(1));
            printed++;
        }
        assertThat(printed).isBetween(1, 3);
        if (printed < 3) {
            assertThat(text).contains("\r\n\r\nError: heap trace linked list is corrupt. expected more records.\r\n");
        }

        board.tracer().start(TraceMode.LEAKS);
        assertThat(dump(board.tracer())).startsWith("====== Heap Trace: 0 records (10 capacity) ======\r\n");
    }

    @Test
    void aDumpAfterASecondInitIsEmptyWhenTheHazardIsOff() {
        TracedHeap board = boot(SAFE);
        board.tracer().init(10);
        board.tracer().start(TraceMode.LEAKS);
        board.allocate(16, LUA);
        board.tracer().init(10);

        assertThat(dump(board.tracer())).startsWith("====== Heap Trace: 0 records (10 capacity) ======\r\n")
                .contains("total allocations: 1\r\n");
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
