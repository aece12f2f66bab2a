package dev.heapscope.launch;

import dev.heapscope.cli.GuiStarter;
import dev.heapscope.ui.Launcher;

import java.io.PrintStream;
import java.util.List;

/** Opens the window for {@code heapscope gui}, or says in one line why it cannot. */
final class DesktopApp implements GuiStarter {
    private final Display display;
    private final PrintStream err;

    DesktopApp(Display display, PrintStream err) {
        this.display = display;
        this.err = err;
    }

    @Override
    public int start(List<String> appOptions) {
        if (!display.available()) {
            err.println("heapscope: no display to open the window on (" + display.why()
                    + "); the commands work without one: heapscope --help");
            return CANNOT_OPEN;
        }
        // JavaFX prints its own warnings and stack traces while it starts: held back until the window shows
        StartupOutput startup = StartupOutput.hold();
        try {
            Launcher.launch(appOptions.toArray(String[]::new), startup::release);
            startup.release();
            return 0;
        } catch (RuntimeException | Error e) {
            String details = startup.keepAsFile(e);
            err.println("heapscope: the window cannot open: " + WhyNoWindow.of(e, System.getenv("DISPLAY"))
                    + (details == null ? "" : " (details: " + details + ")"));
            return CANNOT_OPEN;
        }
    }
}
