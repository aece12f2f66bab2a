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
    private Path serveTheVirtualBoard(String... more) {
        PseudoTerminals.assumeAvailable();
        Path link = dir.resolve("esp32");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("sim", "--pty", link.toString(),
                "--seconds", "120"));
        args.addAll(java.util.List.of(more));
        server = new Thread(() -> Main.run(new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err), args.toArray(String[]::new)), "sim-pty-server");
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
    void aScriptFileIsUploadedBeforeTheTraceAndRunBetweenTheDumps() throws Exception {
        StringBuilder text = new StringBuilder("-- a script longer than one console line, with \"quotes\", \\ and é\n");
        text.append("-- ").append("x".repeat(400)).append('\n');
        text.append("kept = kept or {}\n");
        text.append("for i = 1, 8 do kept[#kept + 1] = string.rep('k', 40) .. i end\n");
        text.append("print(\"uploaded and run: \" .. #kept .. \" é\")\n");
        Path script = Files.writeString(dir.resolve("leaky.lua"), text);
        Path raw = dir.resolve("board.log");
        Path link = serveTheVirtualBoard();

        CliRunner result = CliRunner.run("hunt", "--port", link.toString(), "--script", script.toString(), "--json",
                "--fail-on-leak", "0", "-o", raw.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("script").asText()).isEqualTo("leaky.lua");
        assertThat(json.get("dumps").get(0).get("records")).as("the upload itself is not traced").isEmpty();
        assertThat(json.get("leakedCount").asInt()).as("the 8 strings and the table").isGreaterThanOrEqualTo(8);
        String transcript = Files.readString(raw, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(transcript.indexOf("heapscope_upload:close()")).as("uploaded before the trace starts")
                .isPositive().isLessThan(transcript.indexOf("heaptrace.start("));
        assertThat(transcript.indexOf("dofile(\"leaky.lua\")")).as("run between the dumps")
                .isGreaterThan(transcript.indexOf("heaptrace.start(")).isLessThan(transcript.lastIndexOf("heaptrace.dump()"));
        assertThat(transcript).contains("uploaded and run: 8");
    }

    @Test
    void aScriptThatFailsOnTheBoardIsExitCodeTwoWithTheBoardsError() throws Exception {
        Path script = Files.writeString(dir.resolve("broken.lua"), "local x = = 1\n");
        Path link = serveTheVirtualBoard();
        CliRunner result = CliRunner.run("hunt", "--port", link.toString(), "--script", script.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines().filter(line -> !line.startsWith("heapscope: note: ")))
                .containsExactly("heapscope: the Lua failed: broken.lua:1: unexpected symbol near '='");
    }

    @Test
    void aScriptIsCheckedBeforeThePortIsOpened() throws Exception {
        CliRunner missing = CliRunner.run("hunt", "--port", dir.resolve("no-port").toString(), "--script",
                dir.resolve("nothing.lua").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err().strip()).isEqualTo("heapscope: " + dir.resolve("nothing.lua") + ": no such file");

        Path big = Files.write(dir.resolve("big.lua"), new byte[HuntCommand.MAX_SCRIPT_BYTES + 1]);
        CliRunner tooBig = CliRunner.run("hunt", "--port", dir.resolve("no-port").toString(), "--script", big.toString());
        assertThat(tooBig.exitCode()).isEqualTo(2);
        assertThat(tooBig.err().strip()).isEqualTo("heapscope: " + big + ": 65537 bytes is too big; at most 65536 bytes "
                + "(64 KiB) can be uploaded through the console");

        Path init = Files.writeString(dir.resolve("init.lua"), "print(1)\n");
        CliRunner boot = CliRunner.run("hunt", "--port", dir.resolve("no-port").toString(), "--script", init.toString());
        assertThat(boot.exitCode()).isEqualTo(1);
        assertThat(boot.err()).contains("would replace the board's init.lua, which runs at every boot");
    }

    @Test
    void aScriptAndALuaLineAreMutuallyExclusive() throws Exception {
        Path script = Files.writeString(dir.resolve("a.lua"), "x = 1\n");
        CliRunner result = CliRunner.run("hunt", "--port", dir.resolve("no-port").toString(), "--script",
                script.toString(), "--lua", "y = 2");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("--lua=CODE, --script=FILE are mutually exclusive");
    }

    @Test
    void aMissingPortIsAClearError() {
        CliRunner result = CliRunner.run("hunt", "--port", dir.resolve("nothing").toString(), "--seconds", "1");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("nothing");
    }
    @Test
    void aFileAlreadyInTheBoardsFlashIsRunByDofileBetweenTheDumps() throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.writeString(project.resolve("init.lua"), "booted_with_project = true\n");
        Files.writeString(project.resolve("leaky.lua"),
                "kept = kept or {}\nfor i = 1, 8 do kept[#kept + 1] = string.rep('k', 40) .. i end\n");
        Path raw = dir.resolve("board.log");
        Path link = serveTheVirtualBoard("--project", project.toString());

        CliRunner result = CliRunner.run("hunt", "--port", link.toString(), "--dofile", "leaky.lua", "--json",
                "--fail-on-leak", "0", "-o", raw.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("leakedCount").asInt()).as("the 8 strings and the table").isGreaterThanOrEqualTo(8);
        String transcript = Files.readString(raw, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(transcript).doesNotContain("heapscope_upload").as("nothing is uploaded for a file on the board");
        assertThat(transcript.indexOf("dofile(\"leaky.lua\")")).as("run between the dumps")
                .isGreaterThan(transcript.indexOf("heaptrace.start(")).isLessThan(transcript.lastIndexOf("heaptrace.dump()"));
    }

    @Test
    void aFileMissingFromTheFlashIsTheBoardsErrorAndExitCodeTwo() {
        Path link = serveTheVirtualBoard();
        CliRunner result = CliRunner.run("hunt", "--port", link.toString(), "--dofile", "absent.lua");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("absent.lua").doesNotContain("Exception");
    }

    @Test
    void useTheDeviceNowWaitsForEnterBetweenTheDumps() throws Exception {
        Path link = serveTheVirtualBoard();
        Path raw = dir.resolve("board.log");
        java.io.InputStream keyboard = System.in;
        // Enter arrives only after the first dump has been read: the wait is between the dumps
        java.io.PipedOutputStream keys = new java.io.PipedOutputStream();
        System.setIn(new java.io.PipedInputStream(keys));
        Thread user = new Thread(() -> {
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(raw)
                        && Files.readString(raw, java.nio.charset.StandardCharsets.ISO_8859_1)
                                .contains("====== Heap Trace Summary ======"));
                keys.write('\n');
                keys.flush();
            } catch (Exception e) {
                // the command's own assertion below fails instead
            }
        });
        user.start();
        try {
            CliRunner result = CliRunner.run("hunt", "--port", link.toString(), "--wait-for-enter", "-o", raw.toString());
            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.err()).contains("continuing after");
            String transcript = Files.readString(raw, java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(transcript.split("====== Heap Trace Summary ======", -1)).as("two dumps").hasSize(3);
        } finally {
            System.setIn(keyboard);
            user.join(5_000);
        }
    }
}
