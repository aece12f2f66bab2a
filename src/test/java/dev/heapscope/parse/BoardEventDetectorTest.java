package dev.heapscope.parse;

import dev.heapscope.model.BoardEvent;
import dev.heapscope.model.BoardEvent.Backtrace;
import dev.heapscope.model.BoardEvent.Banner;
import dev.heapscope.model.BoardEvent.Crash;
import dev.heapscope.model.BoardEvent.ElfSha256;
import dev.heapscope.model.BoardEvent.LogLine;
import dev.heapscope.model.BoardEvent.LuaError;
import dev.heapscope.model.BoardEvent.Rebooting;
import dev.heapscope.model.BoardEvent.Reset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class BoardEventDetectorTest {
    private static final String ESC = "\u001b";

    private static BoardEvent detect(String line) {
        return BoardEventDetector.detect(line).orElseThrow(() -> new AssertionError("no event in: " + line));
    }

    @Test
    void theBootBannerGivesLuaAndIdfVersions() {
        assertThat(detect("NodeMCU ESP32 build 2024-10-25 powered by Lua 5.3.5 [5.3-int32-singlefp] on IDF v5.1.3"))
                .isEqualTo(new Banner("2024-10-25", "5.3.5", "5.3-int32-singlefp", "5.1.3"));
        assertThat(detect("NodeMCU ESP32 build unspecified powered by Lua 5.1.4 on IDF v4.4.7-dirty"))
                .isEqualTo(new Banner("unspecified", "5.1.4", "", "4.4.7-dirty"));
    }

    @Test
    void theRomResetLineGivesReasonAndBootMode() {
        assertThat(detect("rst:0xc (SW_CPU_RESET),boot:0x13 (SPI_FAST_FLASH_BOOT)"))
                .isEqualTo(new Reset(0xc, "SW_CPU_RESET", 0x13, "SPI_FAST_FLASH_BOOT"));
        assertThat(detect("rst:0x1 (POWERON_RESET),boot:0x13 (SPI_FAST_FLASH_BOOT)\r"))
                .isEqualTo(new Reset(1, "POWERON_RESET", 0x13, "SPI_FAST_FLASH_BOOT"));
        assertThat(detect("rst:0x10 (RTCWDT_RTC_RESET)")).isEqualTo(new Reset(0x10, "RTCWDT_RTC_RESET", -1, ""));
    }

    @Test
    void aBrownoutIsSeenBareAsIdf4PrintsItAndAsTheLogLineOfIdf5() {
        assertThat(detect("Brownout detector was triggered")).isEqualTo(new BoardEvent.Brownout());
        assertThat(detect(ESC + "[0;32mI (1203) BOD: Brownout detector was triggered" + ESC + "[0m"))
                .isEqualTo(new BoardEvent.Brownout());
        assertThat(BoardEventDetector.detect("> print(\"Brownout detector was triggered\")")).isEmpty();
    }

    @Test
    void rebootingIsItsOwnEvent() {
        assertThat(detect("Rebooting...")).isEqualTo(new Rebooting());
    }

    @Test
    void aGuruMeditationGivesCoreAndReason() {
        assertThat(detect("Guru Meditation Error: Core  1 panic'ed (Interrupt wdt timeout on CPU1)."))
                .isEqualTo(new Crash(1, "Interrupt wdt timeout on CPU1", ""));
        assertThat(detect("Guru Meditation Error: Core  0 panic'ed (LoadProhibited). Exception was unhandled."))
                .isEqualTo(new Crash(0, "LoadProhibited", ""));
    }

    @Test
    void aCrashSplicedOntoACutDumpLineKeepsTheTextBeforeIt() {
        Crash crash = (Crash) detect("    18 bytes (@ 0x3ffc1a50, Internal) allocated CPU 0"
                + "Guru Meditation Error: Core  1 panic'ed (Interrupt wdt timeout on CPU1).");

        assertThat(crash.core()).isEqualTo(1);
        assertThat(crash.reason()).isEqualTo("Interrupt wdt timeout on CPU1");
        assertThat(crash.textBefore()).isEqualTo("    18 bytes (@ 0x3ffc1a50, Internal) allocated CPU 0");
    }

    @Test
    void anAbortIsACrashToo() {
        assertThat(detect("abort() was called at PC 0x400d2f3b on core 0"))
                .isEqualTo(new Crash(0, "abort() was called at PC 0x400d2f3b", ""));
    }

    @Test
    void aBacktraceGivesItsProgramCounters() {
        assertThat(detect("Backtrace: 0x4008a1b3:0x3ffbe0c0 0x4008b3c2:0x3ffbe0f0"))
                .isEqualTo(new Backtrace(List.of(0x4008a1b3L, 0x4008b3c2L), false));
        assertThat(detect("Backtrace:0x400d1234:0x3ffb0000 0x400d5678:0x3ffb0020 |<-CORRUPTED"))
                .isEqualTo(new Backtrace(List.of(0x400d1234L, 0x400d5678L), true));
    }

    @Test
    void theElfDigestIsFoundInBothForms() {
        assertThat(detect("ELF file SHA256: 3ab1c0f2e9d8a7b6")).isEqualTo(new ElfSha256("3ab1c0f2e9d8a7b6"));
        assertThat(detect("I (312) app_init: ELF file SHA256:  3ab1c0f2e9d8a7b6..."))
                .isEqualTo(new ElfSha256("3ab1c0f2e9d8a7b6"));
        assertThat(detect(ESC + "[0;32mI (312) app_init: ELF file SHA256:  3ab1c0f2e9d8a7b6..." + ESC + "[0m"))
                .isEqualTo(new ElfSha256("3ab1c0f2e9d8a7b6"));
    }

    @Test
    void idfLogLinesGiveLevelTimeTagAndMessage() {
        assertThat(detect("I (6261) heap_init: At 3FFB2A50 len 0000D5B0 (53 KiB): DRAM"))
                .isEqualTo(new LogLine('I', 6261, "heap_init", "At 3FFB2A50 len 0000D5B0 (53 KiB): DRAM"));
        assertThat(detect("I (58211) wifi:bcn_timeout,ap_probe_send_start"))
                .isEqualTo(new LogLine('I', 58211, "wifi", "bcn_timeout,ap_probe_send_start"));
        assertThat(detect("I (29) boot ESP-IDF v5.1.3 2nd stage bootloader"))
                .isEqualTo(new LogLine('I', 29, "", "boot ESP-IDF v5.1.3 2nd stage bootloader"));
    }

    @Test
    void coloredLogLinesOfEveryLevelAreRecognised() {
        assertThat(detect(ESC + "[0;31mE (1203) httpd: error in recv : 104" + ESC + "[0m"))
                .isEqualTo(new LogLine('E', 1203, "httpd", "error in recv : 104"));
        assertThat(detect(ESC + "[0;33mW (88) spi_flash: Detected size(8192k) larger" + ESC + "[0m"))
                .isEqualTo(new LogLine('W', 88, "spi_flash", "Detected size(8192k) larger"));
        assertThat(detect("D (5) intr_alloc: Connected src 46")).isInstanceOf(LogLine.class);
        assertThat(detect("V (5) memory_layout: Start of the heap")).isInstanceOf(LogLine.class);
    }

    @Test
    void luaErrorsKeepTheirMessage() {
        assertThat(detect("Lua error: \tstdin:1: attempt to get length of a nil value (global 'cache')"))
                .isEqualTo(new LuaError("stdin:1: attempt to get length of a nil value (global 'cache')"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "> heaptrace.dump()",
            "    36 bytes (@ 0x3ffc1a00, Internal) allocated CPU 0 ccount 0x2a000010 caller 0x400e1a2c:0x400e1d50",
            "> print(\"Guru Meditation Error: Core  1 panic'ed (fake)\")",
            "> print('abort() was called at PC 0x400d2f3b on core 0')",
            "Guru Meditation: no error here",
            "NodeMCU is great",
            "> =\"Rebooting...\"",
            "Rebooting... not",
            "x rst:0xc (SW_CPU_RESET)",
            "rst:0xZZ (nonsense)",
            "Backtrace: none",
            "> print('Lua error: just a string')",
            "I (abc) tag: message",
            "I(123) tag: message",
            "X (123) tag: message",
            "I (123)",
            "ELF file SHA256: not-hex",
            "lua: cannot open init.lua",
            "stack traceback:",
            "====== Heap Trace Summary ======",
    })
    void linesThatMerelyLookSimilarAreNoEvents(String line) {
        assertThat(BoardEventDetector.detect(line)).as(line).isEmpty();
    }

    @Test
    @Timeout(5)
    void longGarbageLinesAreHandledQuickly() {
        String garbage = "I (" + "1".repeat(200_000) + " Guru Meditation Erro" + "(".repeat(200_000)
                + "Backtrace: 0x".repeat(10_000) + ESC + "[" + "9".repeat(100_000);
        for (String line : List.of(garbage, "Backtrace: " + "0x1:0x2 ".repeat(50_000), ESC.repeat(500_000),
                "NodeMCU " + " powered by Lua ".repeat(20_000), "rst:0x" + "f".repeat(100_000))) {
            Optional<BoardEvent> event = BoardEventDetector.detect(line);
            assertThat(event.isEmpty() || event.get() instanceof Backtrace || event.get() instanceof Banner).isTrue();
        }
        assertThat(BoardEventDetector.detect("Backtrace: " + "0x1:0x2 ".repeat(50_000)))
                .hasValueSatisfying(e -> assertThat(((Backtrace) e).programCounters()).hasSize(50_000));
    }

    @Test
    void theSamplePanicLogYieldsTheWholeStoryInOrder() throws Exception {
        Path log = Path.of(getClass().getResource("/logs/shared/incomplete-dump-panic-reboot.log").toURI());

        List<Class<?>> kinds = Files.readAllLines(log).stream()
                .map(BoardEventDetector::detect).flatMap(Optional::stream)
                .<Class<?>>map(Object::getClass).toList();

        assertThat(kinds).containsSubsequence(Crash.class, Backtrace.class, ElfSha256.class, Rebooting.class,
                Reset.class, LogLine.class, Banner.class);
    }
}
