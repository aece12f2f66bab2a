package dev.heapscope.ui.common;

import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Pane;

/** A canvas that fills its pane and repaints (through {@code painter}) whenever the pane is resized. */
public final class CanvasPane extends Pane {
    private final Canvas canvas = new Canvas();
    private Runnable painter = () -> { };

    public CanvasPane() {
        getChildren().add(canvas);
        setMinSize(50, 50);
    }

    public Canvas canvas() {
        return canvas;
    }

    public void setPainter(Runnable painter) {
        this.painter = painter;
    }

    public void repaint() {
        painter.run();
    }

    @Override
    protected void layoutChildren() {
        double width = snapSizeX(getWidth());
        double height = snapSizeY(getHeight());
        if (canvas.getWidth() != width || canvas.getHeight() != height) {
            canvas.setWidth(width);
            canvas.setHeight(height);
            painter.run();
        }
    }
}
