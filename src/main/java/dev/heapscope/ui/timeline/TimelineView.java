package dev.heapscope.ui.timeline;

import dev.heapscope.model.HeapSample;
import dev.heapscope.session.Marker;
import dev.heapscope.session.SessionSnapshot;
import dev.heapscope.ui.CanvasPane;
import dev.heapscope.ui.Theme;
import javafx.beans.value.ObservableValue;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

import java.util.List;

/**
 * Free heap over time from the heap polls, with the session's markers; scroll to zoom, drag to pan,
 * double-click (or "Fit") to see everything. Samples are reduced to min/max per pixel column.
 */
public final class TimelineView extends BorderPane {
    private static final double AXIS_PX = 56;
    private final CanvasPane canvasPane = new CanvasPane();
    private final ObservableValue<Theme> theme;
    private final Label hint = new Label("Set a heap poll interval to see free heap over time. Scroll zooms, drag pans.");
    private SessionSnapshot snapshot;
    private long fromMillis;
    private long toMillis;
    private boolean fitted = true;
    private double dragX;

    public TimelineView(ObservableValue<SessionSnapshot> source, ObservableValue<Theme> theme) {
        this.theme = theme;
        canvasPane.setId("timeline-canvas");
        hint.getStyleClass().add("hint");
        Button fit = new Button("Fit");
        fit.setOnAction(e -> fit());
        setTop(new ToolBar(fit, hint));
        setCenter(canvasPane);
        canvasPane.setPainter(this::paint);
        source.addListener((obs, old, now) -> {
            snapshot = now;
            if (fitted) {
                fitRange();
            }
            paint();
        });
        theme.addListener((obs, old, now) -> paint());
        canvasPane.canvas().setOnScroll(e -> {
            double factor = e.getDeltaY() > 0 ? 0.8 : 1.25;
            double anchor = fromMillis + (e.getX() - AXIS_PX) / plotWidth() * (toMillis - fromMillis);
            fromMillis = (long) (anchor - (anchor - fromMillis) * factor);
            toMillis = Math.max(fromMillis + 10, (long) (anchor + (toMillis - anchor) * factor));
            fitted = false;
            paint();
        });
        canvasPane.canvas().setOnMousePressed(e -> dragX = e.getX());
        canvasPane.canvas().setOnMouseDragged(e -> {
            long shift = (long) ((dragX - e.getX()) / plotWidth() * (toMillis - fromMillis));
            fromMillis += shift;
            toMillis += shift;
            dragX = e.getX();
            fitted = false;
            paint();
        });
        canvasPane.canvas().setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                fit();
            }
        });
    }

    private void fit() {
        fitted = true;
        fitRange();
        paint();
    }

    private void fitRange() {
        if (snapshot == null) {
            return;
        }
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (HeapSample sample : snapshot.samples()) {
            first = Math.min(first, sample.hostMillis());
            last = Math.max(last, sample.hostMillis());
        }
        for (Marker marker : snapshot.markers()) {
            first = Math.min(first, marker.hostMillis());
            last = Math.max(last, marker.hostMillis());
        }
        if (first <= last) {
            fromMillis = first;
            toMillis = Math.max(last, first + 1000);
        }
    }

    private double plotWidth() {
        return Math.max(1, canvasPane.canvas().getWidth() - AXIS_PX);
    }

    private void paint() {
        GraphicsContext g = canvasPane.canvas().getGraphicsContext2D();
        double width = canvasPane.canvas().getWidth();
        double height = canvasPane.canvas().getHeight();
        Theme colors = theme.getValue();
        g.setFill(colors.background());
        g.fillRect(0, 0, width, height);
        if (snapshot == null || width <= AXIS_PX || height < 40 || toMillis <= fromMillis) {
            return;
        }
        List<HeapSample> samples = snapshot.samples();
        TimelineReduction reduced = TimelineReduction.of(samples, fromMillis, toMillis, (int) plotWidth());
        double low = Double.MAX_VALUE;
        double high = 0;
        for (int i = 0; i < reduced.columns(); i++) {
            if (!Double.isNaN(reduced.minFreeBytes()[i])) {
                low = Math.min(low, reduced.minFreeBytes()[i]);
                high = Math.max(high, reduced.maxFreeBytes()[i]);
            }
        }
        double top = 16;
        double bottom = height - 20;
        g.setFont(Font.font("SansSerif", 10));
        g.setTextBaseline(VPos.CENTER);
        if (high > 0) {
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
        }
        g.setLineWidth(1);
        double lastLabelX = -1e9;
        for (Marker marker : snapshot.markers()) {
            if (marker.hostMillis() < fromMillis || marker.hostMillis() > toMillis) {
                continue;
            }
            double x = AXIS_PX + (marker.hostMillis() - fromMillis) * plotWidth() / (toMillis - fromMillis);
            Color color = switch (marker.kind()) {
                case RESET, CRASH, DISCONNECT -> Color.web("#e53935");
                case DUMP -> Color.web("#8e24aa");
                case GC -> Color.web("#43a047");
                default -> colors.grid().darker();
            };
            g.setStroke(color);
            g.strokeLine(x, top, x, bottom);
            if (x - lastLabelX > 44) { // labels of close markers would overprint each other
                g.setFill(color);
                g.fillText(marker.kind().name().toLowerCase(java.util.Locale.ROOT), x + 2, bottom + 10);
                lastLabelX = x;
            }
        }
        g.setStroke(colors.grid());
        g.strokeLine(AXIS_PX, bottom, width, bottom);
        g.setFill(colors.text());
        g.fillText(String.format("free heap, %d samples, %.1f s shown", samples.size(),
                (toMillis - fromMillis) / 1000.0), AXIS_PX + 4, 6);
    }
}
