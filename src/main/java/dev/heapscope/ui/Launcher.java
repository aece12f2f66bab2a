package dev.heapscope.ui;

import javafx.application.Application;

/**
 * Starts the desktop app. A plain main class (not an {@code Application}) so the shaded jar runs with
 * {@code java -cp heapscope.jar dev.heapscope.ui.Launcher} without the JavaFX module launcher check.
 * Options: {@code --board NAME --scenario NAME.lua --hunt --dark --tab NAME}.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }
}
