package dev.heapscope.cli;

import dev.heapscope.session.InputErrorText;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.heapscope.analysis.CallTree;
import dev.heapscope.analysis.LuaProfileFlame;
import dev.heapscope.analysis.Weight;
import dev.heapscope.export.FoldedWriter;
import dev.heapscope.export.SvgFlameWriter;
import dev.heapscope.model.LuaAllocationProfile;
import dev.heapscope.session.ProfileRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** {@code heapscope profile --port PATH --run LUA}: which Lua lines allocate, on a real board. */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = {"Upload the allocation profiler (device-firmware/heapscope-profile.lua) over",
                "the console and run a workload under it, with the collector stopped: bytes",
                "per Lua line and per call stack. Needs debug.sethook (extended debug module)."},
        footer = {"", "Examples:", "  heapscope profile --port /dev/ttyUSB0 --run app.lua",
                "  heapscope profile --port /dev/ttyUSB0 --run 'handler(\"/x\")' --svg lua.svg",
                "  heapscope profile --port /dev/ttyUSB0 --run app.lua --interval 50 --json"})
final class ProfileCommand implements Callable<Integer> {
    @Mixin
    SerialPortOption serial;

    @Option(names = "--run", required = true, paramLabel = "LUA", description = "the workload: a local .lua file (uploaded under its name), a .lua/.lc "
            + "file already on the board, or a Lua chunk")
    String workload;

    @Option(names = "--interval", defaultValue = "0", paramLabel = "N",
            description = "also a count event every N VM instructions (default: ${DEFAULT-VALUE}: line and return events only)")
    int interval;

    @Option(names = "--no-lines", description = "no line events: sample only every --interval instructions (cheaper, less exact)")
    boolean noLines;

    @Option(names = "--baseline", description = "run the workload a second time without the hook to measure the overhead")
    boolean baseline;

    @Option(names = "--json", description = "the profile as JSON")
    boolean json;

    @Option(names = "--folded", paramLabel = "FILE", description = "also write the stacks as folded stacks (bytes)")
    Path folded;

    @Option(names = "--svg", paramLabel = "FILE", description = "also write a flame graph of the Lua allocations")
    Path svg;

    @Option(names = "--top", defaultValue = "20", description = "lines and stacks shown (default: ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--timeout", defaultValue = "300", description = "seconds to wait for the profile (default: ${DEFAULT-VALUE})")
    long timeoutSeconds;

    @Mixin
    RawOutput rawOutput;

    private PrintStream out; // escaping, or with --raw the stream below (set once, by call)
    private final PrintStream err;

    ProfileCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        out = rawOutput.of(out);
        if (noLines && interval <= 0) {
            err.println("heapscope: --no-lines needs an --interval above 0 (else nothing would be sampled)");
            return ExitCodes.USAGE;
        }
        ProfileRun.Workload what;
        try {
            what = workload();
        } catch (IOException e) {
            err.println("heapscope: cannot read " + workload + ": " + InputErrorText.describe(e));
            return ExitCodes.UNREADABLE_INPUT;
        }
        ProfileRun run = new ProfileRun(ProfileRun.shippedProfiler());
        LuaAllocationProfile profile = SerialBoard.run(serial, SerialBoard.setup(20_000L), 30, "the profile", "",
                opened -> {
                    ProfileRun.Settings settings = new ProfileRun.Settings(interval, !noLines, baseline);
                    WireEstimate.printProfile(err, run, opened.session(), serial.baudRate(), what, settings);
                    return run.run(opened.session(), what, settings, timeoutSeconds * 1000L)
                            .get(timeoutSeconds + 30, TimeUnit.SECONDS);
                });
        try {
            writeFlames(profile);
        } catch (IOException e) {
            err.println("heapscope: cannot write the flame graph: " + InputErrorText.describe(e));
            return ExitCodes.UNREADABLE_INPUT;
        }
        ProfileReport report = new ProfileReport(profile);
        if (json) {
            try (JsonGenerator generator = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                    .createGenerator(new java.io.OutputStreamWriter(JsonForTerminal.onto(out), StandardCharsets.UTF_8)).useDefaultPrettyPrinter()) {
                generator.writeStartObject();
                generator.writeStringField("board", serial.board());
                report.writeJson(generator);
                generator.writeEndObject();
            }
            out.println();
        } else {
            report.writeText(out, top);
        }
        if (!profile.complete()) {
            err.println("heapscope: the profile is incomplete: " + profile.problem());
            return ExitCodes.UNREADABLE_INPUT;
        }
        return ExitCodes.OK;
    }

    private ProfileRun.Workload workload() throws IOException {
        Path local = Path.of(workload.strip());
        if (workload.strip().matches("[\\w./\\\\-]+\\.lua") && Files.isRegularFile(local)) {
            return ProfileRun.Workload.upload(local.getFileName().toString(), Files.readAllBytes(local));
        }
        if (workload.strip().matches("[\\w./-]+\\.l(ua|c)")) {
            return ProfileRun.Workload.boardFile(workload.strip());
        }
        return ProfileRun.Workload.chunk(workload);
    }

    private void writeFlames(LuaAllocationProfile profile) throws IOException {
        CallTree tree = LuaProfileFlame.tree(profile, Weight.BYTES);
        if (folded != null) {
            try (Writer writer = Files.newBufferedWriter(folded, StandardCharsets.UTF_8)) {
                FoldedWriter.write(tree, writer);
            }
        }
        if (svg != null) {
            try (Writer writer = Files.newBufferedWriter(svg, StandardCharsets.UTF_8)) {
                SvgFlameWriter.write(tree, "Lua allocations (bytes)", writer);
            }
        }
    }
}
