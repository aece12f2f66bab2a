package dev.heapscope.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * Opens the desktop app for {@code heapscope gui}. The command line may not use the UI (docs/ARCHITECTURE.md),
 * so the window is handed in by whoever starts the command line: {@code dev.heapscope.launch.HeapScope}.
 */
@FunctionalInterface
public interface GuiStarter {
    /** Exit code when the window cannot open (no display, JavaFX cannot start). */
    int CANNOT_OPEN = 4;

    /** Opens the window with these app options, waits until it is closed, and returns the exit code. */
    int start(List<String> appOptions);

    /** For a command line started without the launcher (tests, embedders): says where the app is. */
    static GuiStarter notInThisEntryPoint(PrintStream err) {
        return options -> {
            err.println("heapscope: this entry point has no window; start the app with: java -jar heapscope.jar gui");
            return CANNOT_OPEN;
        };
    }
}
