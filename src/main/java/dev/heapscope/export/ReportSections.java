package dev.heapscope.export;

import dev.heapscope.analysis.DiffRow;
import dev.heapscope.analysis.DumpDiff;
import dev.heapscope.analysis.FrameNamer;
import dev.heapscope.analysis.Holders;
import dev.heapscope.model.HeldBy;
import dev.heapscope.analysis.LeakRow;
import dev.heapscope.analysis.LeakTable;
import dev.heapscope.analysis.flame.FlameStacks;
import dev.heapscope.model.Dump;
import dev.heapscope.model.ParseWarning;
import dev.heapscope.model.Summary;
import dev.heapscope.parse.ParsedLog;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntFunction;

/** The sections of the HTML report; every text from the input goes through {@link Markup}. */
final class ReportSections {
    static final int MAX_TABLE_ROWS = 5000;
    static final int MAX_APPENDIX_CHARS = 4 << 20;
    /**
     * Characters a table of call chains may take: with the flame graph (at most ~9 MB), the appendix
     * and the dump list, a report of any input stays under 20 MB.
     */
    static final int MAX_TABLE_CHARS = 2 << 20;
    /** Dumps listed (and warnings shown) at most; a log of a million tiny dumps is not a million rows. */
    static final int MAX_DUMP_ROWS = 2000;

    private final ParsedLog log;
    private final StreamedLog streamed;
    private final FrameNamer namer;
    private final IntFunction<String> rawDumpText;
    private final Optional<Dump> last;
    private final List<Dump> complete;
    private final HeldBy heldBy;

    ReportSections(StreamedLog streamed, FrameNamer namer, IntFunction<String> rawDumpText, HeldBy heldBy) {
        this.streamed = streamed;
        this.log = streamed.log();
        this.heldBy = heldBy;
        this.namer = namer;
        this.rawDumpText = rawDumpText;
        this.last = log.lastCompleteDump();
        this.complete = log.dumps().stream().filter(Dump::complete).toList();
    }

    void summary(Appendable out) throws IOException {
        out.append("<p>").append(Integer.toString(log.dumpCount())).append(" dump(s), ")
                .append(Integer.toString(streamed.completeDumps())).append(" complete, ").append(Long.toString(log.lines()))
                .append(" line(s) read, ").append(Integer.toString(log.symbols().size()))
                .append(" symbol name(s) found in the log")
                .append(log.symbolsLeftOut() == 0 ? "" : " (" + log.symbolsLeftOut() + " more were read but not kept)")
                .append(".</p>\n");
        if (log.dumps().isEmpty()) {
            out.append("<p class=\"warn\">No heap trace dump found in the input.</p>\n");
            return;
        }
        out.append("<table id=\"dumps\"><thead><tr><th>Dump</th><th>Dialect</th><th>State</th><th>Mode</th>"
                + "<th class=\"n\">Records</th><th class=\"n\">Live</th><th class=\"n\">Live bytes</th>"
                + "<th class=\"n\">Total allocs</th><th class=\"n\">Total frees</th><th class=\"n\">Capacity</th>"
                + "<th class=\"n\">High water</th><th>Overflow</th><th>Lines</th></tr></thead><tbody>\n");
        for (Dump dump : log.dumps()) {
            if (dump.index() >= MAX_DUMP_ROWS) {
                break;
            }
            Summary summary = dump.summary();
            out.append("<tr><td>#").append(Integer.toString(dump.index() + 1)).append("</td><td>")
                    .append(dump.dialect().name()).append("</td><td").append(dump.complete() ? ">complete" :
                            " class=\"warn\">incomplete").append("</td><td>")
                    .append(summary == null || summary.mode() == null ? "" : summary.mode().word()).append("</td>");
            number(out, streamed.records(dump));
            number(out, streamed.live(dump));
            number(out, streamed.liveBytes(dump));
            cell(out, summary == null ? null : summary.totalAllocations());
            cell(out, summary == null ? null : summary.totalFrees());
            cell(out, summary == null ? null : summary.capacity());
            cell(out, summary == null ? null : summary.highWaterMark());
            out.append("<td>").append(summary != null && summary.overflowed() ? "<span class=\"warn\">yes</span>" : "")
                    .append("</td><td>").append(Long.toString(dump.firstLine())).append("\u2013")
                    .append(Long.toString(dump.lastLine())).append("</td></tr>\n");
        }
        out.append("</tbody></table>\n");
        more(out, log.dumpCount(), MAX_DUMP_ROWS, "dump(s)", "'heapscope analyze' lists them all");
        out.append("<h3>Warnings</h3>\n<ul id=\"warnings\">\n");
        int warnings = 0;
        if (log.truncatedLines() > 0) {
            out.append("<li class=\"warn\">").append(Long.toString(log.truncatedLines()))
                    .append(" over-long line(s) were cut</li>\n");
            warnings++;
        }
        for (Dump dump : log.dumps()) {
            for (ParseWarning warning : dump.warnings()) {
                if (warnings == MAX_DUMP_ROWS) {
                    out.append("<li class=\"warn\">further warnings left out</li>\n");
                    warnings++;
                }
                if (warnings > MAX_DUMP_ROWS) {
                    break;
                }
                out.append("<li class=\"warn\">Dump #").append(Integer.toString(dump.index() + 1)).append(": ");
                Markup.escape(warning.toString(), out);
                out.append("</li>\n");
                warnings++;
            }
        }
        out.append(warnings == 0 ? "<li>none</li>\n</ul>\n" : "</ul>\n");
    }

    void leaks(Appendable out) throws IOException {
        if (last.isEmpty()) {
            out.append("<p class=\"muted\">No dump.</p>\n");
            return;
        }
        Dump dump = last.get();
        LeakTable table = streamed.shownTally().leakTable();
        out.append("<p>Live allocations in dump #").append(Integer.toString(dump.index() + 1)).append(": ")
                .append(Long.toString(table.totalBytes())).append(" bytes in ").append(Integer.toString(table.totalCount()))
                .append(" allocation(s), ").append(Integer.toString(table.chainCount()))
                .append(" call chain(s). Click a header to sort.</p>\n");
        if (table.leftOut().count() > 0) {
            out.append("<p class=\"muted\">").append(LeakNotes.leftOut(table)).append("</p>\n");
        }
        out.append("<table class=\"sortable\" id=\"leak-table\"><thead><tr><th class=\"n\">Bytes</th><th class=\"n\">Count"
                + "</th><th class=\"n\">Avg</th><th class=\"n\">Min</th><th class=\"n\">Max</th><th>Region</th>"
                + "<th class=\"n\">First #</th>" + (heldBy == HeldBy.UNKNOWN ? "" : "<th>Held by</th>")
                + "<th>Call chain (innermost first)</th></tr></thead><tbody>\n");
        int shown = 0;
        TableBudget budget = new TableBudget();
        for (LeakRow row : table.rows()) {
            if (shown == MAX_TABLE_ROWS || budget.spent()) {
                break;
            }
            shown++;
            out.append("<tr>");
            number(out, row.totalBytes());
            number(out, row.count());
            out.append("<td class=\"n\" data-v=\"").append(String.format(Locale.ROOT, "%.1f", row.averageSizeBytes()))
                    .append("\">").append(String.format(Locale.ROOT, "%.1f", row.averageSizeBytes())).append("</td>");
            number(out, row.minSizeBytes());
            number(out, row.maxSizeBytes());
            out.append("<td>").append(row.regions().name().toLowerCase(Locale.ROOT)).append("</td>");
            number(out, row.firstSeen().index());
            if (heldBy != HeldBy.UNKNOWN) {
                out.append("<td>");
                Markup.escape(Holders.of(row.records(), heldBy).summary(), out);
                out.append("</td>");
            }
            chainCell(out, row.chain(), budget);
            out.append("</tr>\n");
        }
        out.append("</tbody></table>\n");
        more(out, table.rows().size(), shown, "row(s)", "the CSV export has them all");
    }

    void flame(Appendable out) throws IOException {
        if (last.isEmpty()) {
            out.append("<p class=\"muted\">No dump.</p>\n");
            return;
        }
        Dump dump = last.get();
        // sorted and merged from the live bytes per chain: no tree of every frame for a graph that draws a few thousand
        FlameStacks stacks = LeakStacks.of(streamed.shownTally().leakTable(), namer, SvgFlameWriter.STACK_DEPTH);
        new FlameSvg(FlameSvg.framesOf(stacks), "Live bytes, dump #" + (dump.index() + 1)).write(out, null);
    }

    void diff(Appendable out) throws IOException {
        if (complete.size() < 2) {
            out.append("<p class=\"muted\">Needs two complete dumps; the input has ")
                    .append(Integer.toString(complete.size())).append(".</p>\n");
            return;
        }
        Dump before = complete.get(0);
        Dump after = complete.get(complete.size() - 1);
        DumpDiff diff = streamed.diff(before, after);
        out.append("<p>Dump #").append(Integer.toString(before.index() + 1)).append(" \u2192 #")
                .append(Integer.toString(after.index() + 1)).append(": ").append(Long.toString(diff.beforeBytes()))
                .append(" \u2192 ").append(Long.toString(diff.afterBytes())).append(" live bytes (")
                .append(signed(diff.byteDelta())).append("), ").append(Integer.toString(diff.survivors().size()))
                .append(" allocation(s) survived, ").append(Integer.toString(diff.appeared().size()))
                .append(" appeared, ").append(Integer.toString(diff.disappeared().size())).append(" disappeared.</p>\n");
        out.append("<table class=\"sortable\" id=\"diff-table\"><thead><tr><th class=\"n\">\u0394 bytes</th>"
                + "<th class=\"n\">\u0394 count</th><th>Status</th><th class=\"n\">Before</th><th class=\"n\">After</th>"
                + "<th class=\"n\">Survivors</th><th>Call chain (innermost first)</th></tr></thead><tbody>\n");
        int shown = 0;
        TableBudget budget = new TableBudget();
        for (DiffRow row : diff.rows()) {
            if (shown == MAX_TABLE_ROWS || budget.spent()) {
                break;
            }
            shown++;
            String status = row.status().name().toLowerCase(Locale.ROOT);
            out.append("<tr class=\"").append(status).append("\"><td class=\"n\" data-v=\"")
                    .append(Long.toString(row.byteDelta())).append("\">").append(signed(row.byteDelta()))
                    .append("</td><td class=\"n\" data-v=\"").append(Integer.toString(row.countDelta())).append("\">")
                    .append(signed(row.countDelta())).append("</td><td>").append(status).append("</td>");
            number(out, row.beforeBytes());
            number(out, row.afterBytes());
            number(out, row.survivors());
            chainCell(out, row.chain(), budget);
            out.append("</tr>\n");
        }
        out.append("</tbody></table>\n");
        more(out, diff.rows().size(), shown, "row(s)", "the CSV export has them all");
    }

    void appendix(Appendable out) throws IOException {
        long written = 0;
        for (Dump dump : log.dumps()) {
            if (dump.index() >= MAX_DUMP_ROWS) {
                out.append("<p class=\"muted\">").append(Integer.toString(log.dumps().size() - MAX_DUMP_ROWS))
                        .append(" more dump(s) left out; see the input file.</p>\n");
                break;
            }
            String raw = rawDumpText == null ? null : rawDumpText.apply(dump.index());
            out.append("<details><summary>Dump #").append(Integer.toString(dump.index() + 1)).append(", lines ")
                    .append(Long.toString(dump.firstLine())).append("\u2013").append(Long.toString(dump.lastLine()))
                    .append("</summary>\n<pre>");
            if (raw == null) {
                out.append("(raw text not available)");
            } else if (written + raw.length() > MAX_APPENDIX_CHARS) {
                out.append("(left out: the appendix is limited to ").append(Integer.toString(MAX_APPENDIX_CHARS))
                        .append(" characters; see the input file)");
            } else {
                Markup.escape(raw, out);
                written += raw.length();
            }
            out.append("</pre></details>\n");
        }
    }

    private void chainCell(Appendable out, dev.heapscope.model.CallChain chain, TableBudget budget)
            throws IOException {
        String addresses = ChainText.addresses(chain, ChainText.MAX_CELL_FRAMES);
        String names = ChainText.names(chain, namer, ChainText.MAX_CELL_FRAMES);
        budget.spend(addresses.length() + names.length());
        out.append("<td class=\"chain\" title=\"").append(addresses).append("\">");
        Markup.escape(names, out);
        out.append("</td>");
    }

    private static void more(Appendable out, int all, int shown, String what, String where) throws IOException {
        if (all > shown) {
            out.append("<p class=\"muted\">").append(Integer.toString(all - shown)).append(" more ").append(what)
                    .append(" left out; ").append(where).append(".</p>\n");
        }
    }

    /** Characters of call chains a table has written, against {@link #MAX_TABLE_CHARS}. */
    private static final class TableBudget {
        private long chars;

        void spend(int n) {
            chars += n;
        }

        boolean spent() {
            return chars >= MAX_TABLE_CHARS;
        }
    }

    private static void number(Appendable out, long value) throws IOException {
        String text = Long.toString(value);
        out.append("<td class=\"n\" data-v=\"").append(text).append("\">").append(text).append("</td>");
    }

    private static void cell(Appendable out, Number value) throws IOException {
        if (value == null) {
            out.append("<td class=\"n\"></td>");
        } else {
            number(out, value.longValue());
        }
    }

    private static String signed(long value) {
        return value > 0 ? "+" + value : Long.toString(value);
    }
}
