package dev.heapscope.symbols;

import dev.heapscope.model.BoardEvent;
import dev.heapscope.model.LineEvent;
import dev.heapscope.parse.LogParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The one firmware check of app and command line: match, mismatch or unknown, with one sentence for the user. */
class FirmwareMatchTest {
    private static final Path ELF = TestElves.path("app-xtensa-dwarf5.elf");

    private static List<LineEvent> printed(String... digests) {
        List<LineEvent> events = new java.util.ArrayList<>();
        events.add(new LineEvent(1, new BoardEvent.Reset(1, "POWERON_RESET", 0x13, "SPI_FAST_FLASH_BOOT")));
        for (int i = 0; i < digests.length; i++) {
            events.add(new LineEvent(10L * (i + 1), new BoardEvent.ElfSha256(digests[i])));
        }
        return events;
    }

    @Test
    void theElfTheBoardPrintedTheDigestOfMatches() throws IOException {
        String sha = FirmwareIdentity.sha256Hex(ELF);

        FirmwareMatch match = FirmwareMatch.of(printed(sha.substring(0, 16)), ELF);

        assertThat(match.outcome()).isEqualTo(FirmwareMatch.Outcome.MATCH);
        assertThat(match.message()).isEqualTo("app-xtensa-dwarf5.elf is the firmware the board runs (ELF file SHA256 "
                + sha.substring(0, 16) + "…)");
    }

    @Test
    void anotherBuildIsAMismatchNamingBothDigests() throws IOException {
        String sha = FirmwareIdentity.sha256Hex(ELF);

        FirmwareMatch match = FirmwareMatch.of(printed("0123456789abcdef"), ELF);

        assertThat(match.outcome()).isEqualTo(FirmwareMatch.Outcome.MISMATCH);
        assertThat(match.message()).isEqualTo("the board runs firmware 0123456789abcdef… but app-xtensa-dwarf5.elf is "
                + sha.substring(0, 16) + "…: names may be wrong (a stale or different build?)");
    }

    @Test
    void withoutAPrintedDigestNothingCanBeToldAndTheElfIsNotEvenRead() throws IOException {
        FirmwareMatch match = FirmwareMatch.of(printed(), Path.of("no", "such", "firmware.elf"));

        assertThat(match.outcome()).isEqualTo(FirmwareMatch.Outcome.UNKNOWN);
        assertThat(match.message()).contains("printed no ELF file SHA256", "firmware.elf");
    }

    @Test
    void aShortOrPlaceholderDigestTellsNothing() {
        for (String digest : List.of("3ab1c0", "0000000000000000")) {
            FirmwareMatch match = FirmwareMatch.of(printed(digest), "fw.elf", "ffff".repeat(16));
            assertThat(match.outcome()).as(digest).isEqualTo(FirmwareMatch.Outcome.UNKNOWN);
            assertThat(match.message()).as(digest).contains(digest, "too short to tell", "fw.elf");
        }
    }

    @Test
    void theLastDigestCountsForABoardReflashedDuringTheLog() {
        String sha = "abcdef0123456789".repeat(4);

        assertThat(FirmwareMatch.of(printed("0123456789abcdef", "ABCDEF0123456789"), "fw.elf", sha).outcome())
                .isEqualTo(FirmwareMatch.Outcome.MATCH);
        assertThat(FirmwareMatch.of(printed("abcdef0123456789", "0123456789abcdef"), "fw.elf", sha).outcome())
                .isEqualTo(FirmwareMatch.Outcome.MISMATCH);
    }

    @Test
    void theDigestIsTakenFromTheParsedLogWhereverTheBoardPrintedIt() {
        String log = "I (331) app_init: ELF file SHA256:  65db5482827bce52...\nNodeMCU ESP32 build x powered by Lua 5.3.5"
                + " on IDF v5.1.3\n> print('ELF file SHA256: 0123456789abcdef')\n";

        List<LineEvent> events = new LogParser().parse(log).events();

        assertThat(FirmwareMatch.printedDigest(events)).contains("65db5482827bce52");
        assertThat(FirmwareMatch.of(events, "fw.elf", "65db5482827bce52" + "0".repeat(48)).outcome())
                .isEqualTo(FirmwareMatch.Outcome.MATCH);
    }
}
