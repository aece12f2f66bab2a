package dev.heapscope.ui.hunt;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.util.Duration;

/**
 * Shown while the hunt waits for the user to use the device: how long it has waited, and Continue, which
 * lets the hunt take its last dump. The toolbar's Cancel hunt still stops it.
 */
public final class HuntWaitBar extends HBox {
    private final Label elapsed = new Label("0:00");
    private final Timeline ticking;
    private long startedNanos;

    public HuntWaitBar(ObservableBooleanValue waiting, Runnable proceed) {
        super(6);
        setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        setId("hunt-wait");
        Button next = new Button("Continue");
        next.setId("hunt-continue");
        next.setDefaultButton(false);
        next.setTooltip(new Tooltip("Done using the device: collect garbage, stop the trace and take the last dump"));
        next.setOnAction(e -> proceed.run());
        elapsed.setId("hunt-elapsed");
        Label what = new Label("Use the device now");
        ticking = new Timeline(new KeyFrame(Duration.millis(250), e -> show()));
        ticking.setCycleCount(Timeline.INDEFINITE);
        getChildren().addAll(what, elapsed, next);
        setVisible(false);
        setManaged(false);
        waiting.addListener((obs, old, now) -> {
            setVisible(now);
            setManaged(now);
            if (now) {
                startedNanos = System.nanoTime();
                show();
                ticking.play();
            } else {
                ticking.stop();
            }
        });
    }

    private void show() {
        long seconds = (System.nanoTime() - startedNanos) / 1_000_000_000L;
        elapsed.setText(String.format("%d:%02d", seconds / 60, seconds % 60));
    }
}
