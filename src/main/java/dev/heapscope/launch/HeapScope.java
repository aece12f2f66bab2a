package dev.heapscope.launch;

import dev.heapscope.cli.GuiStarter;
import dev.heapscope.cli.Main;
import dev.heapscope.ui.StartupTrace;

import java.io.PrintStream;

/**
 * The jar's main class: {@code java -jar heapscope.jar} opens the window when there is a display and
 * prints the full help when there is none; with arguments it is the command line, whose {@code gui}
 * opens the window too.
 *
 * <p>It lives in a package of its own, above both {@code cli} and {@code ui}, because the command line
 * may not use the UI (docs/ARCHITECTURE.md): this class is the one place that knows both, and hands the
 * command line the window as a {@link GuiStarter}. Loading the UI by class name from {@code cli} would
 * have kept the rule only in letter, and hidden the dependency from the compiler and ArchUnit.
 */
public final class HeapScope {
    private HeapScope() {
    }

    public static void main(String[] args) {
        StartupTrace.mark("main entered");
        Display display = Display.of(System.getenv(), System.getProperties());
        System.exit(run(System.out, System.err, display, new DesktopApp(display, System.err), args));
    }

    /** What {@link #main} does, with the display and the window handed in (tests pass fakes). */
    static int run(PrintStream out, PrintStream err, Display display, GuiStarter app, String... args) {
        if (args.length == 0) {
            return display.available() ? app.start(java.util.List.of()) : Main.run(out, err, app, "--help");
        }
        return Main.run(out, err, app, args);
    }
}
