package dev.heapscope.sim;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The virtual board against the real firmware's sources, one behaviour per test, each naming the line
 * it follows (simulator/FIRMWARE-FACTS.md has the details and commits). NM = nodemcu-firmware dev-esp32
 * 7c5bb151; IDF = esp-idf at the tag named.
 */
@Timeout(60)
class FirmwareFidelityTest {

    /** Types {@code lines} at a fresh board of {@code profile}; returns everything it printed after booting. */
    private static String session(String profile, String... lines) {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (SimulatedBoard board = SimulatedBoard.create(BoardProfile.load(profile))) {
            board.console().boot();
            board.console().addOutputListener(console::write);
            for (String line : lines) {
                board.console().receive((line + "\n").getBytes(StandardCharsets.ISO_8859_1));
                board.console().awaitIdle();
            }
        }
        return console.toString(StandardCharsets.ISO_8859_1);
    }

    /**
     * NM heaptrace.c:13 luaL_checkint → lua-5.3/lauxlib.c:447-462 "number has no integer representation";
     * luaL_error prefixes the position of the calling Lua code (luaL_where level 1).
     */
    @Test
    void initWithAFractionIsRefusedAsLua53sCheckintegerRefusesIt() {
        assertThat(session("esp32-devkitc", "heaptrace.init(1.5)"))
                .contains("Lua error: \tstdin:1: bad argument #1 to 'init' (number has no integer representation)");
    }

    /** IDF v5.1.3 heap_trace_standalone.c:145-152, 190-196: stop while not tracing is ESP_ERR_INVALID_STATE. */
    @Test
    void onIdf51StopFailsWhenNotTracingEvenTheFirstTime() {
        assertThat(session("esp32-devkitc", "heaptrace.stop()"))
                .contains("failed to stop heap tracing; code 259");
    }

    /**
     * IDF v5.5.5 heap_trace_standalone.c:31, 187-194: the state starts unknown, so only the first stop ever
     * succeeds; NM heaptrace.c:17 makes that first call inside init, so a stop after init already fails.
     */
    @Test
    void onIdf55StopFailsAfterInitAndOnASecondStopButNotTheVeryFirstTime() {
        assertThat(session("esp32-idf55", "heaptrace.stop()")).doesNotContain("Lua error");
        assertThat(session("esp32-idf55", "heaptrace.stop()", "heaptrace.stop()"))
                .contains("failed to stop heap tracing; code 259");
        assertThat(session("esp32-idf55", "heaptrace.init(10)", "heaptrace.stop()"))
                .contains("failed to stop heap tracing; code 259");
        assertThat(session("esp32-idf55", "heaptrace.init(10)", "heaptrace.start(heaptrace.TRACE_LEAKS)",
                "heaptrace.stop()")).doesNotContain("Lua error");
    }

    /** IDF esp_heap_trace.h per tag (v4.4.8:40-46, v5.1.3:33-45, v5.5.5:30-43): what init(n) takes from the heap. */
    @Test
    void aTraceBufferCostsTheRecordSizeOfItsIdfGeneration() {
        // the block also carries the allocator's few bytes of header
        assertThat(heapTakenByInit("esp32-idf44-legacy", 100)).isBetween(100L * (12 + 8 * 2), 100L * (12 + 8 * 2) + 16);
        assertThat(heapTakenByInit("esp32-devkitc", 100)).isBetween(100L * (20 + 8 * 8), 100L * (20 + 8 * 8) + 16);
        assertThat(heapTakenByInit("esp32-idf55", 100)).isBetween(100L * (24 + 8 * 8), 100L * (24 + 8 * 8) + 16);
    }

    private static long heapTakenByInit(String profile, int records) {
        try (SimulatedBoard board = SimulatedBoard.create(BoardProfile.load(profile))) {
            board.console().boot();
            board.console().receive("collectgarbage()\n".getBytes(StandardCharsets.ISO_8859_1));
            board.console().awaitIdle();
            long before = board.heap().freeBytes();
            board.console().receive(("heaptrace.init(" + records + ")\n").getBytes(StandardCharsets.ISO_8859_1));
            board.console().awaitIdle();
            return before - board.heap().freeBytes();
        }
    }

    /** IDF v5.1.3 heap_trace_standalone.c:198-204, 507-508: resume before any start dereferences a NULL list. */
    @Test
    void resumeBeforeStartTypedAtTheConsoleCrashesTheBoardAndItReboots() {
        String out = session("esp32-devkitc", "heaptrace.init(10)", "heaptrace.resume()", "t = {}", "=1 + 1");
        assertThat(out).contains("Guru Meditation Error: Core  0 panic'ed (LoadProhibited). Exception was unhandled.")
                .contains("rst:0xc (SW_CPU_RESET)").endsWith("2\n> ");
    }

    /** IDF v5.1.3 heap_trace_standalone.c:139-140, 305-312: a dump after a second init walks the freed list. */
    @Test
    void aDumpAfterASecondInitTypedAtTheConsolePrintsWhatIdf51Prints() {
        String out = session("esp32-devkitc", "heaptrace.init(10)", "heaptrace.start(heaptrace.TRACE_LEAKS)",
                "a = {} b = {}", "heaptrace.init(10)", "heaptrace.dump()");
        assertThat(out).contains("====== Heap Trace: ").contains("(10 capacity) ======\r\n\r\n"
                + "Error: heap trace linked list is corrupt. expected more records.\r\n");
    }

    /** NM node.c:195-200: node.restart() calls esp_restart() and never returns to the chunk. */
    @Test
    void nodeRestartDoesNotReturnToTheChunk() {
        String out = session("esp32-devkitc", "node.restart() print('after restart')");
        assertThat(out).contains("rst:0xc (SW_CPU_RESET)").doesNotContain("\nafter restart\n");
        assertThat(session("esp32-devkitc", "print(pcall(node.restart)) print('after restart')"))
                .doesNotContain("\nafter restart\n");
    }

    /** NM node.c:826-840: uptime returns the microseconds as a number, then the high part (0). */
    @Test
    void nodeUptimeReturnsMicrosecondsAndAHighPart() {
        assertThat(session("esp32-devkitc", "=select('#', node.uptime()), select(2, node.uptime())"))
                .contains("\n2\t0\n");
        assertThat(session("esp32-devkitc", "a = node.uptime()", "=node.uptime() > a")).contains("\ntrue\n");
    }

    /** NM lua-5.3/lua.c:245-246 with lua-5.1/luaconf.h:879-881: the legacy branch is a Lua 5.1 build. */
    @Test
    void theLegacyBoardSaysLua51AndEndsItsConsoleLinesWithCrLf() {
        try (SimulatedBoard board = SimulatedBoard.create(BoardProfile.load("esp32-idf44-legacy"))) {
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            board.console().addOutputListener(console::write);
            board.console().boot();
            board.console().receive("print('x')\n".getBytes(StandardCharsets.ISO_8859_1));
            board.console().awaitIdle();
            assertThat(console.toString(StandardCharsets.ISO_8859_1))
                    .contains("\r\nNodeMCU ESP32 build 2024-10-25 10:46 powered by Lua 5.1.4 [5.1-doublefp] on IDF v4.4.7\r\n")
                    .contains("cannot open init.lua: No such file or directory\r\n> ")
                    .endsWith("print('x')\r\nx\r\n> ");
        }
        assertThat(session("esp32-idf44-legacy", "=type(node.egc), node.egc.ALWAYS")).contains("table\t4");
        assertThat(session("esp32-devkitc", "=node.egc")).contains("\nnil\n");
    }
}
