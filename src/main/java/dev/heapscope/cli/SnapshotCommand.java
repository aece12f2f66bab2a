package dev.heapscope.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.heapscope.model.AgentSnapshot;
import dev.heapscope.session.AgentRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** {@code heapscope snapshot --port PATH}: one Lua heap snapshot of a real board, by the HeapScope agent. */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = {"Uploads the HeapScope agent (device-firmware/heapscope-agent.lua) to a board",
                "over its console, runs it, and shows the board's Lua heap by the path that",
                "holds each object, biggest first. Sizes are estimates (Lua 5.3's 32-bit",
                "layouts). --save keeps the snapshot in a file; --since FILE shows what grew",
                "since a saved one, by the path that holds it (as run --snapshot does); two",
                "saved snapshots are compared offline by heapscope diff BEFORE AFTER."},
        footer = {"", "Examples:", "  heapscope snapshot --port /dev/ttyUSB0", "  heapscope snapshot --port /dev/ttyUSB0 --json",
                "  heapscope snapshot --port /dev/ttyUSB0 --save before.snap",
                "  heapscope snapshot --port /dev/ttyUSB0 --since before.snap --save after.snap",
                "  heapscope diff before.snap after.snap"})
final class SnapshotCommand implements Callable<Integer> {
    @Mixin
    SerialPortOption serial;

    @Option(names = "--json", description = "the snapshot as JSON (fields: see SnapshotReport)")
    boolean json;

    @Option(names = "--top", defaultValue = "30", description = "paths shown in the text (default: ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--timeout", defaultValue = "120", description = "seconds to wait for the snapshot's end (default: ${DEFAULT-VALUE})")
    long timeoutSeconds;

    @Option(names = "--save", paramLabel = "FILE", description = "also save the snapshot (the agent's lines) in FILE, "
            + "for --since and diff")
    Path save;

    @Option(names = "--since", paramLabel = "FILE", description = "show what grew since the snapshot saved in FILE "
            + "(with --json: 'snapshots', as run --snapshot)")
    Path since;

    @Mixin
    RawOutput rawOutput;

    private PrintStream out; // escaping, or with --raw the stream below (set once, by call)
    private final PrintStream err;

    SnapshotCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        out = rawOutput.of(out);
        // before the port is opened: a bad saved snapshot or a place it cannot go fails at once, not after the walk
        String unsaveable = save == null ? null : SnapshotFile.cannotSave(save);
        if (unsaveable != null) {
            err.println("heapscope: --save " + unsaveable);
            return ExitCodes.USAGE;
        }
        AgentSnapshot earlier = since == null ? null : SnapshotFile.pick(since, SnapshotFile.read(since), null);
        AgentRun run = new AgentRun(AgentRun.shippedAgent());
        AgentLineRecorder lines = new AgentLineRecorder();
        AgentSnapshot snapshot = SerialBoard.run(serial, SerialBoard.setup(20_000L), 30, "the snapshot", "", opened -> {
            WireEstimate.printAgent(err, run, opened.session(), serial.baudRate(), 1);
            opened.session().addListener(lines);
            return run.take(opened.session(), timeoutSeconds * 1000L).get(timeoutSeconds + 30, TimeUnit.SECONDS);
        });
        SnapshotReport report = new SnapshotReport(snapshot);
        GrowthReport growth = earlier == null ? null : GrowthReport.ofAgent(earlier,
                String.valueOf(since.getFileName()), snapshot, "now");
        if (json) {
            try (JsonGenerator generator = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).createGenerator(new java.io.OutputStreamWriter(JsonForTerminal.onto(out),
                    java.nio.charset.StandardCharsets.UTF_8)).useDefaultPrettyPrinter()) {
                generator.writeStartObject();
                generator.writeStringField("board", serial.board());
                report.writeJson(generator);
                if (growth != null) {
                    generator.writeStringField("since", since.toString());
                    growth.writeJson(generator);
                }
                generator.writeEndObject();
            }
            out.println();
        } else if (growth != null) {
            growth.writeText(out);
        } else {
            report.writeText(out, top);
        }
        if (growth != null) {
            growth.warnings().forEach(w -> err.println("heapscope: warning: " + w));
        }
        if (save != null) {
            // what arrived is kept, cut or not: the file reads back as the console did
            SnapshotFile.save(save, serial.board(), lines.stop());
        }
        if (!snapshot.complete()) {
            err.println("heapscope: the snapshot is incomplete: " + snapshot.problem());
            return ExitCodes.UNREADABLE_INPUT;
        }
        return ExitCodes.OK;
    }
}
