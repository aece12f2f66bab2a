package dev.heapscope.ui.timeline;

import dev.heapscope.analysis.timeline.LabelRows;
import dev.heapscope.analysis.timeline.TimeAxis;
import dev.heapscope.session.Marker;
import javafx.scene.canvas.GraphicsContext;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The markers in view and their labels' rows (close markers stack, at most four rows drawn), kept in
 * arrays that grow but are not made anew per redraw; also what the last redraw drew, for
 * {@link TimelineDrawn}. FX thread only.
 */
final class TimelineMarks {
    private static final String[] LABELS = Arrays.stream(Marker.Kind.values())
            .map(kind -> kind.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);
    private static final int ROWS_DRAWN = 4;

    private Marker[] shown = new Marker[16];
    private double[] labelX = new double[16];
    private double[] labelWidths = new double[16];
    private double[] rowEnds = new double[17];
    private int[] rows = new int[16];
    private int count;
    private final List<String> drawnLabels = new ArrayList<>();
    private final List<String> drawnTicks = new ArrayList<>();

    static String label(Marker.Kind kind) {
        return LABELS[kind.ordinal()];
    }

    /** Picks the markers inside the axis' window and their label rows; returns how many rows they use. */
    int place(List<Marker> markers, TimeAxis axis, double charPx) {
        count = 0;
        for (int i = 0; i < markers.size(); i++) {
            Marker marker = markers.get(i);
            double micros = marker.hostMillis() * 1000.0;
            if (micros >= axis.fromMicros() && micros <= axis.toMicros()) {
                grow(count + 1);
                shown[count] = marker;
                labelX[count] = axis.xOf(micros) + 2;
                labelWidths[count] = label(marker.kind()).length() * charPx;
                count++;
            }
        }
        LabelRows.assign(labelX, labelWidths, count, 4, rows, rowEnds);
        return LabelRows.count(rows, count);
    }

    void paint(GraphicsContext g, TimelineColours colours, TimeAxis axis, double labelsTop, double rowPx,
               double top, double bottom) {
        drawnLabels.clear();
        for (int i = 0; i < count; i++) {
            Marker marker = shown[i];
            double x = axis.xOf(marker.hostMillis() * 1000.0);
            g.setStroke(colours.marker(marker.kind()));
            g.strokeLine(x, top, x, bottom);
            // close markers stack in rows above the plot; past four rows the hover readout names them
            if (rows[i] < ROWS_DRAWN) {
                double y = labelsTop + rows[i] * rowPx + rowPx / 2;
                g.setStroke(colours.leader(marker.kind()));
                g.strokeLine(x, y, x, top);
                g.setFill(colours.marker(marker.kind()));
                String label = label(marker.kind());
                g.fillText(label, x + 2, y);
                drawnLabels.add(label);
            }
        }
    }

    List<String> drawnLabels() {
        return drawnLabels;
    }

    List<Integer> drawnRows() {
        return Arrays.stream(rows, 0, count).boxed().toList(); // for tests and readers, not per redraw
    }

    /** Filled by the painter's axis ticks ("5 s 14:03:20"). */
    List<String> drawnTicks() {
        return drawnTicks;
    }

    private void grow(int needed) {
        if (needed <= shown.length) {
            return;
        }
        int size = Math.max(needed, shown.length * 2);
        shown = Arrays.copyOf(shown, size);
        labelX = Arrays.copyOf(labelX, size);
        labelWidths = Arrays.copyOf(labelWidths, size);
        rows = Arrays.copyOf(rows, size);
        rowEnds = new double[size + 1];
    }
}
