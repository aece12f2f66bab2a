package dev.heapscope.ui;

import javafx.animation.AnimationTimer;

/**
 * When the window's first frame is on screen. A pulse lays out the scene and hands it to the render
 * thread, and the next pulse starts only once that frame is rendered: the second animation frame after
 * the stage shows is the first moment the window is painted and answers input.
 */
final class FirstFrames {
    private FirstFrames() {
    }

    /** Runs {@code then} on the FX thread once the shown window's first frame is painted. */
    static void whenPainted(Runnable then) {
        new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                frames++;
                if (frames == 1) {
                    StartupTrace.mark("first pulse");
                } else {
                    stop();
                    StartupTrace.mark("first frame painted");
                    then.run();
                }
            }
        }.start();
    }
}
