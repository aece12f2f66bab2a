package dev.heapscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heapscope.transport.pty.PseudoTerminals;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code hunt --port} against the virtual board served on a real pseudo-terminal ({@code sim --pty}). */
class HuntCommandTest {
    @TempDir
    Path dir;
    private Thread server;

    /** Serves the virtual board on a pseudo-terminal ({@code sim --pty}); skips the test where there are none. */
    private Path serveTheVirtualBoard() {
        PseudoTerminals.assumeAvailable();
        Path link = dir.resolve("esp32");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        server = new Thread(() -> Main.run(new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err), "sim", "--pty", link.toString(), "--seconds", "120"), "sim-pty-server");
        server.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(link) || !server.isAlive());
        assertThat(link).as("sim --pty serves its link; stderr: %s", err).exists();
        return link;
    }

    @AfterEach
    void unplug() throws InterruptedException {
        if (server != null) {
            server.interrupt();
            server.join(10_000);
        }
    }

    @Test
    void aLeakingLineFailsTheLeakGateWithTheLeaksInJson() throws Exception {
        Path link = serveTheVirtualBoard();
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
        Path link = serveTheVirtualBoard();
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
