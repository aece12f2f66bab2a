package dev.heapscope.ui.timeline;

import dev.heapscope.analysis.timeline.AllocationColumns;
import dev.heapscope.analysis.timeline.AllocationEvents;
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

import java.util.Locale;

/**
 * Draws the timeline: free heap (min/max per column) on top, allocations (bytes per column and the
 * largest single one) in a band below, markers across both, and the selected time range.
 */
final class TimelinePainter {
    static final double AXIS_PX = 56;
    private static final double BAND_PX = 64;
    private static final Color LARGEST = Color.web("#ef6c00");

    private TimelinePainter() {
    }

    static void paint(GraphicsContext g, double width, double height, Theme colors, SessionSnapshot snapshot,
                      AllocationEvents events, TimeAxis axis, TimeRange selection) {
        g.setFill(colors.background());
        g.fillRect(0, 0, width, height);
        if (snapshot == null || width <= AXIS_PX || height < BAND_PX + 60 || axis.toMicros() <= axis.fromMicros()) {
            return;
        }
        double top = 16;
        double bandBottom = height - 20;
        double bandTop = bandBottom - BAND_PX;
        double heapBottom = bandTop - 8;
        g.setFont(Font.font("SansSerif", 10));
        g.setTextBaseline(VPos.CENTER);
        paintHeap(g, colors, snapshot, axis, top, heapBottom);
        paintAllocations(g, colors, events, axis, bandTop, bandBottom);
        paintMarkers(g, colors, snapshot, axis, top, bandBottom);
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
    }

    private static void paintHeap(GraphicsContext g, Theme colors, SessionSnapshot snapshot, TimeAxis axis,
                                  double top, double bottom) {
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
            return;
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
        for (int i = 0; i < reduced.columns(); i++) {
            if (Double.isNaN(reduced.minFreeBytes()[i])) {
                continue;
            }
            double x = AXIS_PX + i + 0.5;
            double yMin = bottom - (reduced.minFreeBytes()[i] - low) / (high - low) * (bottom - top);
            double yMax = bottom - (reduced.maxFreeBytes()[i] - low) / (high - low) * (bottom - top);
            if (!Double.isNaN(previousY)) {
                g.strokeLine(previousX, previousY, x, (yMin + yMax) / 2);
            }
            g.strokeLine(x, yMax, x, yMin);
            g.fillOval(x - 2, (yMin + yMax) / 2 - 2, 4, 4);
            previousY = (yMin + yMax) / 2;
            previousX = x;
        }
        g.setLineWidth(1);
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

    private static void paintMarkers(GraphicsContext g, Theme colors, SessionSnapshot snapshot, TimeAxis axis,
                                     double top, double bottom) {
        double lastLabelX = -1e9;
        for (Marker marker : snapshot.markers()) {
            double micros = marker.hostMillis() * 1000.0;
            if (micros < axis.fromMicros() || micros > axis.toMicros()) {
                continue;
            }
            double x = axis.xOf(micros);
            Color color = switch (marker.kind()) { // the label is drawn in it: readable colours of the theme
                case RESET, CRASH, DISCONNECT -> colors.marks().danger();
                case DUMP -> colors.marks().dump();
                case GC -> colors.marks().gc();
                default -> colors.marks().muted();
            };
            g.setStroke(color);
            g.strokeLine(x, top, x, bottom);
            if (x - lastLabelX > 44) { // labels of close markers would overprint each other
                g.setFill(color);
                g.fillText(marker.kind().name().toLowerCase(Locale.ROOT), x + 2, bottom + 10);
                lastLabelX = x;
            }
        }
    }
}
