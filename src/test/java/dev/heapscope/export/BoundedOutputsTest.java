package dev.heapscope.export;

import dev.heapscope.analysis.FrameNamer;
import dev.heapscope.analysis.Weight;
import dev.heapscope.analysis.flame.FlameStacks;
import dev.heapscope.model.Dump;
import dev.heapscope.parse.LogParser;
import dev.heapscope.parse.ParsedLog;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inputs whose honest drawing would be gigabytes: many distinct deep chains, many dumps. The issue's
 * 100 x 90,000 frames is measured by hand (docs/RELIABILITY.md); these are its smaller kin.
 */
class BoundedOutputsTest {

    /** {@code records} records, each with its own chain of {@code depth} frames no other record shares. */
    static String distinctChains(int records, int depth) {
        StringBuilder log = new StringBuilder(records + " allocations trace (100 entry buffer)\n");
        long bytes = 0;
        for (int r = 0; r < records; r++) {
            log.append(16 + r).append(" bytes (@ 0x").append(Integer.toHexString(0x3ffb0000 + r * 64))
                    .append(") allocated CPU 0 ccount 0x00000001 caller ");
            int base = 0x40000004 + r * depth * 4; // a chain starting at 0x40000000 reads as none
            for (int i = 0; i < depth; i++) {
                log.append(i == 0 ? "" : ":").append(String.format("0x%08x", base + 4 * i));
            }
            log.append('\n');
            bytes += 16 + r;
        }
        return log.append(bytes).append(" bytes 'leaked' in trace (").append(records).append(" allocations)\n")
                .append("total allocations ").append(records).append(" total frees 0\n").toString();
    }

    private static ParsedLog parse(String text) {
        return new LogParser().parse(text);
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void aFlameGraphOfManyDistinctDeepChainsDrawsAtMostItsFrameBudgetAndSaysWhatItLeftOut() throws Exception {
        Dump dump = parse(distinctChains(100, 3000)).dumps().get(0); // 300,000 frames, each 11 px wide
        FlameStacks stacks = FlameStacks.ofRecords(dump.liveRecords(), Weight.BYTES, FrameNamer.hexOnly(),
                SvgFlameWriter.STACK_DEPTH);
        StringBuilder svg = new StringBuilder();
        int drawn = SvgFlameWriter.write(stacks, "wide", svg);
        assertThat(drawn).isBetween(FlameSvg.MAX_FRAMES - 100, FlameSvg.MAX_FRAMES);
        assertThat(count(svg.toString(), "<g class=\"f\"")).isEqualTo(drawn);
        assertThat(svg).contains(">wide (frames deeper than ");
        assertThat(svg.length()).isLessThan(12 << 20);
    }

    @Test
    void aChainDeeperThanTheRowLimitIsCutWithANoteWhileAShallowerOneIsWhole() throws Exception {
        Dump deep = parse(distinctChains(1, 20_000)).dumps().get(0); // the issue's 75,000 through the CLI: CliBoundsTest
        StringBuilder svg = new StringBuilder();
        int drawn = SvgFlameWriter.write(FlameStacks.ofRecords(deep.liveRecords(), Weight.BYTES, FrameNamer.hexOnly(),
                SvgFlameWriter.STACK_DEPTH), "deep", svg);
        assertThat(drawn).isEqualTo(FlameSvg.MAX_ROWS);
        assertThat(svg).contains(">deep (frames deeper than " + FlameSvg.MAX_ROWS + " levels not drawn)");
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        PngFlameWriter.write(FlameStacks.ofRecords(deep.liveRecords(), Weight.BYTES, FrameNamer.hexOnly(),
                SvgFlameWriter.STACK_DEPTH), "deep", 1, png);
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new ByteArrayInputStream(png.toByteArray()));
        assertThat(image.getHeight()).isLessThanOrEqualTo(28 + PngFlameWriter.MAX_ROWS * 18 + 6);

        Dump shallow = parse(distinctChains(1, 4000)).dumps().get(0);
        StringBuilder whole = new StringBuilder();
        SvgFlameWriter.write(FlameStacks.ofRecords(shallow.liveRecords(), Weight.BYTES, FrameNamer.hexOnly(),
                SvgFlameWriter.STACK_DEPTH), "shallow", whole);
        assertThat(whole).doesNotContain("not drawn").contains("<title>0x40000004\n"); // the innermost frame
    }

    @Test
    void aReportOfManyDistinctDeepChainsStaysSmallAndSaysWhatItLeftOut() throws Exception {
        String text = distinctChains(60, 2000);
        ParsedLog log = parse(text);
        StringBuilder html = new StringBuilder();
        new HtmlReportWriter(FrameNamer.hexOnly()).write("wide.log", log, i -> text, html);
        String report = html.toString();
        assertThat(report.length()).isLessThan(20 << 20);
        assertThat(report).contains(" more frame(s)</td>", "frames deeper than ");
        // each chain cell holds its innermost frames only, in its names and in its addresses
        Matcher cell = Pattern.compile("<td class=\"chain\" title=\"([^\"]*)\">([^<]*)</td>").matcher(report);
        assertThat(cell.find()).isTrue();
        assertThat(cell.group(1).split(":").length).isLessThanOrEqualTo(ChainText.MAX_CELL_FRAMES + 1);
        assertThat(cell.group(2).split(" &lt;- ")).hasSize(ChainText.MAX_CELL_FRAMES + 1);
    }

    @Test
    void aReportOfThousandsOfDumpsDrawsAPointPerPixelAndListsABoundedNumber() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int d = 0; d < 5000; d++) {
            text.append("1 allocations trace (100 entry buffer)\n")
                    .append(8 + d % 50).append(" bytes (@ 0x3ffb0000) allocated CPU 0 ccount 0x00000001 caller 0x400d0000:\n")
                    .append(8 + d % 50).append(" bytes 'leaked' in trace (1 allocations)\n")
                    .append("total allocations 1 total frees 0\n");
        }
        ParsedLog log = parse(text.toString());
        assertThat(log.dumps()).hasSize(5000);
        StringBuilder html = new StringBuilder();
        new HtmlReportWriter(FrameNamer.hexOnly()).write("many.log", log, i -> null, html);
        String report = html.toString();
        assertThat(count(report, "<circle class=\"dump-point")).isEqualTo(TimelineSvg.MAX_POINTS);
        assertThat(count(report, "<details><summary>Dump #")).isEqualTo(ReportSections.MAX_DUMP_ROWS);
        assertThat(report).contains("3000 more dump(s) left out");
        // each of the 700 points is the largest dump of its run
        assertThat(report).contains(" 57 live bytes, 1 record(s)").doesNotContain(": 8 live bytes, 1 record(s)");
    }

    @Test
    void aNameOfAnyLengthIsCutInCellsAndFlameTitles() {
        String longName = "n".repeat(100_000);
        assertThat(ChainText.shortened(longName)).hasSize(ChainText.MAX_NAME_CHARS).endsWith("\u2026");
        assertThat(ChainText.shortened("short")).isEqualTo("short");
    }

    @Test
    void rawDumpTextStopsAtItsBudgetEvenInsideOneLongLine() throws Exception {
        String text = distinctChains(3, 20_000); // lines of 220 KB
        ParsedLog log = parse(text);
        Map<Integer, String> raw = RawDumps.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)),
                log.dumps(), 100_000);
        assertThat(raw.get(0).length()).isLessThanOrEqualTo(100_000 + 2);
        assertThat(List.copyOf(raw.keySet())).containsExactly(0);
    }
}
