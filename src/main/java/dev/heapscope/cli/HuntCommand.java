package dev.heapscope.cli;

import dev.heapscope.session.InputErrorText;
import dev.heapscope.model.TraceMode;
import dev.heapscope.session.GuidedHunt;
import dev.heapscope.session.HuntWorkload;
import dev.heapscope.session.OpenedSession;
import dev.heapscope.session.ProfilingSession;
import dev.heapscope.session.SessionListener;
import dev.heapscope.symbols.SymbolTable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** {@code heapscope hunt --port PATH}: the guided leak hunt on a real board, headless. */
@Command(name = "hunt", mixinStandardHelpOptions = true, resourceBundle = "dev.heapscope.cli.help.hunt",
        description = {"Runs the documented leak hunt on a board over serial: init, collectgarbage() twice,",
                "start, dump, then the workload, collectgarbage() twice, stop, dump; reports what",
                "leaked. The workload is one of: --lua CODE, --dofile NAME (a file already in",
                "the board's flash), --script FILE (a local file uploaded first),",
                "--wait-for-enter (use the device now, press Enter when done), or else",
                "--seconds of the board's own work. Hardware-in-the-loop CI: exit code 3",
                "past --fail-on-leak.",
                "--script FILE is written into the board's flash through the console before",
                "the trace starts (the upload is not traced), under its own name (replacing a",
                "file of that name), read back and checked (size and Adler-32), and run with",
                "dofile between the dumps. The board needs the io or file module.",
                "--agent also snapshots the board's Lua heap with the HeapScope agent before the",
                "trace starts and after the last dump (outside the trace, so the agent is never",
                "a leak) and shows which Lua paths hold what grew; an agent failure is one line",
                "and leaves the heaptrace verdict as it is."},
        footer = {"", "Examples:", "  heapscope hunt --port /dev/ttyUSB0 --seconds 60",
                "  heapscope hunt --port /dev/ttyUSB0 --lua 'dofile(\"app.lua\")' --json --fail-on-leak 0",
                "  heapscope hunt --port /dev/ttyUSB0 --dofile app.lua",
                "  heapscope hunt --port /dev/ttyUSB0 --script test/leak_check.lua --fail-on-leak 0",
                "  heapscope hunt --port /dev/ttyUSB0 --wait-for-enter",
                "  heapscope hunt --port /dev/ttyUSB0 --dofile app.lua --agent"})
final class HuntCommand implements Callable<Integer> {
    // every byte is typed at the console and echoed back (about 15 s for 64 KiB at 115200 baud), and a
    // script much bigger than this would not compile in a NodeMCU board's Lua heap anyway
    static final int MAX_SCRIPT_BYTES = 64 << 10;
    // NodeMCU runs these at every boot: a test script there would keep running after the hunt
    private static final java.util.Set<String> BOOT_FILES = java.util.Set.of("init.lua", "init.lc");

    @Mixin
    SerialPortOption serial;

    @Option(names = "--buffer", defaultValue = "200", description = "records for heaptrace.init (default: ${DEFAULT-VALUE})")
    int bufferRecords;

    @Option(names = "--mode", defaultValue = "leaks", description = "leaks or all (default: ${DEFAULT-VALUE})")
    String mode;

    @Option(names = {"--seconds", "--wait"}, defaultValue = "10", paramLabel = "SECONDS",
            description = "how long the board runs on its own between the dumps when no other workload is given "
            + "(default: ${DEFAULT-VALUE})")
    long seconds;

    @ArgGroup(exclusive = true)
    Workload workload = new Workload();

    static final class Workload {
        @Option(names = "--lua", paramLabel = "CODE", description = "Lua to run between the dumps (one line of at most 255 characters)")
        String lua;

        @Option(names = "--script", paramLabel = "FILE", description = "a Lua file to upload to the board and run "
                + "between the dumps (at most " + (MAX_SCRIPT_BYTES >> 10) + " KiB)")
        Path script;

        @Option(names = "--dofile", paramLabel = "NAME", description = "a file already in the board's flash to run "
                + "between the dumps")
        String dofile;

        @Option(names = "--wait-for-enter", description = "use the device now (press its buttons, send it requests); "
                + "the hunt waits between the dumps until Enter is pressed here")
        boolean waitForEnter;
    }

    @Mixin
    JsonOutput output;

    @Mixin
    LeakGate leakGate;

    // not OutputFile: the report still goes to standard output; this file is the board's transcript
    @Option(names = {"-o", "--output"}, paramLabel = "LOG", description = "save every byte the board sent (a log analyze reads)")
    Path rawLog;

    @Option(names = "--agent", description = "also take Lua heap snapshots with the HeapScope agent before and after, "
            + "and show which Lua paths hold what grew (with --json: 'snapshots' and 'agent')")
    boolean agent;

    @Option(names = "--timeout", defaultValue = "20", description = "seconds a command may stay unanswered (default: ${DEFAULT-VALUE})")
    long timeoutSeconds;

    @Mixin
    RawOutput rawOutput;

    private PrintStream out; // escaping, or with --raw the stream below (set once, by call)
    private final PrintStream err;

    HuntCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws InterruptedException, java.io.IOException, InputLog.UnreadableInputException {
        out = rawOutput.of(out);
        TraceMode traceMode;
        try {
            traceMode = TraceMode.ofWord(mode);
        } catch (IllegalArgumentException e) {
            err.println("heapscope: " + InputErrorText.describe(e));
            return ExitCodes.USAGE;
        }
        if (workload.script != null && BOOT_FILES.contains(String.valueOf(workload.script.getFileName()))) {
            err.println("heapscope: --script " + workload.script.getFileName() + " would replace the board's "
                    + workload.script.getFileName() + ", which runs at every boot; copy it under another name");
            return ExitCodes.USAGE;
        }
        // before the port is opened: a missing or oversized file fails at once, not after the board's boot
        HuntWorkload work = workload.script != null
                ? HuntWorkload.uploadedScript(workload.script.getFileName().toString(),
                        ScriptFile.read(workload.script, MAX_SCRIPT_BYTES, "uploaded through the console"))
                : workload.lua != null ? HuntWorkload.lua(workload.lua)
                : workload.dofile != null ? HuntWorkload.dofile(workload.dofile)
                : workload.waitForEnter ? HuntWorkload.userAction("use the device now; press Enter here when done",
                        () -> EnterKey.pressedOn(System.in, err))
                : HuntWorkload.waitMillis(seconds * 1000L);
        var setup = SerialBoard.setup(timeoutSeconds * 1000L).withRawLogFile(rawLog);
        SymbolTable names = new SymbolTable();
        GuidedHunt.Result result = SerialBoard.run(serial, setup, timeoutSeconds + 10L, "the hunt",
                rawLog != null ? " (everything received is in " + rawLog + ")" : "",
                session -> session.addListener(new SessionListener() {
                    @Override
                    public void notice(String message) {
                        err.println("heapscope: note: " + message);
                    }
                }), opened -> hunt(opened, work, traceMode, names));
        RunReport report = new RunReport(serial.board(), traceMode, bufferRecords,
                workloadName(), result.first(), result.last(),
                List.of(), names, dev.heapscope.model.HeldBy.UNKNOWN);
        if (result.agent() != null) {
            AgentHuntReport agentReport = new AgentHuntReport(result.agent());
            report.withAgent(agentReport);
            agentReport.warnings().forEach(w -> err.println("heapscope: warning: " + w));
        }
        output.write(() -> report.writeJson(JsonForTerminal.onto(out)), () -> report.writeText(out));
        if (result.workloadError() != null) {
            err.println("heapscope: the Lua failed: " + result.workloadError());
            return ExitCodes.UNREADABLE_INPUT;
        }
        return leakGate.verdict(report.leakedBytes(), err);
    }

    /** The hunt on the connected board; the names its session learnt go into {@code names}. */
    private GuidedHunt.Result hunt(OpenedSession opened, HuntWorkload work, TraceMode traceMode, SymbolTable names)
            throws ExecutionException, java.util.concurrent.TimeoutException, InterruptedException,
            InputLog.UnreadableInputException {
        ProfilingSession session = opened.session();
        var firmware = opened.firmware().orElseThrow();
        if (!firmware.heaptracePresent()) {
            throw new InputLog.UnreadableInputException(firmware.advice());
        }
        if (agent) {
            try {
                WireEstimate.printAgent(err, new dev.heapscope.session.AgentRun(dev.heapscope.session.AgentRun.shippedAgent()),
                        session, serial.baudRate(), 2);
            } catch (java.io.IOException missing) {
                // the hunt reports it with its result; its heaptrace part does not need the agent
            }
        }
        var hunting = new GuidedHunt(session, bufferRecords, traceMode).withAgentSnapshots(agent)
                .onProgress(step -> err.println("heapscope: note: hunt: " + step.what())).run(work);
        // the user takes as long as the device needs; each agent snapshot has its own time-out
        long agentSeconds = agent ? 2 * 150L : 0;
        GuidedHunt.Result result = workload.waitForEnter ? hunting.get()
                : hunting.get(seconds + 10L * timeoutSeconds + agentSeconds, TimeUnit.SECONDS);
        session.snapshot().get(5, TimeUnit.SECONDS).symbols().forEach(names::add);
        return result;
    }

    /** What ran between the dumps, for the report's "script". */
    private String workloadName() {
        if (workload.script != null) {
            return workload.script.getFileName().toString();
        }
        if (workload.dofile != null) {
            return workload.dofile;
        }
        if (workload.waitForEnter) {
            return "use the device now";
        }
        return workload.lua != null ? "--lua" : seconds + " s of the board's own work";
    }
}
