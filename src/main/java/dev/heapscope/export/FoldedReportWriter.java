package dev.heapscope.export;

import dev.heapscope.analysis.flame.FlameStacks;

import java.io.IOException;

/**
 * The report of folded stacks from another tool: there are no dumps, records or board lines, so it is
 * the summary and the interactive flame graph, self-contained and offline like the full report.
 */
public final class FoldedReportWriter {
    private FoldedReportWriter() {
    }

    public static void write(String sourceName, FlameStacks stacks, int stackLines, Appendable out) throws IOException {
        StringBuilder svg = new StringBuilder();
        SvgFlameWriter.write(stacks, sourceName, svg);
        int prologEnd = svg.indexOf("?>");
        String inline = prologEnd >= 0 ? svg.substring(svg.indexOf("<", prologEnd)) : svg.toString();
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                        + "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n")
                .append("<title>HeapScope report: ").append(Markup.escape(sourceName)).append("</title>\n")
                .append("<style>body{font-family:sans-serif;margin:1.5em}svg{max-width:100%;height:auto}</style>\n")
                .append("</head><body>\n<h1>HeapScope report</h1>\n<p>Source: ").append(Markup.escape(sourceName))
                .append(" (folded stacks: ").append(String.valueOf(stackLines)).append(" stacks, ")
                .append(String.format("%,d", stacks.totalValue())).append(' ').append(stacks.weight().unit())
                .append("). Folded stacks carry no dumps, so this report is their flame graph: click a frame to "
                        + "zoom, search to highlight.</p>\n")
                .append(inline).append("\n</body></html>\n");
    }
}
