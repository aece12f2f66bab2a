package dev.heapscope.parse;

import dev.heapscope.model.BoardEvent;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dump parser ends a dump on its own cheap test of each line ({@link DumpLines#isResetOrCrash}); the board
 * events are found by {@link BoardEventDetector}. Two tests of one fact must agree: every line the detector
 * calls a reset, reboot, crash or banner also ends a dump, in every log the tests have and in a few lines
 * written for the purpose.
 */
class DumpInterruptionAgreesWithBoardEventsTest {
    private static final Set<BoardEvent.Kind> INTERRUPTING = EnumSet.of(BoardEvent.Kind.RESET,
            BoardEvent.Kind.REBOOTING, BoardEvent.Kind.CRASH, BoardEvent.Kind.BANNER);

    @Test
    void everyResetCrashOrBannerTheDetectorFindsAlsoEndsADump() throws Exception {
        List<String> lines = new ArrayList<>(List.of(
                "Guru Meditation Error: Core  0 panic'ed (LoadProhibited). Exception was unhandled.",
                "0x3ffb1234: 24 bytes (@ 0x400d1234) Guru Meditation Error: Core  1 panic'ed (IllegalInstruction).",
                "abort() was called at PC 0x400d2a3c on core 0",
                "Rebooting...",
                "rst:0xc (SW_CPU_RESET),boot:0x13 (SPI_FAST_FLASH_BOOT)",
                "NodeMCU ESP32 build 2026-11-30 powered by Lua 5.3.6 [5.3-int32-singlefp] on IDF v5.1.3"));
        int interrupting = 0;
        for (Path log : logs()) {
            for (String line : Files.readString(log, StandardCharsets.ISO_8859_1).split("\r\n|\r|\n")) {
                lines.add(AnsiCodes.strip(line));
            }
        }
        for (String line : lines) {
            var event = BoardEventDetector.detect(line);
            if (event.isPresent() && INTERRUPTING.contains(event.get().kind())) {
                interrupting++;
                assertThat(DumpLines.isResetOrCrash(line)).as("the dump parser ends a dump at %s", line).isTrue();
            }
        }
        assertThat(interrupting).as("the logs hold resets, crashes and banners to check").isGreaterThan(10);
    }

    private static List<Path> logs() throws IOException {
        Path root = Path.of("src/test/resources");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.toString().endsWith(".log") || file.toString().endsWith(".txt")).toList();
        }
    }
}
