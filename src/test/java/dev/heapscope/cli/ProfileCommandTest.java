package dev.heapscope.cli;

import dev.heapscope.transport.pty.PseudoTerminals;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code heapscope profile} against {@code heapscope sim --pty}: the virtual board behind a real pseudo-terminal. */
class ProfileCommandTest {

    @BeforeEach
    void pseudoTerminalsAreAvailable() {
        PseudoTerminals.assumeAvailable();
    }

    @Test
    void profilesAScriptOverThePortAndWritesItsFlameGraph(@TempDir Path dir) throws Exception {
        Path link = dir.resolve("esp32");
        ByteArrayOutputStream serverErr = new ByteArrayOutputStream();
        Thread server = new Thread(() -> Main.run(new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(serverErr), "sim", "--pty", link.toString(), "--seconds", "300"), "sim-pty-server");
        server.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(link) || !server.isAlive());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Path folded = dir.resolve("lua.folded");
            Path svg = dir.resolve("lua.svg");
            int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err), "profile",
                    "--port", link.toString(), "--run", "simulator/scenarios/request-handler-leak.lua",
                    "--folded", folded.toString(), "--svg", svg.toString());
            String text = out.toString(StandardCharsets.UTF_8);
            assertThat(code).as("stderr: %s", err).isEqualTo(ExitCodes.OK);
            assertThat(text).contains("Top lines by bytes:").contains("request-handler-leak.lua:19")
                    .contains("Overhead:").contains("(estimated)").contains("Dropped:  0 line(s)");
            assertThat(text.lines().filter(line -> line.contains("request-handler-leak.lua:")).findFirst().orElseThrow())
                    .as("the biggest line first").contains("2,800").contains(":19");
            assertThat(Files.readString(folded)).contains(
                    "main chunk (request-handler-leak.lua:26);handle_request (request-handler-leak.lua:19) 2800");
            assertThat(Files.readString(svg)).startsWith("<?xml").contains("handle_request");

            ByteArrayOutputStream noLines = new ByteArrayOutputStream();
            assertThat(Main.run(new PrintStream(new ByteArrayOutputStream()), new PrintStream(noLines), "profile",
                    "--port", link.toString(), "--run", "x = 1", "--no-lines")).isEqualTo(ExitCodes.USAGE);
            assertThat(noLines.toString()).contains("--no-lines needs an --interval").doesNotContain("Exception");
        } finally {
            server.interrupt();
            server.join(10_000);
        }
    }
}
