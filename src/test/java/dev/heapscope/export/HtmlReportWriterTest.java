package dev.heapscope.export;

import dev.heapscope.analysis.FrameNamer;
import dev.heapscope.parse.ParsedLog;
import dev.heapscope.symbols.SymbolTable;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportWriterTest {

    private static String report(ParsedLog log, String source, java.util.function.IntFunction<String> raw)
            throws IOException {
        SymbolTable names = new SymbolTable();
        log.symbols().forEach(names::add);
        StringBuilder html = new StringBuilder();
        new HtmlReportWriter(new FrameNamer(names)).write(source, log, raw, html);
        return html.toString();
    }

    private static int count(String text, String pattern) {
        Matcher m = Pattern.compile(pattern, Pattern.CASE_INSENSITIVE).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void aScriptTagFromTheBoardOrTheFileNameAppearsAsTextNeverAsMarkup() throws IOException {
        ParsedLog log = ExportFixtures.hostile();
        String raw = ExportFixtures.hostileText();
        String html = report(log, "evil" + ExportFixtures.SCRIPT + ".log", index -> raw);
        // exactly our two inline scripts; nothing from the input opened a third
        assertThat(count(html, "<script")).isEqualTo(2);
        assertThat(html).contains("evil&lt;script&gt;alert(1)&lt;/script&gt;.log");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt; (&lt;b&gt;&amp;x.c:7)");
        assertThat(html).contains("print(&quot;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&quot;)");
        assertThat(html).doesNotContain("alert(1)</script>").doesNotContain("<b>&x").doesNotContain("<img");
    }

    @Test
    void theReportHasEverySectionAndNoExternalReference() throws IOException {
        Path file = ExportFixtures.sharedLog("nodemcu-session-idf51.log");
        ParsedLog log = ExportFixtures.parse(file);
        String html = report(log, "nodemcu-session-idf51.log", index -> "raw text of dump " + index);
        assertThat(html).contains("id=\"dumps\"", "id=\"warnings\"", "id=\"leak-table\"", "class=\"hs-flame\"",
                "id=\"diff-table\"", "raw text of dump 0", "raw text of dump 1");
        assertThat(html).doesNotContainPattern("(src|href)=\"(https?:)?//");
        assertThat(html).doesNotContain("<!--@");
        // the diff of dump 1 and 2: 40 -> 1176 bytes, 1 survivor
        assertThat(html).contains("40 \u2192 1176 live bytes (+1136), 1 allocation(s) survived");
        // the leak table lists the 1024-byte chain first
        assertThat(html.substring(html.indexOf("id=\"leak-table\""))).containsPattern(
                "<tbody>\\s*<tr><td class=\"n\" data-v=\"1024\">1024</td>");
    }

    @Test
    void warningsOfIncompleteDumpsAreListed() throws IOException {
        ParsedLog log = ExportFixtures.parse(ExportFixtures.sharedLog("incomplete-dump-panic-reboot.log"));
        String html = report(log, "x.log", index -> null);
        assertThat(html).contains("incomplete", "(raw text not available)");
        assertThat(html.substring(html.indexOf("id=\"warnings\""))).containsPattern("^id=\"warnings\">\n<li class=\"warn\">Dump #1: ");
    }

    @Test
    void aLogWithoutDumpsGivesAReportThatSaysSo() throws IOException {
        String html = report(new dev.heapscope.parse.LogParser().parse("just a console\n"), "empty.log", i -> null);
        assertThat(html).contains("No heap trace dump found in the input.", "0 dump(s)");
    }
}
