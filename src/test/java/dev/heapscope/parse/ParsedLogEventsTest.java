package dev.heapscope.parse;

import dev.heapscope.model.BoardEvent;
import dev.heapscope.model.BoardEvent.Kind;
import dev.heapscope.model.LineEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The parser pass keeps every board event with the line it was on: nothing downstream reads the text again. */
class ParsedLogEventsTest {
    private static final String ESC = "\u001b";

    private static List<Object> kindsAndLines(ParsedLog log) {
        return log.events().stream().map(e -> (Object) tuple(e.kind(), e.lineNumber())).toList();
    }

    @Test
    void everyKindIsKeptWithTheLineItWasOnWhateverTheLineEnds() {
        // one event per line, with LF, CRLF and a bare CR mixed, noise and a dump between them
        String log = "ets Jul 29 2019 12:21:46\r\n"                                           // 1
                + "rst:0x1 (POWERON_RESET),boot:0x13 (SPI_FAST_FLASH_BOOT)\r\n"               // 2 reset
                + "I (331) app_init: ELF file SHA256:  65db5482827bce52...\n"                  // 3 digest in a log line
                + ESC + "[0;32mI (392) main_task: Started on CPU0" + ESC + "[0m\n"              // 4 log line: not kept
                + "NodeMCU ESP32 build 2024-10-25 powered by Lua 5.3.5 [5.3-int32-singlefp] on IDF v5.1.3\r" // 5 banner
                + "> heaptrace.dump()\n"                                                        // 6
                + "====== Heap Trace: 1 records (200 capacity) ======\r\n"                       // 7
                + "    40 bytes (@ 0x3ffc8a30, Internal) allocated CPU 0 ccount 0x1c2f6a40 caller 0x400e1a2c:\r\n" // 8
                + "Lua error: \tstdin:1: attempt to call a nil value (global 'x')\n"           // 9 Lua error
                + "abort() was called at PC 0x400d2f3b on core 0\n"                             // 10 crash
                + "\n"                                                                          // 11
                + "Backtrace: 0x4008a1b3:0x3ffbe0c0 0x4008b3c2:0x3ffbe0f0 |<-CORRUPTED\n"       // 12 backtrace
                + "Rebooting...\r\n"                                                            // 13 rebooting
                + "Brownout detector was triggered\r\n"                                         // 14 brownout (IDF 4)
                + "I (1203) BOD: Brownout detector was triggered\r\n"                           // 15 brownout (IDF 5)
                + "Guru Meditation Error: Core  1 panic'ed (LoadProhibited). Exception was unhandled.\n" // 16 crash
                + "> ";

        ParsedLog parsed = new LogParser().parse(log);

        assertThat(kindsAndLines(parsed)).containsExactly(tuple(Kind.RESET, 2L), tuple(Kind.ELF_SHA256, 3L),
                tuple(Kind.BANNER, 5L), tuple(Kind.LUA_ERROR, 9L), tuple(Kind.CRASH, 10L), tuple(Kind.BACKTRACE, 12L),
                tuple(Kind.REBOOTING, 13L), tuple(Kind.BROWNOUT, 14L), tuple(Kind.BROWNOUT, 15L), tuple(Kind.CRASH, 16L));
        assertThat(parsed.events(Kind.ELF_SHA256)).extracting(LineEvent::event)
                .containsExactly(new BoardEvent.ElfSha256("65db5482827bce52"));
        assertThat(parsed.events(Kind.BANNER)).extracting(LineEvent::event)
                .containsExactly(new BoardEvent.Banner("2024-10-25", "5.3.5", "5.3-int32-singlefp", "5.1.3"));
        assertThat(parsed.events(Kind.CRASH)).extracting(LineEvent::event).containsExactly(
                new BoardEvent.Crash(0, "abort() was called at PC 0x400d2f3b", ""),
                new BoardEvent.Crash(1, "LoadProhibited", ""));
        assertThat(parsed.dumps()).hasSize(1); // the events took nothing from the dumps
        assertThat(parsed.eventsLeftOut()).isEmpty();
    }

    @Test
    void thePanicSampleTellsItsWholeStoryLineByLine() {
        ParsedLog parsed = TestLogs.parse("shared/incomplete-dump-panic-reboot.log");

        assertThat(kindsAndLines(parsed)).containsExactly(tuple(Kind.CRASH, 5L), tuple(Kind.BACKTRACE, 9L),
                tuple(Kind.ELF_SHA256, 11L), tuple(Kind.REBOOTING, 13L), tuple(Kind.RESET, 16L), tuple(Kind.BANNER, 19L));
        BoardEvent.Crash crash = (BoardEvent.Crash) parsed.events(Kind.CRASH).get(0).event();
        assertThat(crash.textBefore()).startsWith("    18 bytes (@ 0x3ffc1a50"); // spliced onto the cut record
        assertThat(parsed.dumps().get(0).lastLine()).isLessThanOrEqualTo(5);
    }

    @Test
    void theSessionSampleHasItsBannerAndItsLuaErrorButNoLogLine() {
        ParsedLog parsed = TestLogs.parse("shared/nodemcu-session-idf51.log");

        assertThat(kindsAndLines(parsed)).containsExactly(tuple(Kind.BANNER, 2L), tuple(Kind.LUA_ERROR, 18L));
    }

    @Test
    void aBrownoutAndAPanicOnAnIdf4BoardAreReadEventByEvent() {
        ParsedLog parsed = TestLogs.parse("board-events.log");

        assertThat(kindsAndLines(parsed)).containsExactly(tuple(Kind.RESET, 3L), tuple(Kind.ELF_SHA256, 6L),
                tuple(Kind.BANNER, 8L), tuple(Kind.BROWNOUT, 12L), tuple(Kind.RESET, 16L), tuple(Kind.ELF_SHA256, 17L),
                tuple(Kind.BANNER, 19L), tuple(Kind.LUA_ERROR, 22L), tuple(Kind.CRASH, 26L), tuple(Kind.BACKTRACE, 28L),
                tuple(Kind.ELF_SHA256, 30L), tuple(Kind.REBOOTING, 32L), tuple(Kind.RESET, 35L), tuple(Kind.BANNER, 37L));
        assertThat(parsed.events(Kind.RESET)).extracting(e -> ((BoardEvent.Reset) e.event()).reason())
                .containsExactly("POWERON_RESET", "BROWNOUT_RST", "SW_CPU_RESET");
        assertThat(parsed.lines()).isEqualTo(39); // the prompt after the last line end is a line of its own
    }

    @ParameterizedTest
    @ValueSource(strings = {"shared/dialect-a-idf44-leaks.log", "shared/dialect-b-all-psram-overflow.log",
            "shared/dialect-c-idf55-freed.log", "shared/01-espressif-docs-v4-xtensa-leaks.txt"})
    void dumpsWithOnlyLogNoiseAroundThemHaveNoBoardEvents(String sample) {
        assertThat(TestLogs.parse(sample).events()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"shared/incomplete-dump-panic-reboot.log", "shared/nodemcu-session-idf51.log", "board-events.log"})
    void eachEventIsWhatItsOwnLineSays(String sample) {
        String text = TestLogs.text(sample);
        String[] lines = text.split("\r\n|\r|\n", -1);
        ParsedLog parsed = new LogParser().parse(text);

        for (LineEvent event : parsed.events()) {
            assertThat(BoardEventDetector.detect(lines[(int) event.lineNumber() - 1])).contains(event.event());
        }
    }

    @Test
    void aNoisyKindIsCappedWithoutCrowdingOutTheRareOnes() {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < BoardEvents.MAX_PER_KIND + 5; i++) {
            log.append("Lua error: \tstdin:1: tick ").append(i).append('\n');
        }
        log.append("rst:0xf (BROWNOUT_RST),boot:0x13 (SPI_FAST_FLASH_BOOT)\n");

        ParsedLog parsed = new LogParser().parse(log.toString());

        assertThat(parsed.events(Kind.LUA_ERROR)).hasSize(BoardEvents.MAX_PER_KIND);
        assertThat(parsed.eventsLeftOut()).isEqualTo(Map.of(Kind.LUA_ERROR, 5L));
        assertThat(parsed.events(Kind.RESET)).singleElement()
                .satisfies(reset -> assertThat(reset.lineNumber()).isEqualTo(BoardEvents.MAX_PER_KIND + 6L));
    }
}
