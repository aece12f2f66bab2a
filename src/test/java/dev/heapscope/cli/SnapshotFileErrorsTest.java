package dev.heapscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Saved snapshots that cannot be compared: each is one line on standard error and a documented exit code
 * (2 unreadable input, 1 a usage error), before any port is opened. The agent's lines below are hand-made in
 * its documented format (device-firmware/heapscope-agent.md), checksums computed as the agent does.
 */
class SnapshotFileErrorsTest {
    @TempDir
    Path dir;

    /** A complete snapshot: _G, then {@code entries} tables under {@code _G.cache}. */
    private Path saved(String name, int entries) throws Exception {
        StringBuilder text = new StringBuilder(SnapshotFile.HEADER + ": hand-made\n");
        text.append("~HB 1 77 4096 registry=1 upvalues=1 locals=1 yield=1\n");
        java.util.List<String> objects = new java.util.ArrayList<>();
        objects.add("~HO 1 0 table 88 _G");
        objects.add("~HO 2 1 table 56 .cache");
        for (int i = 0; i < entries; i++) {
            objects.add("~HO " + (3 + i) + " 2 table 40 [" + (i + 1) + "]");
        }
        long sum = 0;
        long bytes = 0;
        for (String line : objects) {
            text.append(line).append('\n');
            sum = checksum(sum, line);
            bytes += Long.parseLong(line.split(" ")[4]);
        }
        text.append("~HE 77 ").append(objects.size()).append(' ').append(bytes).append(' ').append(sum)
                .append(" 900 ").append(objects.size()).append('\n');
        return Files.writeString(dir.resolve(name), text, StandardCharsets.ISO_8859_1);
    }

    /** heapscope-agent.md: for every character c of every object line, sum = (sum*31 + c) % 65521. */
    private static long checksum(long sum, String line) {
        for (char c : line.toCharArray()) {
            sum = (sum * 31 + c) % 65521;
        }
        return sum;
    }

    private static String oneLine(CliRunner result) {
        assertThat(result.err().lines()).hasSize(1);
        assertThat(result.err()).doesNotContain("Exception").doesNotContain("\tat ");
        return result.err().strip();
    }

    @Test
    void twoHandMadeSnapshotsCompareByPathAndACutOneWithAWarning() throws Exception {
        Path before = saved("a.snap", 2);
        Path after = saved("b.snap", 5);
        CliRunner result = CliRunner.run("diff", before.toString(), after.toString(), "--json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode growth = new ObjectMapper().readTree(result.out()).get("snapshots").get("growth");
        assertThat(growth.get(0).get("path").asText()).isEqualTo("_G.cache[*]");
        assertThat(growth.get(0).get("countBefore").asInt()).isEqualTo(2);
        assertThat(growth.get(0).get("countAfter").asInt()).isEqualTo(5);

        String text = Files.readString(after, StandardCharsets.ISO_8859_1);
        Path cut = Files.writeString(dir.resolve("cut.snap"), text.substring(0, text.indexOf("~HO 6 ")));
        CliRunner withCut = CliRunner.run("diff", before.toString(), cut.toString());
        assertThat(withCut.exitCode()).isZero();
        assertThat(oneLine(withCut)).startsWith("heapscope: warning: snapshot #2 (cut.snap) is incomplete, so what grew "
                + "may be over- or under-counted: the output stopped before the snapshot's end line");
        assertThat(withCut.out()).contains("warning: snapshot #2 (cut.snap) is incomplete")
                // three of the five entries arrived before the cut: one more than before
                .containsPattern("(?m)^ +40 +1  _G\\.cache\\[\\*]$");
    }

    @Test
    void aHugeFileIsRefusedBeforeItIsRead() throws Exception {
        Path huge = dir.resolve("huge.snap");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.write("~HB 1 77 4096 registry=1 upvalues=1 locals=1 yield=1\n".getBytes(StandardCharsets.US_ASCII));
            file.setLength(SnapshotFile.MAX_BYTES + 1); // sparse: no disk is filled
        }
        CliRunner result = CliRunner.run("diff", saved("a.snap", 1).toString(), huge.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.UNREADABLE_INPUT);
        assertThat(oneLine(result)).isEqualTo("heapscope: " + huge + ": " + (SnapshotFile.MAX_BYTES + 1)
                + " bytes is too big for a saved snapshot (at most 32 MiB)");
        CliRunner since = CliRunner.run("snapshot", "--port", dir.resolve("no-port").toString(), "--since", huge.toString());
        assertThat(since.exitCode()).isEqualTo(ExitCodes.UNREADABLE_INPUT);
        assertThat(oneLine(since)).contains("too big for a saved snapshot").doesNotContain("no-port");
    }

    @Test
    void aGarbledFileSaysItDoesNotRead() throws Exception {
        Path garbled = Files.writeString(dir.resolve("garbled.snap"), "~HB 1 x y registry=1\n~HO zz\n\u0001\u0002 noise\n");
        CliRunner result = CliRunner.run("diff", saved("a.snap", 1).toString(), garbled.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.UNREADABLE_INPUT);
        assertThat(oneLine(result)).startsWith("heapscope: " + garbled + ": the snapshot does not read: ");
    }

    @Test
    void aMissingSavedSnapshotFailsBeforeThePortIsOpened() {
        Path missing = dir.resolve("nothing.snap");
        CliRunner result = CliRunner.run("snapshot", "--port", dir.resolve("no-port").toString(), "--since", missing.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.UNREADABLE_INPUT);
        assertThat(oneLine(result)).isEqualTo("heapscope: " + missing + ": no such file");
    }

    @Test
    void aLogIsNoSavedSnapshot() throws Exception {
        CliRunner mixed = CliRunner.run("diff", saved("a.snap", 1).toString(), CliRunner.log("board-events.log"));
        assertThat(mixed.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(oneLine(mixed)).endsWith("is not a saved Lua heap snapshot: diff compares two logs or two snapshots "
                + "saved by 'heapscope snapshot --save'");
        CliRunner since = CliRunner.run("snapshot", "--port", dir.resolve("no-port").toString(), "--since",
                CliRunner.log("board-events.log"));
        assertThat(since.exitCode()).isEqualTo(ExitCodes.UNREADABLE_INPUT);
        assertThat(oneLine(since)).endsWith(": no HeapScope agent snapshot in it (heapscope snapshot --save writes one)");
        CliRunner alone = CliRunner.run("diff", saved("b.snap", 1).toString());
        assertThat(alone.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(oneLine(alone)).endsWith("holds one snapshot; name a second file to compare it with");
    }

    @Test
    void aSavedSnapshotGivenWhereALogIsExpectedSaysWhatItIs() throws Exception {
        Path snap = saved("a.snap", 1);
        CliRunner analyzed = CliRunner.run("analyze", snap.toString());
        assertThat(analyzed.exitCode()).isEqualTo(ExitCodes.UNREADABLE_INPUT);
        assertThat(oneLine(analyzed)).isEqualTo("heapscope: " + snap + ": a Lua heap snapshot saved by 'heapscope "
                + "snapshot --save', not a console log; 'heapscope diff' compares two of them");
    }

    @Test
    void theHelpNamesTheNewOptions() {
        CliRunner snapshot = CliRunner.run("snapshot", "--help");
        assertThat(snapshot.out()).contains("--save=FILE").contains("--since=FILE").contains("heapscope diff before.snap after.snap");
        assertThat(CliRunner.run("hunt", "--help").out()).contains("--agent");
        assertThat(CliRunner.run("diff", "--help").out().replaceAll("\\s+", " ")).contains("or a saved Lua heap snapshot");
    }

    @Test
    void aSaveThatCannotBeWrittenFailsBeforeThePortIsOpened() {
        Path nowhere = dir.resolve("no-such-folder").resolve("a.snap");
        CliRunner result = CliRunner.run("snapshot", "--port", dir.resolve("no-port").toString(), "--save", nowhere.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(oneLine(result)).isEqualTo("heapscope: --save " + nowhere + ": no such directory " + nowhere.getParent());
    }
}
