package dev.heapscope.export;

import dev.heapscope.model.BoardEvent;
import dev.heapscope.model.Dump;
import dev.heapscope.model.LineEvent;
import dev.heapscope.parse.ParsedLog;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * The session timeline: one inline SVG with live bytes per dump (a line, left axis) and record count
 * (bars, right axis), dumps in input order, with resets and crashes drawn where they happened between
 * (or inside) the dumps by line number. Incomplete dumps get a hollow, dashed point. Hover text is in
 * {@code <title>} elements, so it needs no script.
 */
final class TimelineSvg {
    static final int WIDTH = 840;
    static final int HEIGHT = 240;
    private static final int LEFT = 70;
    private static final int RIGHT = 60;
    private static final int TOP = 24;
    private static final int BOTTOM = 40;
    /** Dumps drawn at most, about one per pixel of the plot; of more, each pixel's largest is drawn. */
    static final int MAX_POINTS = 700;

    private final List<Dump> dumps;
    private final List<Dump> shown;
    private final StreamedLog streamed;
    private final BoardLog board;
    private final long lineCount;

    TimelineSvg(StreamedLog streamed) {
        ParsedLog log = streamed.log();
        this.streamed = streamed;
        this.dumps = log.dumps();
        this.shown = largestPerSlot(dumps); // after streamed is set: it reads the dumps' tallies
        this.board = BoardLog.of(log);
        this.lineCount = log.lines(); // places events after the last dump
    }

    void write(Appendable out) throws IOException {
        if (dumps.isEmpty()) {
            out.append("<p class=\"muted\">No dump to draw.</p>\n");
            return;
        }
        long maxBytes = Math.max(1, dumps.stream().mapToLong(streamed::liveBytes).max().orElse(1));
        long maxRecords = Math.max(1, dumps.stream().mapToLong(streamed::records).max().orElse(1));
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        double slot = (double) plotWidth / dumps.size();
        out.append("<svg class=\"hs-timeline\" id=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(Integer.toString(WIDTH)).append(' ').append(Integer.toString(HEIGHT))
                .append("\" role=\"img\" aria-labelledby=\"timeline-title\">\n<title id=\"timeline-title\">Live bytes "
                        + "and record count per dump, with resets and crashes</title>\n");
        axes(out, maxBytes, maxRecords, plotWidth, plotHeight);
        out.append("<g class=\"records\">\n");
        for (Dump dump : shown) {
            double height = plotHeight * (double) streamed.records(dump) / maxRecords;
            double width = Math.max(1, slot * 0.5);
            out.append("<rect x=\"").append(fmt(x(dump.index(), slot) - width / 2)).append("\" y=\"")
                    .append(fmt(TOP + plotHeight - height)).append("\" width=\"").append(fmt(width))
                    .append("\" height=\"").append(fmt(height)).append("\"><title>Dump #")
                    .append(Integer.toString(dump.index() + 1)).append(": ")
                    .append(Integer.toString(streamed.records(dump))).append(" record(s)</title></rect>\n");
        }
        out.append("</g>\n<polyline class=\"bytes\" points=\"");
        for (Dump dump : shown) {
            out.append(fmt(x(dump.index(), slot))).append(',').append(fmt(yBytes(dump, maxBytes, plotHeight))).append(' ');
        }
        out.append("\"/>\n");
        for (Dump dump : shown) {
            out.append("<circle class=\"dump-point").append(dump.complete() ? "" : " incomplete").append("\" cx=\"")
                    .append(fmt(x(dump.index(), slot))).append("\" cy=\"").append(fmt(yBytes(dump, maxBytes, plotHeight)))
                    .append("\" r=\"4\"><title>Dump #").append(Integer.toString(dump.index() + 1)).append(" (lines ")
                    .append(Long.toString(dump.firstLine())).append('\u2013').append(Long.toString(dump.lastLine()))
                    .append("): ").append(Long.toString(streamed.liveBytes(dump))).append(" live bytes, ")
                    .append(Integer.toString(streamed.records(dump))).append(" record(s)")
                    .append(dump.complete() ? "" : ", incomplete").append("</title></circle>\n");
            out.append("<text class=\"tick\" x=\"").append(fmt(x(dump.index(), slot))).append("\" y=\"")
                    .append(Integer.toString(TOP + plotHeight + 14)).append("\" text-anchor=\"middle\">#")
                    .append(Integer.toString(dump.index() + 1)).append(dump.complete() ? "" : "*").append("</text>\n");
        }
        markers(out, slot, plotHeight);
        out.append("</svg>\n");
    }

    private void axes(Appendable out, long maxBytes, long maxRecords, int plotWidth, int plotHeight)
            throws IOException {
        int bottom = TOP + plotHeight;
        out.append("<g class=\"axes\"><line x1=\"").append(Integer.toString(LEFT)).append("\" y1=\"")
                .append(Integer.toString(TOP)).append("\" x2=\"").append(Integer.toString(LEFT)).append("\" y2=\"")
                .append(Integer.toString(bottom)).append("\"/><line x1=\"").append(Integer.toString(LEFT))
                .append("\" y1=\"").append(Integer.toString(bottom)).append("\" x2=\"")
                .append(Integer.toString(LEFT + plotWidth)).append("\" y2=\"").append(Integer.toString(bottom))
                .append("\"/><line x1=\"").append(Integer.toString(LEFT + plotWidth)).append("\" y1=\"")
                .append(Integer.toString(TOP)).append("\" x2=\"").append(Integer.toString(LEFT + plotWidth))
                .append("\" y2=\"").append(Integer.toString(bottom)).append("\"/></g>\n");
        label(out, LEFT - 6, bottom, "end", "0");
        label(out, LEFT - 6, TOP + 4, "end", Long.toString(maxBytes));
        label(out, LEFT + plotWidth + 6, bottom, "start", "0");
        label(out, LEFT + plotWidth + 6, TOP + 4, "start", Long.toString(maxRecords));
        out.append("<text class=\"axis-label\" x=\"14\" y=\"").append(Integer.toString(TOP + plotHeight / 2))
                .append("\" transform=\"rotate(-90 14 ").append(Integer.toString(TOP + plotHeight / 2))
                .append(")\" text-anchor=\"middle\">live bytes (line)</text>\n");
        out.append("<text class=\"axis-label\" x=\"").append(Integer.toString(WIDTH - 10)).append("\" y=\"")
                .append(Integer.toString(TOP + plotHeight / 2)).append("\" transform=\"rotate(90 ")
                .append(Integer.toString(WIDTH - 10)).append(' ').append(Integer.toString(TOP + plotHeight / 2))
                .append(")\" text-anchor=\"middle\">records (bars)</text>\n");
        out.append("<text class=\"axis-label\" x=\"").append(Integer.toString(LEFT + plotWidth / 2)).append("\" y=\"")
                .append(Integer.toString(HEIGHT - 6)).append("\" text-anchor=\"middle\">dump, in input order "
                        + "(* incomplete)</text>\n");
    }

    private void markers(Appendable out, double slot, int plotHeight) throws IOException {
        // the first banner after a reset line is that reset's boot: one marker, not two
        boolean resetAwaitsBanner = false;
        for (LineEvent lineEvent : board.events()) {
            BoardEvent event = lineEvent.event();
            String kind;
            String text;
            if (event instanceof BoardEvent.Reset reset) {
                resetAwaitsBanner = true;
                kind = "reset";
                text = "reset rst:0x" + Integer.toHexString(Math.max(reset.reasonCode(), 0)) + " (" + reset.reason() + ")";
            } else if (event instanceof BoardEvent.Crash crash) {
                kind = "crash";
                text = "crash" + (crash.core() >= 0 ? " on core " + crash.core() : "") + ": " + crash.reason();
            } else if (event instanceof BoardEvent.Banner banner && !resetAwaitsBanner) {
                kind = "reset";
                text = "boot: NodeMCU banner, IDF v" + banner.idfVersion();
            } else {
                resetAwaitsBanner = resetAwaitsBanner && !(event instanceof BoardEvent.Banner);
                continue;
            }
            double x = LEFT + (position(lineEvent.lineNumber()) + 0.5) * slot;
            out.append("<g class=\"marker ").append(kind).append("\"><line x1=\"").append(fmt(x)).append("\" y1=\"")
                    .append(Integer.toString(TOP)).append("\" x2=\"").append(fmt(x)).append("\" y2=\"")
                    .append(Integer.toString(TOP + plotHeight)).append("\"/><text x=\"").append(fmt(x)).append("\" y=\"")
                    .append(Integer.toString(TOP - 6)).append("\" text-anchor=\"middle\">")
                    .append(kind.equals("crash") ? "\u2715" : "\u21BB").append("</text><title>Line ")
                    .append(Long.toString(lineEvent.lineNumber())).append(": ");
            Markup.escape(text, out);
            out.append("</title></g>\n");
        }
    }

    /**
     * Where a line falls on the dump axis (dump i is at i): i + 0.2 inside dump i's lines; between dumps
     * i - 1 and i in proportion to the lines between them, so a crash right after a dump and the reset
     * later stay apart; before the first and after the last dump, likewise in the margin.
     */
    private double position(long line) {
        int i = firstEndingAtOrAfter(line);
        if (i < dumps.size()) {
            Dump dump = dumps.get(i);
            long previousEnd = i == 0 ? 0 : dumps.get(i - 1).lastLine();
            if (line <= dump.lastLine()) {
                if (line >= dump.firstLine()) {
                    return i + 0.2;
                }
                double share = (double) (line - previousEnd) / Math.max(1, dump.firstLine() - previousEnd);
                return i == 0 ? -0.45 + 0.35 * share : i - 0.85 + 0.7 * share;
            }
        }
        long previousEnd = dumps.get(dumps.size() - 1).lastLine();
        double share = (double) (line - previousEnd) / Math.max(1, Math.max(lineCount, line) - previousEnd);
        return dumps.size() - 0.9 + 0.35 * share;
    }

    /** Dumps are in input order, so their last lines ascend: a binary search, not a walk per marker. */
    private int firstEndingAtOrAfter(long line) {
        int low = 0;
        int high = dumps.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (dumps.get(middle).lastLine() < line) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** All dumps when they fit {@link #MAX_POINTS}; else, of each run of dumps sharing a point, the one holding most. */
    private List<Dump> largestPerSlot(List<Dump> dumps) {
        if (dumps.size() <= MAX_POINTS) {
            return dumps;
        }
        List<Dump> largest = new java.util.ArrayList<>(MAX_POINTS);
        for (int slot = 0; slot < MAX_POINTS; slot++) {
            int from = (int) ((long) dumps.size() * slot / MAX_POINTS);
            int to = (int) ((long) dumps.size() * (slot + 1) / MAX_POINTS);
            Dump best = dumps.get(from);
            for (int i = from + 1; i < to; i++) {
                // from the streamed tallies: a streamed dump keeps no records to add up
                if (streamed.liveBytes(dumps.get(i)) > streamed.liveBytes(best)) {
                    best = dumps.get(i);
                }
            }
            largest.add(best);
        }
        return largest;
    }

    private static double x(int index, double slot) {
        return LEFT + (index + 0.5) * slot;
    }

    private double yBytes(Dump dump, long maxBytes, int plotHeight) {
        return TOP + plotHeight - plotHeight * (double) streamed.liveBytes(dump) / maxBytes;
    }

    private static void label(Appendable out, int x, int y, String anchor, String text) throws IOException {
        out.append("<text class=\"tick\" x=\"").append(Integer.toString(x)).append("\" y=\"").append(Integer.toString(y))
                .append("\" text-anchor=\"").append(anchor).append("\">").append(text).append("</text>\n");
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
