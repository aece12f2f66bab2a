package dev.heapscope.ui.timeline;

import dev.heapscope.analysis.timeline.AllocationEvents;
import dev.heapscope.analysis.timeline.DumpTimes;
import dev.heapscope.analysis.timeline.TimeAxis;
import dev.heapscope.analysis.timeline.TimeRange;
import dev.heapscope.model.HeapSample;
import dev.heapscope.session.Marker;
import dev.heapscope.session.SessionSnapshot;
import dev.heapscope.ui.common.Analysis;
import dev.heapscope.ui.common.CanvasPane;
import dev.heapscope.ui.common.Theme;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;

/**
 * Free heap over time from the heap polls and every traced allocation at its estimated time, with
 * the session's markers. Scroll zooms, drag pans, double-click (or "Fit") shows everything;
 * Shift+drag (or drag in Select mode) chooses a time range that filters the leak table and the
 * flame graph, Esc or "Clear range" drops it. Drawing is reduced to the pixel columns on screen.
 */
public final class TimelineView extends BorderPane {
    private static final double MIN_SELECTION_PX = 3;
    private static final long MIN_WINDOW_MICROS = 20;
    private final CanvasPane canvasPane = new CanvasPane();
    private final ObservableValue<Theme> theme;
    private final ObjectProperty<TimeRange> range;
    private final ObservableValue<Analysis> analysis;
    private final ToggleButton selectMode = new ToggleButton("Select range");
    private final Button clear = new Button("Clear range");
    private final Label rangeLabel = new Label();
    private SessionSnapshot snapshot;
    private AllocationEvents events = AllocationEvents.EMPTY;
    private long fromMicros;
    private long toMicros;
    private boolean fitted = true;
    private double dragX;
    private double selectionStartX = Double.NaN;
    private TimeRange dragging;
    private final Label readout = new Label();
    private final TimelinePainter painter = new TimelinePainter();
    private final SnapshotFacts facts = new SnapshotFacts();

    /**
     * @param range    the selected range, shared with the analysis views (null: none)
     * @param analysis what the leak table shows, to say how many records the range left out
     */
    public TimelineView(ObservableValue<SessionSnapshot> source, ObservableValue<DumpTimes> times,
                        ObjectProperty<TimeRange> range, ObservableValue<Analysis> analysis,
                        ObservableValue<Theme> theme) {
        this.theme = theme;
        this.range = range;
        this.analysis = analysis;
        canvasPane.setId("timeline-canvas");
        selectMode.setId("timeline-select");
        selectMode.setTooltip(new Tooltip("Drag to choose a time range (or Shift+drag in any mode)"));
        clear.setId("timeline-clear-range");
        rangeLabel.setId("timeline-range");
        Label hint = new Label("Scroll zooms, drag pans, Shift+drag selects, Esc clears.");
        hint.getStyleClass().add("hint");
        Button fit = new Button("Fit");
        fit.setOnAction(e -> fit());
        Button fitAllocations = new Button("Fit allocations");
        fitAllocations.setId("timeline-fit-allocations");
        fitAllocations.setOnAction(e -> fitAllocations());
        clear.setOnAction(e -> range.set(null));
        setTop(dev.heapscope.ui.common.ViewBar.of(fit, fitAllocations, selectMode, clear, rangeLabel, hint));
        readout.setId("timeline-readout");
        readout.getStyleClass().add("timeline-readout");
        // the theme's own colours (looked up), so the readout stays legible over the plot in both themes
        readout.setStyle("-fx-background-color: -fx-background; -fx-border-color: -fx-box-border; -fx-padding: 2 6;"
                + " -fx-text-fill: -fx-text-base-color;");
        readout.setMouseTransparent(true);
        readout.setVisible(false);
        javafx.scene.layout.StackPane.setAlignment(readout, javafx.geometry.Pos.TOP_RIGHT);
        setCenter(new javafx.scene.layout.StackPane(canvasPane, readout));
        canvasPane.canvas().setOnMouseMoved(e -> hover(e.getX()));
        canvasPane.canvas().setOnMouseExited(e -> readout.setVisible(false));
        canvasPane.setPainter(this::paint);
        source.addListener((obs, old, now) -> {
            snapshot = now;
            refit();
        });
        times.addListener((obs, old, now) -> {
            events = now == null ? AllocationEvents.EMPTY : now.events();
            refit();
        });
        snapshot = source.getValue(); // made on first use (MainWindow): the session may be well under way
        events = times.getValue() == null ? AllocationEvents.EMPTY : times.getValue().events();
        refit();
        theme.addListener((obs, old, now) -> paint());
        range.addListener((obs, old, now) -> rangeChanged());
        analysis.addListener((obs, old, now) -> describeRange());
        rangeChanged();
        canvasPane.canvas().setFocusTraversable(true);
        canvasPane.canvas().setOnScroll(e -> {
            double factor = e.getDeltaY() > 0 ? 0.8 : 1.25;
            double anchor = axis().microsAt(e.getX());
            fromMicros = (long) (anchor - (anchor - fromMicros) * factor);
            toMicros = Math.max(fromMicros + MIN_WINDOW_MICROS, (long) (anchor + (toMicros - anchor) * factor));
            fitted = false;
            paint();
        });
        canvasPane.canvas().setOnMousePressed(this::pressed);
        canvasPane.canvas().setOnMouseDragged(this::dragged);
        canvasPane.canvas().setOnMouseReleased(this::released);
        canvasPane.canvas().setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                fit();
            }
        });
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && range.get() != null) {
                range.set(null);
                e.consume();
            }
        });
    }

    /** The allocation events drawn (for tests and the status of the view). */
    public AllocationEvents events() {
        return events;
    }

    /** The time window shown, epoch µs. */
    public TimeRange window() {
        return new TimeRange(fromMicros, Math.max(fromMicros, toMicros));
    }

    /** Where {@code micros} (epoch µs) is drawn, in canvas pixels. */
    public double xOf(long micros) {
        return axis().xOf(micros);
    }

    /** A new session: its whole span, no range, no readout of the old one. */
    public void reset() {
        range.set(null);
        readout.setVisible(false);
        fit();
    }

    /** The hover readout's text (empty when hidden). */
    public String readoutText() {
        return readout.isVisible() ? readout.getText() : "";
    }

    /** Shows the readout for the pixel column under {@code x} (as moving the mouse there does). */
    public void hover(double x) {
        String text = TimelineReadout.at(x, axis(), snapshot, events, java.time.ZoneId.systemDefault());
        readout.setText(text);
        readout.setVisible(!text.isEmpty());
    }

    /** What the last paint drew: heap line pieces, marker labels and rows, axis ticks. */
    public TimelineDrawn drawn() {
        return painter.drawn();
    }

    /** Shows just the span of the allocations (they can be far shorter than the session). */
    public void fitAllocations() {
        if (events.isEmpty()) {
            return;
        }
        long first = events.timeMicros(0);
        long last = events.timeMicros(events.size() - 1);
        long marginMicros = Math.max(MIN_WINDOW_MICROS, (last - first) / 20);
        fitted = false;
        fromMicros = first - marginMicros;
        toMicros = last + marginMicros;
        paint();
    }

    private void pressed(MouseEvent e) {
        canvasPane.canvas().requestFocus();
        e.consume(); // else the tab pane around takes the focus back and Esc would not reach this view
        if (e.isShiftDown() || selectMode.isSelected()) {
            selectionStartX = e.getX();
        } else {
            selectionStartX = Double.NaN;
            dragX = e.getX();
        }
    }

    private void dragged(MouseEvent e) {
        if (!Double.isNaN(selectionStartX)) {
            TimeAxis axis = axis();
            dragging = TimeRange.between(axis.microsAt(selectionStartX), axis.microsAt(e.getX()));
            paint();
            return;
        }
        long shift = (long) ((dragX - e.getX()) / plotWidth() * (toMicros - fromMicros));
        fromMicros += shift;
        toMicros += shift;
        dragX = e.getX();
        fitted = false;
        paint();
    }

    private void released(MouseEvent e) {
        if (Double.isNaN(selectionStartX)) {
            return;
        }
        boolean wide = Math.abs(e.getX() - selectionStartX) >= MIN_SELECTION_PX;
        TimeAxis axis = axis();
        TimeRange chosen = TimeRange.between(axis.microsAt(selectionStartX), axis.microsAt(e.getX()));
        selectionStartX = Double.NaN;
        dragging = null;
        if (wide) {
            range.set(chosen);
        } else {
            paint();
        }
    }

    private void rangeChanged() {
        clear.setDisable(range.get() == null);
        describeRange();
        paint();
    }

    private void describeRange() {
        TimeRange chosen = range.get();
        if (chosen == null) {
            rangeLabel.setText("No range: the leak table shows every record.");
            return;
        }
        Analysis shown = analysis.getValue();
        int unestimated = shown == null || shown.range() == null ? 0 : shown.unestimated();
        rangeLabel.setText(String.format("Range %s: %,d allocations, %,d bytes%s", chosen.describe(),
                events.countBetween(chosen.fromMicros(), chosen.toMicros()),
                events.bytesBetween(chosen.fromMicros(), chosen.toMicros()),
                unestimated > 0 ? "; " + unestimated + " records without a time estimate left out" : ""));
    }

    private void refit() {
        if (fitted) {
            fitRange();
        }
        describeRange();
        paint();
    }

    private void fit() {
        fitted = true;
        fitRange();
        paint();
    }

    private void fitRange() {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        if (snapshot != null) {
            for (HeapSample sample : snapshot.samples()) {
                first = Math.min(first, sample.hostMillis() * 1000);
                last = Math.max(last, sample.hostMillis() * 1000);
            }
            for (Marker marker : snapshot.markers()) {
                first = Math.min(first, marker.hostMillis() * 1000);
                last = Math.max(last, marker.hostMillis() * 1000);
            }
        }
        if (!events.isEmpty()) {
            first = Math.min(first, events.timeMicros(0));
            last = Math.max(last, events.timeMicros(events.size() - 1));
        }
        if (first <= last) {
            long marginMicros = Math.max(20_000, (last - first) / 50);
            fromMicros = first - marginMicros;
            toMicros = Math.max(last + marginMicros, fromMicros + 1_000_000);
        }
    }

    private double plotWidth() {
        return Math.max(1, canvasPane.canvas().getWidth() - TimelinePainter.AXIS_PX);
    }

    private TimeAxis axis() {
        return new TimeAxis(fromMicros, toMicros, TimelinePainter.AXIS_PX, plotWidth());
    }

    private void paint() {
        TimeRange shown = dragging != null ? dragging : range.get();
        painter.paint(canvasPane.canvas().getGraphicsContext2D(), canvasPane.canvas().getWidth(),
                canvasPane.canvas().getHeight(), theme.getValue(), snapshot, events, axis(), shown,
                facts.gaps(snapshot), facts.originMicros(snapshot, fromMicros));
    }
}
