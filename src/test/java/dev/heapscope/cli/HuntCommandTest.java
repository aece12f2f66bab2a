package dev.heapscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code hunt --port} against the virtual board served on a real pseudo-terminal ({@code sim --pty}). */
class HuntCommandTest {
    @TempDir
    Path dir;
    private Path link;
    private Thread server;

    @BeforeEach
    void serveTheVirtualBoard() throws Exception {
        link = dir.resolve("esp32");
        server = new Thread(() -> Main.run(new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()), "sim", "--pty", link.toString(), "--seconds", "120"));
        server.start();
        long deadline = System.currentTimeMillis() + 10_000;
        while (!Files.exists(link) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
    }

    @AfterEach
    void unplug() throws InterruptedException {
        server.interrupt();
        server.join(10_000);
    }

    @Test
    void aLeakingLineFailsTheLeakGateWithTheLeaksInJson() throws Exception {
        Path raw = dir.resolve("board.log");
        CliRunner result = CliRunner.run("hunt", "--port", link.toString(), "--lua",
                "leak = {} for i = 1, 5 do leak[i] = {i} end", "--json", "--fail-on-leak", "0", "-o", raw.toString());
        assertThat(result.err()).contains("leaked");
        assertThat(result.exitCode()).isEqualTo(3);
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("dumps")).hasSize(2);
        assertThat(json.get("leakedBytes").asLong()).isPositive();
        assertThat(json.get("leaks").get(0).get("frames")).isNotEmpty();
        assertThat(Files.readString(raw)).contains("====== Heap Trace Summary ======");
        CliRunner analyzed = CliRunner.run("analyze", raw.toString());
        assertThat(analyzed.out()).contains("2 dump(s), 2 complete");
    }

    @Test
    void aQuietBoardPassesTheGate() {
        CliRunner result = CliRunner.run("hunt", "--port", link.toString(), "--seconds", "1", "--fail-on-leak", "0");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("No leaks");
    }

    @Test
    void aMissingPortIsAClearError() {
        CliRunner result = CliRunner.run("hunt", "--port", dir.resolve("nothing").toString(), "--seconds", "1");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("nothing");
    }
}
