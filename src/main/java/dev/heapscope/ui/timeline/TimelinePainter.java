package dev.heapscope.ui.timeline;

import dev.heapscope.analysis.timeline.AllocationColumns;
import dev.heapscope.analysis.timeline.AllocationEvents;
import dev.heapscope.analysis.timeline.LabelRows;
import dev.heapscope.analysis.timeline.LinkGaps;
import dev.heapscope.analysis.timeline.TimeTicks;
import dev.heapscope.analysis.timeline.TimeAxis;
import dev.heapscope.analysis.timeline.TimeRange;
import dev.heapscope.analysis.timeline.TimelineReduction;
import dev.heapscope.session.Marker;
import dev.heapscope.session.SessionSnapshot;
import dev.heapscope.ui.common.Theme;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws the timeline: free heap (min/max per column, broken where the link was down) on top, allocations
 * (bytes per column and the largest single one) in a band below, markers across both with their labels
 * stacked in rows, the time axis (board time and wall clock) and the selected time range.
 */
final class TimelinePainter {
    static final double AXIS_PX = 56;
    private static final double BAND_PX = 64;
    private static final double ROW_PX = 12;
    private static final double CHAR_PX = 6;
    private static final double TICKS_PX = 28;

    private static final Color LARGEST = Color.web("#ef6c00");

    private TimelinePainter() {
    }

    static TimelineDrawn paint(GraphicsContext g, double width, double height, Theme colors, SessionSnapshot snapshot,
                         AllocationEvents events, TimeAxis axis, TimeRange selection, LinkGaps gaps, long originMicros) {
        g.setFill(colors.background());
        g.fillRect(0, 0, width, height);
        if (snapshot == null || width <= AXIS_PX || height < BAND_PX + 90 || axis.toMicros() <= axis.fromMicros()) {
            return TimelineDrawn.NOTHING;
        }
        g.setFont(Font.font("SansSerif", 10));
        g.setTextBaseline(VPos.CENTER);
        List<Marker> shownMarkers = snapshot.markers().stream().filter(m -> m.hostMillis() * 1000.0 >= axis.fromMicros()
                && m.hostMillis() * 1000.0 <= axis.toMicros()).toList();
        double[] labelX = new double[shownMarkers.size()];
        double[] labelWidths = new double[shownMarkers.size()];
        for (int i = 0; i < labelX.length; i++) {
            labelX[i] = axis.xOf(shownMarkers.get(i).hostMillis() * 1000.0) + 2;
            labelWidths[i] = label(shownMarkers.get(i)).length() * CHAR_PX;
        }
        int[] rows = LabelRows.assign(labelX, labelWidths, 4);
        double labelsTop = 16;
        double top = labelsTop + Math.min(4, LabelRows.count(rows)) * ROW_PX + 4;
        double bandBottom = height - TICKS_PX;
        double bandTop = bandBottom - BAND_PX;
        double heapBottom = bandTop - 8;
        paintGaps(g, colors, gaps, axis, top, bandBottom);
        int segments = paintHeap(g, colors, snapshot, axis, top, heapBottom, gaps);
        paintAllocations(g, colors, events, axis, bandTop, bandBottom);
        List<String> labels = paintMarkers(g, colors, shownMarkers, rows, axis, labelsTop, top, bandBottom);
        List<String> ticks = paintTicks(g, colors, axis, originMicros, bandBottom, width);
        if (selection != null) {
            double left = Math.max(AXIS_PX, axis.xOf(selection.fromMicros()));
            double right = Math.min(width, Math.max(axis.xOf(selection.toMicros()), left + 1));
            if (right > left) {
                g.setFill(colors.accent().deriveColor(0, 1, 1, 0.18));
                g.fillRect(left, top, right - left, bandBottom - top);
                g.setStroke(colors.accent());
                g.strokeRect(left, top, right - left, bandBottom - top);
            }
        }
        g.setStroke(colors.grid());
        g.strokeLine(AXIS_PX, bandBottom, width, bandBottom);
        g.setFill(colors.text());
        g.fillText(String.format("free heap, %d samples, %s shown", snapshot.samples().size(),
                TimeRange.describeLength(axis.toMicros() - axis.fromMicros())), AXIS_PX + 4, 6);
        return new TimelineDrawn(segments, labels, java.util.Arrays.stream(rows).boxed().toList(), ticks);
    }

    /** Board time (seconds since the session started) over wall-clock time, at nicely stepped ticks. */
    private static List<String> paintTicks(GraphicsContext g, Theme colors, TimeAxis axis, long originMicros,
                                           double y, double width) {
        TimeTicks ticks = TimeTicks.of(axis.fromMicros(), axis.toMicros(), originMicros, axis.widthPx(), 80);
        List<String> drawn = new ArrayList<>();
        g.setFill(colors.text());
        g.fillText("board", 2, y + 8);
        g.fillText("clock", 2, y + 20);
        for (long t : ticks.times()) {
            double x = axis.xOf(t);
            if (x < AXIS_PX || x > width) {
                continue;
            }
            g.setStroke(colors.grid());
            g.strokeLine(x, y, x, y + 4);
            String board = ticks.boardLabel(t);
            String wall = TimeTicks.wallLabel(t, ZoneId.systemDefault());
            if (x + wall.length() * CHAR_PX / 2 > width) {
                continue; // a label cut at the right edge reads wrong ("01:40:3")
            }
            g.fillText(board, x - board.length() * CHAR_PX / 2, y + 9);
            g.fillText(wall, x - wall.length() * CHAR_PX / 2, y + 21);
            drawn.add(board + " " + wall);
        }
        return drawn;
    }

    /** Periods without a link, shaded: nothing was measured there. */
    private static void paintGaps(GraphicsContext g, Theme colors, LinkGaps gaps, TimeAxis axis, double top,
                                  double bottom) {
        for (LinkGaps.Gap gap : gaps.all()) {
            double left = Math.max(AXIS_PX, axis.xOf(gap.fromMillis() * 1000.0));
            double right = Math.min(axis.leftPx() + axis.widthPx(), gap.toMillis() == Long.MAX_VALUE
                    ? axis.leftPx() + axis.widthPx() : axis.xOf(gap.toMillis() * 1000.0));
            if (right > left) {
                g.setFill(colors.grid().deriveColor(0, 1, 1, 0.35));
                g.fillRect(left, top, right - left, bottom - top);
                g.setFill(colors.text());
                g.fillText("no link", left + 3, top + 8);
            }
        }
    }

    /** Returns how many separate pieces the line was drawn in (a lost link breaks it). */
    private static int paintHeap(GraphicsContext g, Theme colors, SessionSnapshot snapshot, TimeAxis axis,
                                 double top, double bottom, LinkGaps gaps) {
        // polls are whole milliseconds apart at best: the window rounded out to them is close enough
        TimelineReduction reduced = TimelineReduction.of(snapshot.samples(), Math.floorDiv(axis.fromMicros(), 1000),
                Math.floorDiv(axis.toMicros() + 999, 1000), axis.columns());
        double low = Double.MAX_VALUE;
        double high = 0;
        for (int i = 0; i < reduced.columns(); i++) {
            if (!Double.isNaN(reduced.minFreeBytes()[i])) {
                low = Math.min(low, reduced.minFreeBytes()[i]);
                high = Math.max(high, reduced.maxFreeBytes()[i]);
            }
        }
        if (high <= 0) {
            return 0;
        }
        double span = Math.max(1, high - low);
        low = Math.max(0, low - span * 0.1);
        high = high + span * 0.1;
        g.setFill(colors.text());
        g.fillText(String.format("%,.0f", high), 2, top);
        g.fillText(String.format("%,.0f", low), 2, bottom);
        g.setStroke(colors.accent());
        g.setFill(colors.accent());
        g.setLineWidth(1.5);
        double previousY = Double.NaN;
        double previousX = Double.NaN;
        int segments = 0;
        for (int i = 0; i < reduced.columns(); i++) {
            if (Double.isNaN(reduced.minFreeBytes()[i])) {
                continue;
            }
            double x = AXIS_PX + i + 0.5;
            double yMin = bottom - (reduced.minFreeBytes()[i] - low) / (high - low) * (bottom - top);
            double yMax = bottom - (reduced.maxFreeBytes()[i] - low) / (high - low) * (bottom - top);
            boolean joined = !Double.isNaN(previousY) && !gaps.interrupts(
                    axis.microsAt(previousX) / 1000, axis.microsAt(x) / 1000 + 1);
            if (joined) {
                g.strokeLine(previousX, previousY, x, (yMin + yMax) / 2);
            } else {
                segments++;
            }
            g.strokeLine(x, yMax, x, yMin);
            g.fillOval(x - 2, (yMin + yMax) / 2 - 2, 4, 4);
            previousY = (yMin + yMax) / 2;
            previousX = x;
        }
        g.setLineWidth(1);
        return segments;
    }

    /** One bar per column, its height by the square root of its bytes (so small columns stay visible). */
    private static void paintAllocations(GraphicsContext g, Theme colors, AllocationEvents events, TimeAxis axis,
                                         double top, double bottom) {
        AllocationColumns columns = events.reduce(axis.fromMicros(), axis.toMicros(), axis.columns());
        double most = Math.max(1, columns.mostBytesInAColumn());
        double usable = bottom - top - 12;
        Color bar = colors.accent().deriveColor(0, 0.6, 1, 0.55);
        for (int i = 0; i < columns.columns(); i++) {
            if (columns.counts()[i] == 0) {
                continue;
            }
            double x = AXIS_PX + i;
            double barPx = Math.max(2, Math.sqrt(columns.bytes()[i] / most) * usable);
            g.setFill(bar);
            g.fillRect(x, bottom - barPx, 1, barPx);
            double largestPx = Math.max(2, Math.sqrt(columns.largestBytes()[i] / most) * usable);
            g.setFill(LARGEST);
            g.fillRect(x, bottom - largestPx, 1, 1.5);
        }
        g.setFill(colors.text());
        g.fillText("allocs", 2, bottom - BAND_PX / 2);
        g.fillText(String.format("allocations: %,d in view (%,d in all%s), %,d bytes at most in a column",
                columns.totalCount(), events.size(), events.unestimatedCount() > 0
                        ? ", " + events.unestimatedCount() + " without a time estimate" : "",
                columns.mostBytesInAColumn()), AXIS_PX + 4, top + 4);
    }

    private static List<String> paintMarkers(GraphicsContext g, Theme colors, List<Marker> markers, int[] rows,
                                             TimeAxis axis, double labelsTop, double top, double bottom) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < markers.size(); i++) {
            Marker marker = markers.get(i);
            double x = axis.xOf(marker.hostMillis() * 1000.0);
            Color color = switch (marker.kind()) { // the label is drawn in it: readable colours of the theme
                case RESET, CRASH, DISCONNECT -> colors.marks().danger();
                case DUMP -> colors.marks().dump();
                case GC -> colors.marks().gc();
                default -> colors.marks().muted();
            };
            g.setStroke(color);
            g.strokeLine(x, top, x, bottom);
            // close markers stack in rows above the plot; past four rows the hover readout names them
            if (rows[i] < 4) {
                double y = labelsTop + rows[i] * ROW_PX + ROW_PX / 2;
                g.setStroke(color.deriveColor(0, 1, 1, 0.5));
                g.strokeLine(x, y, x, top);
                g.setFill(color);
                g.fillText(label(marker), x + 2, y);
                labels.add(label(marker));
            }
        }
        return labels;
    }

    static String label(Marker marker) {
        return marker.kind().name().toLowerCase(Locale.ROOT);
    }
}
