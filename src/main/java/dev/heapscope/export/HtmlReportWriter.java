package dev.heapscope.export;

import dev.heapscope.analysis.FrameNamer;
import dev.heapscope.model.HeldBy;
import dev.heapscope.parse.ParsedLog;

import java.io.IOException;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes one self-contained HTML report of a log: summary, board and firmware, session timeline, sortable leak table, interactive flame
 * graph, the diff of the first and last complete dump and the raw dumps. No external resource (a
 * Content-Security-Policy forbids any), so it opens offline; every string that came from the board
 * or a file is escaped. The template is {@code dev/heapscope/report/report.html}; sections are
 * written between its {@code <!--@NAME-->} markers, never substituted into it as text.
 */
public final class HtmlReportWriter {
    private static final Pattern MARKER = Pattern.compile("<!--@([A-Z]+)-->");

    private final FrameNamer namer;
    private final HeldBy heldBy;

    public HtmlReportWriter(FrameNamer namer) {
        this(namer, HeldBy.UNKNOWN);
    }

    /** With a "Held by" column in the leak table when {@code heldBy} is known (a saved virtual-board session). */
    public HtmlReportWriter(FrameNamer namer, HeldBy heldBy) {
        this.namer = namer == null ? FrameNamer.hexOnly() : namer;
        this.heldBy = heldBy == null ? HeldBy.UNKNOWN : heldBy;
    }

    /**
     * @param sourceName   what the report is about (a file name), shown as its title
     * @param log          the input as parsed, board events included: the report reads nothing else of it
     * @param rawDumpText  the input text of the dump with this index, or null when unavailable
     */
    public void write(String sourceName, ParsedLog log, IntFunction<String> rawDumpText, Appendable out)
            throws IOException {
        write(sourceName, StreamedLog.of(log, heldBy != HeldBy.UNKNOWN), rawDumpText, out);
    }

    /** As above, for a log whose records were added up as they streamed by. */
    public void write(String sourceName, StreamedLog streamed, IntFunction<String> rawDumpText, Appendable out)
            throws IOException {
        ParsedLog log = streamed.log();
        ReportSections sections = new ReportSections(streamed, namer, rawDumpText, heldBy);
        String template = Resources.text("report.html");
        Matcher marker = MARKER.matcher(template);
        int from = 0;
        while (marker.find()) {
            out.append(template, from, marker.start());
            switch (marker.group(1)) {
                case "TITLE" -> Markup.escape(sourceName, out);
                case "SUMMARY" -> sections.summary(out);
                case "BOARD" -> new BoardSection(log).write(out);
                case "TIMELINE" -> new TimelineSvg(streamed).write(out);
                case "LEAKS" -> sections.leaks(out);
                case "FLAME" -> sections.flame(out);
                case "DIFF" -> sections.diff(out);
                case "APPENDIX" -> sections.appendix(out);
                case "FLAMEJS" -> out.append(Resources.text("flame.js"));
                case "REPORTJS" -> out.append(Resources.text("report.js"));
                default -> throw new IllegalStateException("unknown report marker " + marker.group());
            }
            from = marker.end();
        }
        out.append(template, from, template.length());
    }
}
