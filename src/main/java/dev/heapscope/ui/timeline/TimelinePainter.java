package dev.heapscope.ui.timeline;

import dev.heapscope.analysis.timeline.AllocationColumns;
import dev.heapscope.analysis.timeline.AllocationEvents;
import dev.heapscope.analysis.timeline.LinkGaps;
import dev.heapscope.analysis.timeline.TimeAxis;
import dev.heapscope.analysis.timeline.TimeRange;
import dev.heapscope.analysis.timeline.TimeTicks;
import dev.heapscope.analysis.timeline.TimelineReduction;
import dev.heapscope.session.Marker;
import dev.heapscope.session.SessionSnapshot;
import dev.heapscope.ui.common.Theme;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

import java.util.List;

/**
 * Draws the timeline: free heap (min/max per column, broken where the link was down) on top, allocations
 * (bytes per column and the largest single one) in a band below, markers across both with their labels
 * stacked in rows, the time axis (board time and wall clock) and the selected time range.
 *
 * <p>One painter per view, reused by every redraw: the column reductions, the marker arrays, the
 * colours ({@link TimelineColours}) and the texts ({@link TimelineTexts}) are kept and refilled, so a
 * redraw allocates nothing once they have grown; what was drawn ({@link #drawn()}) is made on request.
 */
final class TimelinePainter {
    static final double AXIS_PX = 56;
    private static final double BAND_PX = 64;
    private static final double ROW_PX = 12;
    private static final double CHAR_PX = 6;
    private static final double TICKS_PX = 28;
    private static final Font FONT = Font.font("SansSerif", 10);

    private final TimelineTexts texts = new TimelineTexts();
    private final TimelineColours colours = new TimelineColours();
    private final TimelineMarks marks = new TimelineMarks();
    private TimelineReduction heap;
    private AllocationColumns allocations;
    private boolean drewNothing = true;
    private int segments;

    /** What the last paint drew: heap line pieces, marker labels and rows, axis ticks. */
    TimelineDrawn drawn() {
        return drewNothing ? TimelineDrawn.NOTHING : new TimelineDrawn(segments, List.copyOf(marks.drawnLabels()),
                marks.drawnRows(), List.copyOf(marks.drawnTicks()));
    }

    void paint(GraphicsContext g, double width, double height, Theme theme, SessionSnapshot snapshot,
               AllocationEvents events, TimeAxis axis, TimeRange selection, LinkGaps gaps, long originMicros) {
        g.setFill(theme.background());
        g.fillRect(0, 0, width, height);
        drewNothing = snapshot == null || width <= AXIS_PX || height < BAND_PX + 90
                || axis.toMicros() <= axis.fromMicros();
        if (drewNothing) {
            return;
        }
        colours.use(theme);
        g.setFont(FONT);
        g.setTextBaseline(VPos.CENTER);
        int rowsUsed = marks.place(snapshot.markers(), axis, CHAR_PX);
        double labelsTop = 16;
        double top = labelsTop + Math.min(4, rowsUsed) * ROW_PX + 4;
        double bandBottom = height - TICKS_PX;
        double bandTop = bandBottom - BAND_PX;
        double heapBottom = bandTop - 8;
        paintGaps(g, theme, gaps, axis, top, bandBottom);
        segments = paintHeap(g, theme, snapshot, axis, top, heapBottom, gaps);
        paintAllocations(g, theme, events, axis, bandTop, bandBottom);
        marks.paint(g, colours, axis, labelsTop, ROW_PX, top, bandBottom);
        paintTicks(g, theme, axis, originMicros, bandBottom, width);
        if (selection != null) {
            double left = Math.max(AXIS_PX, axis.xOf(selection.fromMicros()));
            double right = Math.min(width, Math.max(axis.xOf(selection.toMicros()), left + 1));
            if (right > left) {
                g.setFill(colours.selection());
                g.fillRect(left, top, right - left, bandBottom - top);
                g.setStroke(theme.accent());
                g.strokeRect(left, top, right - left, bandBottom - top);
            }
        }
        g.setStroke(theme.grid());
        g.strokeLine(AXIS_PX, bandBottom, width, bandBottom);
        g.setFill(theme.text());
        g.fillText(texts.header(snapshot.samples().size(), axis.toMicros() - axis.fromMicros()), AXIS_PX + 4, 6);
    }

    /** Board time (seconds since the session started) over wall-clock time, at nicely stepped ticks. */
    private void paintTicks(GraphicsContext g, Theme theme, TimeAxis axis, long origin, double y, double width) {
        long step = TimeTicks.stepFor(axis.fromMicros(), axis.toMicros(), axis.widthPx(), 80);
        List<String> drawn = marks.drawnTicks();
        drawn.clear();
        g.setFill(theme.text());
        g.fillText("board", 2, y + 8);
        g.fillText("clock", 2, y + 20);
        g.setStroke(theme.grid());
        int count = 0;
        for (long t = TimeTicks.firstTick(axis.fromMicros(), origin, step); t <= axis.toMicros() && count < 1000;
             t += step, count++) {
            double x = axis.xOf(t);
            if (x < AXIS_PX || x > width) {
                continue;
            }
            g.strokeLine(x, y, x, y + 4);
            String board = texts.board(t, origin, step);
            String wall = texts.wall(t, origin, step);
            if (x + wall.length() * CHAR_PX / 2 > width) {
                continue; // a label cut at the right edge reads wrong ("01:40:3")
            }
            g.fillText(board, x - board.length() * CHAR_PX / 2, y + 9);
            g.fillText(wall, x - wall.length() * CHAR_PX / 2, y + 21);
            drawn.add(texts.joined(t, origin, step));
        }
    }

    /** Periods without a link, shaded: nothing was measured there. */
    private void paintGaps(GraphicsContext g, Theme theme, LinkGaps gaps, TimeAxis axis, double top, double bottom) {
        List<LinkGaps.Gap> all = gaps.all();
        for (int i = 0; i < all.size(); i++) {
            LinkGaps.Gap gap = all.get(i);
            double left = Math.max(AXIS_PX, axis.xOf(gap.fromMillis() * 1000.0));
            double right = Math.min(axis.leftPx() + axis.widthPx(), gap.toMillis() == Long.MAX_VALUE
                    ? axis.leftPx() + axis.widthPx() : axis.xOf(gap.toMillis() * 1000.0));
            if (right > left) {
                g.setFill(colours.gap());
                g.fillRect(left, top, right - left, bottom - top);
                g.setFill(theme.text());
                g.fillText("no link", left + 3, top + 8);
            }
        }
    }

    /** Returns how many separate pieces the line was drawn in (a lost link breaks it). */
    private int paintHeap(GraphicsContext g, Theme theme, SessionSnapshot snapshot, TimeAxis axis,
                          double top, double bottom, LinkGaps gaps) {
        // polls are whole milliseconds apart at best: the window rounded out to them is close enough
        heap = TimelineReduction.of(snapshot.samples(), Math.floorDiv(axis.fromMicros(), 1000),
                Math.floorDiv(axis.toMicros() + 999, 1000), axis.columns(), heap);
        double[] minFree = heap.minFreeBytes();
        double[] maxFree = heap.maxFreeBytes();
        double low = Double.MAX_VALUE;
        double high = 0;
        for (int i = 0; i < minFree.length; i++) {
            if (!Double.isNaN(minFree[i])) {
                low = Math.min(low, minFree[i]);
                high = Math.max(high, maxFree[i]);
            }
        }
        if (high <= 0) {
            return 0;
        }
        double span = Math.max(1, high - low);
        low = Math.max(0, low - span * 0.1);
        high = high + span * 0.1;
        g.setFill(theme.text());
        g.fillText(texts.heapValue(high), 2, top);
        g.fillText(texts.heapValue(low), 2, bottom);
        g.setStroke(theme.accent());
        g.setFill(theme.accent());
        g.setLineWidth(1.5);
        double previousY = Double.NaN;
        double previousX = Double.NaN;
        int pieces = 0;
        for (int i = 0; i < minFree.length; i++) {
            if (Double.isNaN(minFree[i])) {
                continue;
            }
            double x = AXIS_PX + i + 0.5;
            double yMin = bottom - (minFree[i] - low) / (high - low) * (bottom - top);
            double yMax = bottom - (maxFree[i] - low) / (high - low) * (bottom - top);
            boolean joined = !Double.isNaN(previousY) && !gaps.interrupts(
                    axis.microsAt(previousX) / 1000, axis.microsAt(x) / 1000 + 1);
            if (joined) {
                g.strokeLine(previousX, previousY, x, (yMin + yMax) / 2);
            } else {
                pieces++;
            }
            g.strokeLine(x, yMax, x, yMin);
            g.fillOval(x - 2, (yMin + yMax) / 2 - 2, 4, 4);
            previousY = (yMin + yMax) / 2;
            previousX = x;
        }
        g.setLineWidth(1);
        return pieces;
    }

    /** One bar per column, its height by the square root of its bytes (so small columns stay visible). */
    private void paintAllocations(GraphicsContext g, Theme theme, AllocationEvents events, TimeAxis axis,
                                  double top, double bottom) {
        allocations = events.reduce(axis.fromMicros(), axis.toMicros(), axis.columns(), allocations);
        int[] counts = allocations.counts();
        long[] bytes = allocations.bytes();
        int[] largest = allocations.largestBytes();
        long mostBytes = allocations.mostBytesInAColumn();
        double most = Math.max(1, mostBytes);
        double usable = bottom - top - 12;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                continue;
            }
            double x = AXIS_PX + i;
            double barPx = Math.max(2, Math.sqrt(bytes[i] / most) * usable);
            g.setFill(colours.bar());
            g.fillRect(x, bottom - barPx, 1, barPx);
            double largestPx = Math.max(2, Math.sqrt(largest[i] / most) * usable);
            g.setFill(TimelineColours.LARGEST);
            g.fillRect(x, bottom - largestPx, 1, 1.5);
        }
        g.setFill(theme.text());
        g.fillText("allocs", 2, bottom - BAND_PX / 2);
        g.fillText(texts.allocations(allocations.totalCount(), events.size(), events.unestimatedCount(), mostBytes),
                AXIS_PX + 4, top + 4);
    }

    static String label(Marker marker) {
        return TimelineMarks.label(marker.kind());
    }
}
