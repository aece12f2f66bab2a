package dev.heapscope.ui;

import javafx.animation.AnimationTimer;

/**
 * Marks in the start-up trace when the window's first frame is on screen. A pulse lays out and hands the
 * scene to the render thread, and the next pulse starts only once that frame is rendered: the second
 * animation frame after the stage shows is the first moment the window is painted and answers input.
 */
final class FirstFrames {
    private FirstFrames() {
    }

    static void traceWhenPainted() {
        if (!StartupTrace.on()) {
            return;
        }
        new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                frames++;
                if (frames == 1) {
                    StartupTrace.mark("first pulse");
                } else {
                    StartupTrace.mark("first frame painted");
                    stop();
                }
            }
        }.start();
    }
}
