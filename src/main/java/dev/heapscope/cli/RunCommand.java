package dev.heapscope.cli;

import dev.heapscope.session.InputErrorText;
import dev.heapscope.analysis.SnapshotGrowth;
import dev.heapscope.model.Dump;
import dev.heapscope.model.HeapSnapshot;
import dev.heapscope.model.TraceMode;
import dev.heapscope.console.CommandResult;
import dev.heapscope.session.GuidedHunt;
import dev.heapscope.session.HuntWorkload;
import dev.heapscope.session.OpenedSession;
import dev.heapscope.session.Sessions;
import dev.heapscope.session.ProfilingSession;
import dev.heapscope.session.SessionListener;
import dev.heapscope.sim.BoardOptions;
import dev.heapscope.sim.BoardProfile;
import dev.heapscope.sim.ScenarioHeader;
import dev.heapscope.sim.SimulatedBoard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** {@code heapscope run SCRIPT.lua}: a leak check of a Lua script on the virtual board. */
@Command(name = "run", mixinStandardHelpOptions = true, resourceBundle = "dev.heapscope.cli.help.run",
        description = {"Runs a Lua script on the virtual NodeMCU board with heap tracing and reports what it leaks.",
                "Sequence: boot, heaptrace.init, collectgarbage() twice, start, dump, dofile(SCRIPT), timers for",
                "--seconds of virtual time, collectgarbage() twice, stop, dump. Leaks = live in the last dump, not in",
                "the first. A header's expect.warmup.seconds runs the script and its warm-up before init instead."},
        footer = {"", "Examples:", "  heapscope run simulator/scenarios/timer-captures-state.lua --seconds 30",
                "  heapscope run app.lua --json --fail-on-leak 0      (a leak gate for CI)",
                "  heapscope run app.lua --snapshot                    (and what grew, by what holds it)"})
final class RunCommand implements Callable<Integer> {
    private static final long STEP_TIMEOUT_SECONDS = 60;

    @Parameters(paramLabel = "SCRIPT", description = "the Lua script to run")
    Path script;

    @Mixin
    BoardOption board;

    @Option(names = "--mode", defaultValue = "leaks", description = "trace mode: leaks or all (default: ${DEFAULT-VALUE})")
    String mode;

    @Option(names = "--buffer", defaultValue = "500",
            description = "trace buffer records for heaptrace.init (default: ${DEFAULT-VALUE})")
    int bufferRecords;

    @Option(names = "--seconds", description = "virtual seconds to run timers after the script (default: the "
            + "script's '-- expect.seconds' header line, as the bundled scenarios have; else 0)")
    Long seconds;

    @Mixin
    JsonOutput output;

    @Option(names = "--snapshot", description = {"also take a heap snapshot before and after the script (each after a",
            "full collection) and show what grew, by the path that holds it; with --json: 'snapshots'"})
    boolean snapshot;

    @Mixin
    LeakGate leakGate;

    @Option(names = "--save", paramLabel = "FILE.heapscope", description = {"also save the session (every byte the",
            "board printed, its dumps with their times, the Lua names and what held each block) for the app,",
            "analyze, report and export"})
    Path saveAs;

    @Mixin
    RawOutput rawOutput;

    private PrintStream out; // escaping, or with --raw the stream below (set once, by call)
    private final PrintStream err;

    RunCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        out = rawOutput.of(out);
        TraceMode traceMode;
        BoardProfile profile;
        try {
            traceMode = TraceMode.ofWord(mode);
            profile = board.profile();
        } catch (IllegalArgumentException | BoardChoice.BadBoardException e) {
            err.println("heapscope: " + InputErrorText.describe(e));
            return ExitCodes.USAGE;
        }
        if (bufferRecords <= 0 || seconds != null && seconds < 0) {
            err.println("heapscope: --buffer must be positive and --seconds not negative");
            return ExitCodes.USAGE;
        }
        byte[] code = ScriptFile.read(script); // to Lua as bytes: a byte 0xff in a string literal stays 255
        long virtualSeconds = seconds != null ? seconds : headerSeconds(new String(code, StandardCharsets.UTF_8));
        RunOutcome outcome = runOnBoard(profile, traceMode, code, virtualSeconds);
        if (outcome.failure != null) {
            err.println("heapscope: " + outcome.failure);
            return ExitCodes.UNREADABLE_INPUT;
        }
        RunReport report = new RunReport(profile.name() + " (virtual)", traceMode, bufferRecords,
                script.getFileName().toString(), outcome.first, outcome.last, outcome.output,
                outcome.board.console().symbols(), outcome.board.console().heldBy());
        if (outcome.before != null && outcome.after != null) {
            report.withGrowth(SnapshotGrowth.between(outcome.before, outcome.after));
        }
        output.write(() -> report.writeJson(JsonForTerminal.onto(out)), () -> report.writeText(out));
        if (outcome.scriptError != null) {
            err.println("heapscope: the script failed: " + outcome.scriptError);
            return ExitCodes.UNREADABLE_INPUT;
        }
        if (!report.luaErrors().isEmpty()) { // a timer or event callback failed: a leak gate must not pass it
            err.println("heapscope: a callback failed: " + report.luaErrors().get(0));
            return ExitCodes.UNREADABLE_INPUT;
        }
        return leakGate.verdict(report.leakedBytes(), err);
    }

    /** A scenario says how long its timers need; a header that cannot be read is the script's error. */
    private long headerSeconds(String code) throws InputLog.UnreadableInputException {
        try {
            return ScenarioHeader.read(script.toString(), code).virtualSeconds();
        } catch (ScenarioHeader.MalformedException e) {
            throw new InputLog.UnreadableInputException(InputErrorText.describe(e) + " (or give --seconds)");
        }
    }

    private RunOutcome runOnBoard(BoardProfile profile, TraceMode traceMode, byte[] code, long virtualSeconds)
            throws InterruptedException {
        RunOutcome outcome = new RunOutcome();
        String fileName = script.getFileName().toString();
        List<String> output = new ArrayList<>();
        boolean[] capturing = {false};
        try (OpenedSession opened = Sessions.virtualBoard(profile, BoardOptions.defaults(),
                Sessions.Setup.headless(30_000))) {
            outcome.board = opened.board().orElseThrow();
            ProfilingSession session = opened.session();
            session.addListener(new SessionListener() {
                @Override
                public void consoleLine(String line, long hostMillis) {
                    // the script's output ends where the hunt's next verb is echoed: lines its callbacks printed
                    // while virtual time ran arrive after the workload's future completed
                    // (a callback's print follows the idle prompt on its line, so the next echo may come without it)
                    String printed = line.startsWith("> ") ? line.substring(2) : line;
                    outcome.resets.see(printed);
                    if (capturing[0] && (printed.startsWith("heaptrace.") || printed.startsWith("collectgarbage()"))) {
                        capturing[0] = false;
                    }
                    if (capturing[0]) {
                        output.add(printed);
                    }
                }
            });
            opened.connect().get(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            HuntWorkload script = HuntWorkload.scriptOnVirtualBoard(outcome.board, fileName, code, virtualSeconds);
            HuntWorkload captured = new HuntWorkload() {
                @Override
                public CompletableFuture<CommandResult> start(ProfilingSession on) {
                    if (snapshot) {
                        outcome.before = outcome.board.console().snapshot("before the script");
                    }
                    capturing[0] = true;
                    outcome.resets.arm();
                    return script.start(on);
                }

                @Override
                public String preparation() {
                    return script.preparation();
                }

                @Override
                public CompletableFuture<Void> prepare(ProfilingSession on) {
                    capturing[0] = true; // a warm-up runs the script before the trace: its output is the script's
                    outcome.resets.arm();
                    return script.prepare(on);
                }

                @Override
                public String describe() {
                    return script.describe();
                }
            };
            GuidedHunt.Result result = new GuidedHunt(session, bufferRecords, traceMode).run(captured)
                    .get(STEP_TIMEOUT_SECONDS * 4, TimeUnit.SECONDS);
            if (snapshot) {
                outcome.after = outcome.board.console().snapshot("after the script");
            }
            outcome.first = result.first();
            outcome.last = result.last();
            outcome.scriptError = result.workloadError();
            outcome.output = output.stream().filter(l -> !l.startsWith("dofile(")).toList();
            if (saveAs != null) {
                outcome.failure = SavedRun.save(opened, profile, saveAs);
            }
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            outcome.failure = "the virtual board failed: " + InputErrorText.describe(cause);
        }
        String reset = outcome.resets.describe();
        if (reset != null) { // before any other failure: it is what the user needs to know first
            outcome.failure = reset;
        }
        return outcome;
    }

    /** What happened on the board. */
    private static final class RunOutcome {
        SimulatedBoard board;
        Dump first;
        Dump last;
        HeapSnapshot before;
        HeapSnapshot after;
        List<String> output = List.of();
        String scriptError;
        String failure;
        final BoardResets resets = new BoardResets();
    }
}
