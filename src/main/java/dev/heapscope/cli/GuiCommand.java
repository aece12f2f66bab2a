package dev.heapscope.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code heapscope gui}: the desktop app, with the options the app itself reads (ui.LaunchOptions). */
@Command(name = "gui", mixinStandardHelpOptions = true,
        description = {"Opens the HeapScope window, connected to the virtual board with a leak scenario ready to hunt.",
                "Without any command, heapscope opens it too when a display is available."},
        footer = {"", "Exit code 4 when the window cannot open (no display, JavaFX cannot start)."})
final class GuiCommand implements Callable<Integer> {
    private final GuiStarter starter;

    @Spec
    private CommandSpec spec;

    @Option(names = "--board", paramLabel = "NAME", description = "board profile of the virtual board (default: esp32-devkitc)")
    private String board;

    @Option(names = "--scenario", paramLabel = "NAME", description = "leak scenario to select (default: request-handler-leak)")
    private String scenario;

    @Option(names = "--hunt", description = "run the guided leak hunt as soon as the board is connected")
    private boolean hunt;

    @Option(names = "--profile", paramLabel = "LUA", description = "profile the Lua allocations of a bundled scenario "
            + "(NAME.lua) or a Lua chunk once the board is connected, and show them in the Flame graph")
    private String profile;

    @Option(names = "--dark", description = "dark theme")
    private boolean dark;

    @Option(names = "--tab", paramLabel = "VIEW", description = "view to show first: Leaks, \"Flame graph\", "
            + "\"Retained by\", Diff, Console or Timeline")
    private String tab;

    @Option(names = "--size", paramLabel = "WIDTHxHEIGHT", description = "window size in pixels (default: 1360x820)")
    private String size;

    GuiCommand(GuiStarter starter) {
        this.starter = starter;
    }

    @Override
    public Integer call() {
        // the app ignores a size it cannot read; here the user hears about it
        if (size != null && !size.matches("(?i)\\d{3,5}x\\d{3,5}")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--size wants WIDTHxHEIGHT in pixels, e.g. 1024x700, not '" + size + "'");
        }
        return starter.start(appOptions());
    }

    /** The same options, spelled as the app reads them. */
    List<String> appOptions() {
        List<String> options = new ArrayList<>();
        add(options, "--board", board);
        add(options, "--scenario", scenario);
        add(options, "--tab", tab);
        add(options, "--size", size);
        add(options, "--profile", profile);
        if (hunt) {
            options.add("--hunt");
        }
        if (dark) {
            options.add("--dark");
        }
        return options;
    }

    private static void add(List<String> options, String name, String value) {
        if (value != null) {
            options.add(name);
            options.add(value);
        }
    }
}
