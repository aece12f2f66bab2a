package dev.heapscope.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.heapscope.model.AgentSnapshot;
import dev.heapscope.session.AgentRun;
import dev.heapscope.session.OpenedSession;
import dev.heapscope.session.Sessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** {@code heapscope snapshot --port PATH}: one Lua heap snapshot of a real board, by the HeapScope agent. */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = {"Upload the HeapScope agent (device-firmware/heapscope-agent.lua) to a board over its console,",
                "run it, and show its Lua heap by the path that holds each object, biggest first."},
        footer = {"", "Examples:", "  heapscope snapshot --port /dev/ttyUSB0", "  heapscope snapshot --port /dev/ttyUSB0 --json"})
final class SnapshotCommand implements Callable<Integer> {
    // a guess for the wire estimate before the board is asked anything: a small application's heap
    private static final long TYPICAL_OBJECTS = 2000;

    @Option(names = "--port", required = true, paramLabel = "PATH", description = "serial port (/dev/ttyUSB0, COM3)")
    String port;

    @Option(names = "--baud", defaultValue = "115200", description = "console speed (default: ${DEFAULT-VALUE})")
    int baudRate;

    @Option(names = "--json", description = "the snapshot as JSON (fields: see SnapshotReport)")
    boolean json;

    @Option(names = "--top", defaultValue = "30", description = "paths shown in the text (default: ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--timeout", defaultValue = "120", description = "seconds to wait for the snapshot's end (default: ${DEFAULT-VALUE})")
    long timeoutSeconds;

    private final PrintStream out;
    private final PrintStream err;

    SnapshotCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        AgentRun run = new AgentRun(AgentRun.shippedAgent());
        err.printf("heapscope: note: the upload and a %,d-object heap take about %.0f s on the wire at %d baud%n",
                TYPICAL_OBJECTS, run.wireSeconds(baudRate, TYPICAL_OBJECTS), baudRate);
        Sessions.Setup setup = Sessions.Setup.headless(20_000L).withPromptTimeoutMillis(20_000L);
        AgentSnapshot snapshot;
        try (OpenedSession opened = Sessions.serial(port, baudRate, setup)) {
            opened.connect().get(30, TimeUnit.SECONDS);
            snapshot = run.take(opened.session(), timeoutSeconds * 1000L).get(timeoutSeconds + 30, TimeUnit.SECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            err.println("heapscope: the snapshot on " + port + " failed: "
                    + (cause.getMessage() == null ? "no answer in time" : cause.getMessage()));
            return ExitCodes.UNREADABLE_INPUT;
        }
        SnapshotReport report = new SnapshotReport(snapshot);
        if (json) {
            try (JsonGenerator generator = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).createGenerator(new java.io.OutputStreamWriter(out,
                    java.nio.charset.StandardCharsets.UTF_8)).useDefaultPrettyPrinter()) {
                generator.writeStartObject();
                generator.writeStringField("board", port + " @ " + baudRate + " baud");
                report.writeJson(generator);
                generator.writeEndObject();
            }
            out.println();
        } else {
            report.writeText(out, top);
        }
        if (!snapshot.complete()) {
            err.println("heapscope: the snapshot is incomplete: " + snapshot.problem());
            return ExitCodes.UNREADABLE_INPUT;
        }
        return ExitCodes.OK;
    }
}
