package dev.heapscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two agent snapshots and one diff over a real pseudo-terminal: {@code snapshot --save}, then
 * {@code snapshot --since} after the board's Lua grew, then both saved files (and a cut one) compared offline.
 */
class SnapshotSinceTest {
    @TempDir
    Path dir;
    private final VirtualBoardOnPty board = new VirtualBoardOnPty();

    @AfterEach
    void unplug() throws InterruptedException {
        board.stop();
    }

    private static JsonNode growthRow(JsonNode snapshots, String path) {
        return StreamSupport.stream(snapshots.get("growth").spliterator(), false)
                .filter(row -> row.get("path").asText().equals(path)).findFirst().orElseThrow(
                        () -> new AssertionError(path + " not in " + snapshots.get("growth")));
    }

    @Test
    void aSavedSnapshotAndALaterOneShowWhatGrewByItsPathOnlineAndOffline() throws Exception {
        Path link = board.serve(dir, "--fast");
        VirtualBoardOnPty.typeAt(link, "cache = {} for i = 1, 3 do cache[i] = {n = i} end");
        Path first = dir.resolve("before.snap");
        CliRunner saved = CliRunner.run("snapshot", "--port", link.toString(), "--save", first.toString());
        assertThat(saved.exitCode()).as(saved.err()).isZero();
        // a fresh board: the agent is typed into its flash, and the estimate counts that
        assertThat(saved.err()).containsPattern("a snapshot of the board's heap, about [0-9,]+ Lua objects from its "
                + "collectgarbage\\('count'\\), takes about [0-9]+ s at 115200 baud, [0-9]+ s of it typing the agent into "
                + "the board's flash \\(an estimate: a typed line took [0-9]+\\.[0-9] ms here plus [0-9.]+ ms a character\\)");
        assertThat(Files.readAllLines(first, StandardCharsets.ISO_8859_1).get(0)).startsWith(SnapshotFile.HEADER);
        assertThat(Files.readString(first)).contains("~HB 2 ").contains("~HE ");

        VirtualBoardOnPty.typeAt(link, "for i = 4, 15 do cache[i] = {n = i} end");
        Path second = dir.resolve("after.snap");
        CliRunner since = CliRunner.run("snapshot", "--port", link.toString(), "--since", first.toString(),
                "--save", second.toString(), "--json");
        assertThat(since.exitCode()).as(since.err()).isZero();
        assertThat(since.err()).as("the second snapshot finds the agent in flash").contains("the agent already in the board's flash");
        JsonNode json = new ObjectMapper().readTree(since.out());
        assertThat(json.get("snapshot").get("complete").asBoolean()).isTrue();
        java.util.regex.Matcher estimate = java.util.regex.Pattern.compile("about ([0-9,]+) Lua objects").matcher(since.err());
        assertThat(estimate.find()).as(since.err()).isTrue();
        assertThat(Double.parseDouble(estimate.group(1).replace(",", "")) / json.get("snapshot").get("objects").asInt())
                .as("the estimated object count against the objects the agent sent").isBetween(0.5, 2.0);
        assertThat(json.get("since").asText()).isEqualTo(first.toString());
        JsonNode entries = growthRow(json.get("snapshots"), "_G.cache[*]");
        assertThat(entries.get("countBefore").asInt()).isEqualTo(3);
        assertThat(entries.get("countAfter").asInt()).isEqualTo(15);
        assertThat(json.get("snapshots").get("source").asText()).isEqualTo("agent");
        assertThat(json.get("snapshots").get("warnings")).isEmpty();

        CliRunner text = CliRunner.run("diff", first.toString(), second.toString());
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("Lua heap snapshots by the HeapScope agent #1 (before.snap) and #2 (after.snap)")
                .contains("+BYTES +COUNT  HELD BY").containsPattern("(?m)^ +[0-9]+ +12  _G\\.cache\\[\\*]$");
        CliRunner offline = CliRunner.run("diff", first.toString(), second.toString(), "--json");
        JsonNode diffJson = new ObjectMapper().readTree(offline.out());
        assertThat(growthRow(diffJson.get("snapshots"), "_G.cache[*]").get("countAfter").asInt()).isEqualTo(15);
        assertThat(diffJson.get("beforeSnapshot").asInt()).isEqualTo(1);

        // the second file cut in its middle, as a reset would leave it: still compared, with a warning
        List<String> lines = Files.readAllLines(second, StandardCharsets.ISO_8859_1);
        Path cut = Files.write(dir.resolve("cut.snap"), lines.subList(0, lines.size() / 2 + 1), StandardCharsets.ISO_8859_1);
        CliRunner withCut = CliRunner.run("diff", first.toString(), cut.toString(), "--json");
        assertThat(withCut.exitCode()).as(withCut.err()).isZero();
        assertThat(withCut.err()).contains("heapscope: warning: snapshot #2 (cut.snap) is incomplete");
        JsonNode cutJson = new ObjectMapper().readTree(withCut.out());
        assertThat(cutJson.get("snapshots").get("afterComplete").asBoolean()).isFalse();
        assertThat(cutJson.get("snapshots").get("beforeComplete").asBoolean()).isTrue();
        assertThat(cutJson.get("snapshots").get("afterObjects").asInt()).isPositive()
                .isLessThan(diffJson.get("snapshots").get("afterObjects").asInt());
    }
}
