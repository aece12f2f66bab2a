package dev.heapscope.sim;

import dev.heapscope.parse.LogParser;
import dev.heapscope.model.Dump;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The real boards' heaptrace hazards, switched on in a profile, end as they do on hardware. */
class BoardHazardsTest {

    private static String type(SimulatedBoard board, String... lines) {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        board.console().addOutputListener(console::write);
        board.console().boot();
        for (String line : lines) {
            board.console().receive((line + "\n").getBytes(StandardCharsets.ISO_8859_1));
            board.console().awaitIdle();
        }
        return console.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void resumeBeforeStartCrashesOnTheNextAllocationAndTheBoardReboots() {
        BoardProfile profile = BoardProfile.load("esp32-devkitc").withHazards(new Hazards(true, false, false));
        try (SimulatedBoard board = SimulatedBoard.create(profile)) {
            String out = type(board, "heaptrace.init(10)", "heaptrace.resume()", "t = {}", "=1 + 1");
            assertThat(out).contains("Guru Meditation Error: Core  0 panic'ed (LoadProhibited). Exception was unhandled.")
                    .contains("Rebooting...")
                    .contains("rst:0xc (SW_CPU_RESET)");
            assertThat(out.indexOf("NodeMCU ESP32 build", out.indexOf("Rebooting..."))).isPositive();
            assertThat(out).endsWith("2\n> ");
        }
    }

    @Test
    void withoutTheHazardResumeBeforeStartJustTraces() {
        try (SimulatedBoard board = SimulatedBoard.create(BoardProfile.load("esp32-devkitc").withHazards(Hazards.NONE))) {
            String out = type(board, "heaptrace.init(10)", "heaptrace.resume()", "t = {}");
            assertThat(out).doesNotContain("Guru Meditation");
        }
    }

    @Test
    void aLongDumpAt115200TripsTheWatchdogMidLineAndLeavesAnIncompleteDump() {
        BoardProfile profile = BoardProfile.load("esp32-devkitc").withHazards(new Hazards(false, false, true));
        try (SimulatedBoard board = SimulatedBoard.create(profile)) {
            String out = type(board, "heaptrace.init(100)", "heaptrace.start(heaptrace.TRACE_LEAKS)",
                    "keep = {} for i = 1, 80 do keep[i] = {i} end", "heaptrace.dump()");
            assertThat(out).contains("Interrupt wdt timeout on CPU1");
            Dump dump = new LogParser().parse(out).dumps().get(0);
            assertThat(dump.complete()).isFalse();
            assertThat(dump.records()).isNotEmpty();
            assertThat(dump.records().size()).isLessThan(dump.header().records());
        }
    }
}
