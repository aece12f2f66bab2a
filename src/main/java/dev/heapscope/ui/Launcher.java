package dev.heapscope.ui;

import javafx.application.Application;

/**
 * Starts the desktop app. A plain main class (not an {@code Application}) so the shaded jar runs with
 * {@code java -cp heapscope.jar dev.heapscope.ui.Launcher} without the JavaFX module launcher check.
 * Options: {@code --board NAME --scenario NAME.lua --hunt --dark --tab NAME --size WIDTHxHEIGHT}.
 * {@code java -jar heapscope.jar} starts it through {@code dev.heapscope.launch.HeapScope}.
 */
public final class Launcher {
    private static volatile Runnable whenShown = () -> { };

    private Launcher() {
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** Runs the app until its window closes; {@code whenShown} runs once the window is on screen. */
    public static void launch(String[] args, Runnable whenShown) {
        Launcher.whenShown = whenShown;
        Application.launch(App.class, args);
    }

    /** Called by the app once its stage is shown. */
    static void shown() {
        whenShown.run();
    }
}
