package dev.heapscope.cli;

import dev.heapscope.session.HostileZip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The session-file reproducers through every command that reads one: one line, exit code 2. */
class HostileSessionFileTest {
    private static final String[][] COMMANDS = {{"analyze"}, {"report"}, {"export", "--format", "csv"}};

    @TempDir
    Path dir;

    private void refusedEverywhere(Path file, String why) {
        for (String[] command : COMMANDS) {
            String[] args = new String[command.length + 1];
            args[0] = command[0];
            args[1] = file.toString();
            System.arraycopy(command, 1, args, 2, command.length - 1);
            CliRunner result = CliRunner.run(args);
            assertThat(result.exitCode()).as(command[0]).isEqualTo(2);
            assertThat(result.err().lines()).as(command[0]).hasSize(1);
            assertThat(result.err()).as(command[0]).contains(file + ": " + why)
                    .doesNotContain("Exception", "java.", "No content to map", "\tat ");
        }
    }

    @Test
    void aZipBombOfThreeGibibytesOfTranscript() throws Exception {
        Path bomb = dir.resolve("bomb.heapscope");
        new HostileZip().stored("manifest.json", HostileZip.manifestJson())
                .deflatedFill("transcript.bin", (byte) 0, 3 * 1024, 200_000).writeTo(bomb);
        refusedEverywhere(bomb, "damaged session file: transcript.bin expands past the 200000 bytes its header says");
    }

    @Test
    void aManifestOfAGibibyteOfSpaces() throws Exception {
        Path spaces = dir.resolve("spaces.heapscope");
        new HostileZip().deflatedFill("manifest.json", (byte) ' ', 1024, -1)
                .stored("transcript.bin", "x\n").writeTo(spaces);
        refusedEverywhere(spaces, "not a session file HeapScope opens: manifest.json expands past the 64 KiB it may hold");
    }

    @Test
    void aStoredTranscriptWithABadChecksum() throws Exception {
        Path bad = dir.resolve("crc.heapscope");
        new HostileZip().stored("manifest.json", HostileZip.manifestJson())
                .storedWithCrc("transcript.bin", "hello\n".getBytes(StandardCharsets.US_ASCII), 7).writeTo(bad);
        refusedEverywhere(bad, "damaged session file: transcript.bin does not match its checksum");
    }
}
