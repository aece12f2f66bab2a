package dev.heapscope.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ReportCommandTest {

    @Test
    void writesAReportWithTheRawDumpsReadBackFromTheLog(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("report.html");
        CliRunner result = CliRunner.run("report", CliRunner.log("shared/nodemcu-session-idf51.log"), "-o", html.toString());
        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        String text = Files.readString(html, StandardCharsets.UTF_8);
        assertThat(text).startsWith("<!DOCTYPE html>").contains("id=\"leak-table\"", "class=\"hs-flame\"",
                "id=\"diff-table\"");
        // the appendix holds the dump's own lines (the parser's line numbers), not the prompt before it
        String appendix = text.substring(text.indexOf("id=\"appendix\""));
        assertThat(appendix).contains("<pre>====== Heap Trace: 6 records (200 capacity) ======\n",
                "  1024 bytes (@ 0x3ffcb000, Internal)").doesNotContain("&gt; heaptrace.dump()");
    }

    @Test
    void theBoardSectionAndTimelineAreReadFromTheWholeLog(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("report.html");
        CliRunner result = CliRunner.run("report", CliRunner.log("shared/incomplete-dump-panic-reboot.log"), "-o",
                html.toString());
        assertThat(result.exitCode()).isZero();
        String text = Files.readString(html, StandardCharsets.UTF_8);
        assertThat(text).contains("Lua 5.3.5 [5.3-int32-singlefp], IDF v5.1.3", "<code>3ab1c0f2e9d8a7b6</code>",
                "<title>Line 16: reset rst:0xc (SW_CPU_RESET)</title>",
                "<title>Line 5: crash on core 1: Interrupt wdt timeout on CPU1</title>");
    }

    @Test
    void aHostileSymbolNameInTheLogIsEscaped() {
        String log = CliRunner.log("hostile-names.log");
        CliRunner result = CliRunner.run("report", log);
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("&lt;script&gt;alert(1)&lt;/script&gt; (&lt;b&gt;&amp;x.c:7)")
                .doesNotContain("<script>alert(1)");
    }

    @Test
    void foldedStacksGiveAFlameGraphReportAndAMissingFileIsUnreadable(@TempDir Path dir) throws Exception {
        Path folded = dir.resolve("x.folded");
        Files.writeString(folded, "main;parse 300\nmain;<script>alert(1)</script> 100\n");
        CliRunner foldedResult = CliRunner.run("report", folded.toString());
        assertThat(foldedResult.exitCode()).as(foldedResult.err()).isZero();
        assertThat(foldedResult.out()).startsWith("<!DOCTYPE html>").contains("<svg").contains("2 stacks, 400 bytes")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
        CliRunner missing = CliRunner.run("report", dir.resolve("none.log").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err().lines()).hasSize(1);
    }
}
