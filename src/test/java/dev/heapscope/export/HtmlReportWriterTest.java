package dev.heapscope.export;

import dev.heapscope.analysis.FrameNamer;
import dev.heapscope.model.BoardEvent;
import dev.heapscope.model.LineEvent;
import dev.heapscope.parse.LogParser;
import dev.heapscope.parse.ParsedLog;
import dev.heapscope.symbols.SymbolTable;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

    private static String reportWithBoard(Path file) throws IOException {
        ParsedLog log = ExportFixtures.parse(file);
        StringBuilder html = new StringBuilder();
        new HtmlReportWriter(FrameNamer.hexOnly()).write(file.getFileName().toString(), log, i -> null, html);
        return html.toString();
    }

    /** {@code log}'s dumps with other board events (or none): the report must show exactly these. */
    private static ParsedLog withEvents(ParsedLog log, List<LineEvent> events) {
        return new ParsedLog(log.dumps(), log.symbols(), events, Map.of(), log.lines(), log.truncatedLines());
    }

    private static String section(String html, String id) {
        int start = html.indexOf("<section id=\"" + id + "\"");
        return html.substring(start, html.indexOf("</section>", start));
    }

    private static double firstNumber(String text, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(text);
        assertThat(m.find()).as("found %s", pattern).isTrue();
        return Double.parseDouble(m.group(1));
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
        String html = report(new LogParser().parse("just a console\n"), "empty.log", i -> null);
        assertThat(html).contains("No heap trace dump found in the input.", "0 dump(s)");
    }

    @Test
    void theBoardSectionNamesTheFirmwareItsDigestResetsAndCrashes() throws IOException {
        String board = section(reportWithBoard(ExportFixtures.sharedLog("incomplete-dump-panic-reboot.log")), "board");
        assertThat(board).contains("NodeMCU build 2024-10-25, Lua 5.3.5 [5.3-int32-singlefp], IDF v5.1.3",
                "<code>3ab1c0f2e9d8a7b6</code>", "IDF v5.1.3 prints dialect B", "<dd id=\"dialects\">B</dd>",
                "<td>reset</td><td>rst:0xc (SW_CPU_RESET), boot SPI_FAST_FLASH_BOOT",
                "<td class=\"warn\">crash</td><td>core 1: Interrupt wdt timeout on CPU1");
        // the crash is on line 5, the reset on line 16: the table keeps input order
        assertThat(board.indexOf("<td class=\"n\">5</td>")).isLessThan(board.indexOf("<td class=\"n\">16</td>"));
    }

    @Test
    void aDumpDialectThatTheBannersIdfVersionWouldNotPrintIsFlagged() throws IOException {
        String board = section(reportWithBoard(ExportFixtures.sharedLog("nodemcu-session-idf51.log")), "board");
        assertThat(board).contains("IDF v5.1.3 prints dialect B").doesNotContain("do not match");
        assertThat(dev.heapscope.model.Dialect.printedBy("4.4.7")).contains(dev.heapscope.model.Dialect.A);
        assertThat(dev.heapscope.model.Dialect.printedBy("5.0")).contains(dev.heapscope.model.Dialect.A);
        assertThat(dev.heapscope.model.Dialect.printedBy("5.4.1")).contains(dev.heapscope.model.Dialect.B);
        assertThat(dev.heapscope.model.Dialect.printedBy("5.5")).contains(dev.heapscope.model.Dialect.C);
        assertThat(dev.heapscope.model.Dialect.printedBy("6.0-dev")).contains(dev.heapscope.model.Dialect.C);
        assertThat(dev.heapscope.model.Dialect.printedBy("master")).isEmpty();
    }

    @Test
    void hostileBoardTextIsEscapedInTheBoardSectionAndTheTimeline() throws IOException {
        String text = "NodeMCU ESP32 build <b>2024&x powered by Lua 5.4.6 [5.4-" + ExportFixtures.SCRIPT
                + "] on IDF v5.5.1\nGuru Meditation Error: Core  0 panic'ed (<img src=x onerror=alert`3`>).\n"
                + "rst:0xc (SW_<i>RESET),boot:0x13 (SPI_FAST_FLASH_BOOT)\n";
        ParsedLog log = withEvents(ExportFixtures.hostile(), new LogParser().parse(text).events());
        StringBuilder out = new StringBuilder();
        new HtmlReportWriter(FrameNamer.hexOnly()).write("x.log", log, i -> null, out);
        String html = out.toString();
        assertThat(count(html, "<script")).isEqualTo(2);
        assertThat(section(html, "board")).contains("NodeMCU build &lt;b&gt;2024&amp;x, Lua 5.4.6 [5.4-"
                        + "&lt;script&gt;alert(1)&lt;/script&gt;], IDF v5.5.1",
                "core 0: &lt;img src=x onerror=alert`3`&gt;", "rst:0xc (SW_&lt;i&gt;RESET)",
                // the hostile log's dumps are dialect B, which IDF 5.5 does not print
                "IDF v5.5.1 prints dialect C; the dumps do not match");
        assertThat(section(html, "timeline-section")).contains("crash on core 0: &lt;img src=x onerror=alert`3`&gt;",
                "reset rst:0xc (SW_&lt;i&gt;RESET)");
        assertThat(html).doesNotContain("<img", "<i>", "<b>2024");
    }

    @Test
    void theTimelineHasOnePointPerDumpAndMarksTheResetAndCrashWhereTheyHappened() throws IOException {
        String timeline = section(reportWithBoard(ExportFixtures.sharedLog("incomplete-dump-panic-reboot.log")),
                "timeline-section");
        assertThat(count(timeline, "<circle class=\"dump-point")).isEqualTo(1);
        assertThat(timeline).contains("<circle class=\"dump-point incomplete\"", ", incomplete</title>", "#1*");
        // one reset marker: the banner right after the rst: line is the same boot
        assertThat(count(timeline, "<g class=\"marker reset\"")).isEqualTo(1);
        assertThat(count(timeline, "<g class=\"marker crash\"")).isEqualTo(1);
        assertThat(timeline).contains("<title>Line 16: reset rst:0xc (SW_CPU_RESET)</title>",
                "<title>Line 5: crash on core 1: Interrupt wdt timeout on CPU1</title>");
        assertThat(timeline).doesNotContainPattern("(src|href)=");
        // both happened after the dump (lines 2-4): right of its point, the crash before the reset
        double point = firstNumber(timeline, "<circle class=\"dump-point incomplete\" cx=\"([0-9.]+)\"");
        double crash = firstNumber(timeline, "<g class=\"marker crash\"><line x1=\"([0-9.]+)\"");
        double reset = firstNumber(timeline, "<g class=\"marker reset\"><line x1=\"([0-9.]+)\"");
        assertThat(point).isLessThan(crash);
        assertThat(crash).isLessThan(reset);
    }

    @Test
    void theTimelineDrawsBothDumpsOfASessionAndTheBootBeforeThem() throws IOException {
        String html = reportWithBoard(ExportFixtures.sharedLog("nodemcu-session-idf51.log"));
        String timeline = section(html, "timeline-section");
        assertThat(count(timeline, "<circle class=\"dump-point\"")).isEqualTo(2);
        assertThat(timeline).contains("40 live bytes, 1 record(s)</title>", "1176 live bytes, 6 record(s)</title>",
                "<title>Line 2: boot: NodeMCU banner, IDF v5.1.3</title>", ">1176</text>", ">records (bars)</text>");
        Matcher marker = Pattern.compile("<g class=\"marker reset\"><line x1=\"([0-9.]+)\"").matcher(timeline);
        Matcher first = Pattern.compile("<circle class=\"dump-point\" cx=\"([0-9.]+)\"").matcher(timeline);
        assertThat(marker.find()).isTrue();
        assertThat(first.find()).isTrue();
        // the boot (line 2) comes before dump #1 (line 8)
        assertThat(Double.parseDouble(marker.group(1))).isLessThan(Double.parseDouble(first.group(1)));
        assertThat(section(html, "board")).contains("IDF v5.1.3", "Lua 5.3.5");
    }

    @Test
    void theBoardSectionAndTimelineShowTheParsedLogsEventsAndNothingReadFromText() throws IOException {
        // a log without board text, given events by hand; the raw dump text holds a crash and a banner of its own
        ParsedLog plain = ExportFixtures.parse(ExportFixtures.sharedLog("nodemcu-session-idf51.log"));
        ParsedLog log = withEvents(plain, List.of(
                new LineEvent(1, new BoardEvent.Banner("1999-12-31", "5.4.6", "", "5.0.2")),
                new LineEvent(3, new BoardEvent.ElfSha256("feedfacecafebeef")),
                new LineEvent(12, new BoardEvent.Crash(0, "StoreProhibited", "")),
                new LineEvent(30, new BoardEvent.Reset(0xc, "SW_CPU_RESET", 0x13, "SPI_FAST_FLASH_BOOT"))));
        String rawText = "NodeMCU ESP32 build 2024-10-25 powered by Lua 5.3.5 on IDF v5.1.3\n"
                + "Guru Meditation Error: Core  1 panic'ed (OnlyInRawText).\nELF file SHA256: 0badc0de0badc0de\n";
        StringBuilder out = new StringBuilder();
        new HtmlReportWriter(FrameNamer.hexOnly()).write("x.log", log, i -> rawText, out);
        String html = out.toString();

        String board = section(html, "board");
        assertThat(board).contains("NodeMCU build 1999-12-31, Lua 5.4.6, IDF v5.0.2", "<code>feedfacecafebeef</code>",
                "1 banner(s), 1 reset line(s), 1 crash(es)", "IDF v5.0.2 prints dialect A; the dumps do not match",
                "<td class=\"n\">12</td><td class=\"warn\">crash</td><td>core 0: StoreProhibited",
                "<td class=\"n\">30</td><td>reset</td>");
        assertThat(board).doesNotContain("2024-10-25", "OnlyInRawText", "0badc0de");
        String timeline = section(html, "timeline-section");
        assertThat(timeline).contains("<title>Line 12: crash on core 0: StoreProhibited</title>",
                "<title>Line 30: reset rst:0xc (SW_CPU_RESET)</title>", "<title>Line 1: boot: NodeMCU banner, IDF v5.0.2</title>");
        assertThat(timeline).doesNotContain("OnlyInRawText");
    }

    @Test
    void eventsTheParserOnlyCountedAreSaidToBeLeftOut() throws IOException {
        ParsedLog plain = ExportFixtures.parse(ExportFixtures.sharedLog("nodemcu-session-idf51.log"));
        ParsedLog log = new ParsedLog(plain.dumps(), plain.symbols(),
                List.of(new LineEvent(2, new BoardEvent.Crash(1, "LoadProhibited", ""))),
                Map.of(BoardEvent.Kind.CRASH, 7L, BoardEvent.Kind.LUA_ERROR, 100L), plain.lines(), 0);
        StringBuilder out = new StringBuilder();
        new HtmlReportWriter(FrameNamer.hexOnly()).write("x.log", log, i -> null, out);
        // the report shows crashes, not Lua errors: only the crashes it could not show are counted
        assertThat(section(out.toString(), "board")).contains("7 further board event(s) left out.");
    }

    @Test
    void withoutBoardEventsTheSectionsSayNothingIsKnown() throws IOException {
        ParsedLog log = withEvents(ExportFixtures.parse(ExportFixtures.sharedLog("nodemcu-session-idf51.log")), List.of());
        String html = report(log, "x.log", i -> null);
        assertThat(section(html, "board")).contains("no NodeMCU banner in the log", "not printed",
                "No reset or crash in the log.");
        assertThat(count(section(html, "timeline-section"), "<g class=\"marker")).isZero();
    }
}
