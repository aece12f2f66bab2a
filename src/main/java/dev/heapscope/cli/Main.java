package dev.heapscope.cli;

import dev.heapscope.session.InputErrorText;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.io.PrintWriter;

/**
 * The command line over HeapScope's core. {@code java -jar heapscope.jar} starts it through
 * {@code dev.heapscope.launch.HeapScope}, which also hands it the window for {@code gui}.
 */
@Command(name = "heapscope", mixinStandardHelpOptions = true, versionProvider = PomVersion.class,
        description = {"Heap profiler for ESP32 boards running NodeMCU: reads heaptrace dumps, finds leaks.", "",
                "The app (a window, the virtual board ready to hunt): heapscope gui",
                "  (or heapscope with no command at all, when a display is available)",
                "The commands below work without a display."},
        footer = {"", "Examples:",
                "  heapscope gui --dark                the app, dark theme",
                "  heapscope run app.lua --seconds 30  what a Lua script leaks, virtual board",
                "  heapscope hunt --port /dev/ttyUSB0  the leak hunt on a real board",
                "  heapscope analyze session.log       dumps and leaks of a console log",
                "  heapscope COMMAND --help            a command's options",
                "", "Exit codes: 0 ok, 1 usage error, 2 unreadable input, 3 leak gate exceeded,",
                "4 the window cannot open (gui)."})
public final class Main implements Runnable {
    private final PrintStream out;

    private Main(PrintStream out) {
        this.out = out;
    }

    /** The command line alone; {@code gui} then only says where the app is. */
    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /** Runs the command line with these streams and returns its exit code; no window for {@code gui}. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        return run(out, err, GuiStarter.notInThisEntryPoint(err), args);
    }

    /** Runs the command line with these streams, {@code gui} opening the window through {@code app}. */
    public static int run(PrintStream out, PrintStream err, GuiStarter app, String... args) {
        try {
            return commandLine(out, err, app).execute(args);
        } catch (StackOverflowError | OutOfMemoryError e) {
            // picocli hands errors on: an input too deep or too big still gets one line and exit code 2
            err.println("heapscope: the input is " + InputErrorText.reason(e));
            return ExitCodes.UNREADABLE_INPUT;
        }
    }

    /**
     * A bug, not bad input: one line without Java's wording; {@code HEAPSCOPE_DEBUG=1} (or
     * {@code -Dheapscope.debug=true}) adds the stack trace a report needs.
     */
    private static int internalError(Exception e, PrintStream err) {
        err.println("heapscope: internal error, not a fault of the input; please report it"
                + " (HEAPSCOPE_DEBUG=1 shows where it happened)");
        if (System.getenv("HEAPSCOPE_DEBUG") != null || Boolean.getBoolean("heapscope.debug")) {
            e.printStackTrace(err instanceof TerminalStream escaping ? escaping.raw() : err);
        }
        return ExitCodes.UNREADABLE_INPUT;
    }

    static CommandLine commandLine(PrintStream out, PrintStream err) {
        return commandLine(out, err, GuiStarter.notInThisEntryPoint(err));
    }

    /** Every command, wired to these streams, with HeapScope's error handling. */
    static CommandLine commandLine(PrintStream rawOut, PrintStream rawErr, GuiStarter app) {
        // text from a board or a file is shown escaped on both streams (TerminalText); --raw undoes it for stdout
        PrintStream out = TerminalStream.escaping(rawOut);
        PrintStream err = TerminalStream.escaping(rawErr);
        CommandLine commandLine = new CommandLine(new Main(rawOut))
                .addSubcommand(new GuiCommand(app))
                .addSubcommand(new AnalyzeCommand(out, err))
                .addSubcommand(new DiffCommand(out, err))
                .addSubcommand(new RunCommand(out, err))
                .addSubcommand(new SimCommand(err))
                .addSubcommand(new HuntCommand(out, err))
                .addSubcommand(new SnapshotCommand(out, err))
                .addSubcommand(new ProfileCommand(out, err))
                .addSubcommand(new ExportCommand(out, err))
                .addSubcommand(new ReportCommand(out, err))
                .addSubcommand(new CommandLine.HelpCommand());
        // subcommands have -V too (mixinStandardHelpOptions) but no version of their own
        commandLine.getSubcommands().values().forEach(sub -> sub.getCommandSpec().versionProvider(new PomVersion()));
        commandLine.setOut(new PrintWriter(rawOut, true)); // picocli's help: our text, maybe coloured
        commandLine.setErr(new PrintWriter(rawErr, true));
        commandLine.setParameterExceptionHandler((e, ignored) -> {
            // picocli names Java's types ("is not a long", "(java.nio.file.InvalidPathException: ...)")
            err.println("heapscope: " + e.getMessage().replaceAll("' is not an? (int|long)\\b", "' is not a whole number")
                    .replaceAll(" \\((java|javax|sun)\\.[^)]*\\)", ""));
            err.println("Try 'heapscope " + e.getCommandLine().getCommandSpec().qualifiedName(" ")
                    .replaceFirst("^heapscope ?", "") + " --help'.".replace("  ", " "));
            return ExitCodes.USAGE;
        });
        // the mixins throw these instead of each command catching them: one line, the documented code
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
            if (e instanceof java.nio.file.FileSystemException problem && problem.getFile() != null) {
                err.println("heapscope: " + problem.getFile() + ": " + InputErrorText.reason(e));
                return ExitCodes.UNREADABLE_INPUT;
            }
            if (e instanceof InputLog.UnreadableInputException || e instanceof BoardChoice.BadBoardException) {
                err.println("heapscope: " + e.getMessage()); // ours: worded for the user where thrown
                return e instanceof BoardChoice.BadBoardException ? ExitCodes.USAGE : ExitCodes.UNREADABLE_INPUT;
            }
            if (e instanceof java.io.IOException) {
                err.println("heapscope: " + InputErrorText.reason(e));
                return ExitCodes.UNREADABLE_INPUT;
            }
            return internalError(e, err);
        });
        return commandLine;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(out);
    }
}
