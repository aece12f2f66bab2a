package dev.heapscope.cli;

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
        return commandLine(out, err, app).execute(args);
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
            err.println("heapscope: " + e.getMessage());
            err.println("Try 'heapscope " + e.getCommandLine().getCommandSpec().qualifiedName(" ")
                    .replaceFirst("^heapscope ?", "") + " --help'.".replace("  ", " "));
            return ExitCodes.USAGE;
        });
        // the mixins throw these instead of each command catching them: one line, the documented code
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
            if (e instanceof java.nio.file.FileSystemException problem && problem.getFile() != null) {
                // their message is the bare path, or the path and the system's reason
                err.println("heapscope: " + problem.getFile() + ": " + (e instanceof java.nio.file.NoSuchFileException
                        ? "no such file" : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                        : String.valueOf(problem.getReason())));
                return ExitCodes.UNREADABLE_INPUT;
            }
            if (e instanceof InputLog.UnreadableInputException || e instanceof BoardChoice.BadBoardException
                    || e instanceof java.io.IOException && e.getMessage() != null) {
                err.println("heapscope: " + e.getMessage());
                return e instanceof BoardChoice.BadBoardException ? ExitCodes.USAGE : ExitCodes.UNREADABLE_INPUT;
            }
            // a bug, not bad input: still one line, with what a report needs
            err.println("heapscope: internal error (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); please report it");
            return ExitCodes.UNREADABLE_INPUT;
        });
        return commandLine;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(out);
    }
}
