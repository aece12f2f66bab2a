package dev.heapscope.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** report, export and analyze read a saved session as they read the log it was recorded from. */
class SessionInputTest {
    private static final String LOG = "shared/nodemcu-session-idf51.log";

    @TempDir
    Path dir;

    /** A session file whose transcript is {@link #LOG}; named .log to show the content decides. */
    private Path session(String name) throws Exception {
        Path file = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/sessions/nodemcu-session-v1.heapscope")) {
            Files.copy(in, file);
        }
        return file;
    }

    @Test
    void analyzeAndExportGiveTheSameAnswersForASessionAsForItsLog() throws Exception {
        Path session = session("run.heapscope");
        CliRunner fromLog = CliRunner.run("analyze", CliRunner.log(LOG));
        CliRunner fromSession = CliRunner.run("analyze", session.toString());
        assertThat(fromSession.exitCode()).isZero();
        assertThat(fromSession.out()).isEqualTo(fromLog.out()).contains("1024");

        CliRunner foldedLog = CliRunner.run("export", CliRunner.log(LOG), "--format", "folded");
        CliRunner foldedSession = CliRunner.run("export", session.toString(), "--format", "folded");
        assertThat(foldedSession.exitCode()).isZero();
        assertThat(foldedSession.out()).isEqualTo(foldedLog.out()).isNotBlank();
    }

    @Test
    void theReportOfASessionShowsTheRawDumpsFromItsTranscript() throws Exception {
        Path session = session("named-like-a.log");
        Path html = dir.resolve("report.html");
        CliRunner result = CliRunner.run("report", session.toString(), "-o", html.toString());
        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        String appendix = Files.readString(html, StandardCharsets.UTF_8);
        // the board section is read from the transcript too
        assertThat(appendix).contains("Lua 5.3.5 [5.3-int32-singlefp], IDF v5.1.3");
        appendix = appendix.substring(appendix.indexOf("id=\"appendix\""));
        assertThat(appendix).contains("<pre>====== Heap Trace: 6 records (200 capacity) ======\n",
                "  1024 bytes (@ 0x3ffcb000, Internal)");
    }

    @Test
    void aDamagedSessionIsOneClearLineAndExitCodeTwo() throws Exception {
        Path whole = session("whole.heapscope");
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.heapscope"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        for (String command : new String[] {"report", "analyze", "export"}) {
            CliRunner result = command.equals("export")
                    ? CliRunner.run(command, cut.toString(), "--format", "json")
                    : CliRunner.run(command, cut.toString());
            assertThat(result.exitCode()).as(command).isEqualTo(2);
            assertThat(result.err().lines()).as(command).hasSize(1);
            assertThat(result.err()).as(command).contains(cut.toString(), "damaged session file");
        }
    }
}
