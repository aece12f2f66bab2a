package dev.heapscope.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.heapscope.analysis.DiffRow;
import dev.heapscope.analysis.DumpDiff;
import dev.heapscope.analysis.FrameNamer;
import dev.heapscope.model.Dump;
import dev.heapscope.model.Hex;
import dev.heapscope.parse.ParsedLog;
import dev.heapscope.symbols.Symbolizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code heapscope diff BEFORE [AFTER] [--before N] [--after N] [--json] [--elf FIRMWARE.elf] [--rom-ld FILE]…}. */
@Command(name = "diff", mixinStandardHelpOptions = true, resourceBundle = "dev.heapscope.cli.help.diff",
        description = {"Compares the live allocations of two dumps: what is new, gone, grown or shrunk per call chain.",
                "With two files: the last complete dump of each. With one file: its first and last complete dumps.",
                "Two Lua heap snapshots saved by 'heapscope snapshot --save' (told by their",
                "content): what grew by the path that holds it, as run --snapshot shows it;",
                "--before/--after N then count snapshots. A cut one is compared, with a warning."},
        footer = {"", "Examples:", "  heapscope diff before.log after.log",
                "  heapscope diff before.snap after.snap        (two saved Lua heap snapshots)",
                "  heapscope diff session.log                   (first vs last complete dump)",
                "  heapscope diff session.log --before 2 --after 5 --json"})
final class DiffCommand implements Callable<Integer> {

    @Mixin
    InputFile beforeFile;

    @Parameters(index = "1", paramLabel = "AFTER", arity = "0..1",
            description = "log holding the 'after' dump, or a saved snapshot (default: BEFORE itself)")
    Path afterFile;

    @Option(names = "--before", paramLabel = "N", description = "dump number (1-based) in BEFORE")
    Integer beforeNumber;

    @Option(names = "--after", paramLabel = "N", description = "dump number (1-based) in AFTER")
    Integer afterNumber;

    @Mixin
    JsonOutput output;

    @Mixin
    FirmwareFiles firmwareFiles;

    @Mixin
    RawOutput rawOutput;

    private PrintStream out; // escaping, or with --raw the stream below (set once, by call)
    private final PrintStream err;

    DiffCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException, InputLog.UnreadableInputException {
        out = rawOutput.of(out);
        try {
            return compare();
        } finally {
            firmwareFiles.printDecodeWarnings(err); // after the output: lookups find what cannot be decoded
        }
    }

    private Integer compare() throws IOException, InputLog.UnreadableInputException {
        if (isSnapshot(beforeFile.path()) || afterFile != null && isSnapshot(afterFile)) {
            return new SnapshotDiff(output.json() ? JsonForTerminal.onto(out) : out, err).compare(beforeFile.path(), afterFile, beforeNumber, afterNumber, output.json());
        }
        ParsedLog beforeLog = beforeFile.log();
        ParsedLog afterLog = afterFile == null ? beforeLog : InputLog.read(afterFile);
        Symbolizer firmware = firmwareFiles.symbolizer();
        DumpSelector.Selection before = DumpSelector.select(beforeLog, beforeNumber, afterFile == null, true);
        DumpSelector.Selection after = DumpSelector.select(afterLog, afterNumber, afterFile == null, false);
        for (DumpSelector.Selection selection : new DumpSelector.Selection[] {before, after}) {
            if (selection.error() != null) {
                err.println("heapscope: " + selection.error());
                return selection.usageError() ? ExitCodes.USAGE : ExitCodes.UNREADABLE_INPUT;
            }
        }
        DumpDiff diff = DumpDiff.between(before.dump(), after.dump());
        firmwareFiles.checkIdentity(afterLog, err);
        FrameNamer namer = new FrameNamer(firmware.orElse(TextReport.monitorNames(afterLog)));
        output.write(() -> writeJson(diff, before.dump(), after.dump(), namer),
                () -> writeText(diff, before.dump(), after.dump(), namer));
        return ExitCodes.OK;
    }

    /** Only a regular file is sniffed: a missing one or a folder keeps the log's own one-line error. */
    private static boolean isSnapshot(Path file) throws InputLog.UnreadableInputException {
        return java.nio.file.Files.isRegularFile(file) && InputKind.of(file) == InputKind.SNAPSHOT;
    }

    private void writeText(DumpDiff diff, Dump before, Dump after, FrameNamer namer) {
        out.printf("before: dump #%d (%d bytes live in %d allocations)%n", before.index() + 1, diff.beforeBytes(),
                diff.beforeCount());
        out.printf("after:  dump #%d (%d bytes live in %d allocations)%n", after.index() + 1, diff.afterBytes(),
                diff.afterCount());
        out.printf("change: %+d bytes, %+d allocations; %d survived, %d appeared, %d disappeared%n%n",
                diff.byteDelta(), diff.afterCount() - diff.beforeCount(), diff.survivors().size(),
                diff.appeared().size(), diff.disappeared().size());
        out.printf("%-9s %10s %7s %16s %16s  %s%n", "STATUS", "DELTA B", "DELTA N", "BEFORE", "AFTER",
                "CALL CHAIN (innermost first)");
        for (DiffRow row : diff.rows()) {
            out.printf("%-9s %+10d %+7d %16s %16s  %s%n", row.status().name().toLowerCase(Locale.ROOT), row.byteDelta(),
                    row.countDelta(), row.beforeBytes() + " B/" + row.beforeCount(),
                    row.afterBytes() + " B/" + row.afterCount(), TextReport.describe(row.chain(), namer));
        }
    }

    private void writeJson(DumpDiff diff, Dump before, Dump after, FrameNamer namer) throws IOException {
        try (JsonGenerator gen = new JsonFactory().createGenerator(JsonForTerminal.onto(out)).useDefaultPrettyPrinter()) {
            gen.writeStartObject();
            gen.writeNumberField("beforeDump", before.index());
            gen.writeNumberField("afterDump", after.index());
            gen.writeNumberField("beforeBytes", diff.beforeBytes());
            gen.writeNumberField("afterBytes", diff.afterBytes());
            gen.writeNumberField("byteDelta", diff.byteDelta());
            gen.writeNumberField("countDelta", diff.afterCount() - diff.beforeCount());
            gen.writeNumberField("survived", diff.survivors().size());
            gen.writeNumberField("appeared", diff.appeared().size());
            gen.writeNumberField("disappeared", diff.disappeared().size());
            gen.writeArrayFieldStart("rows");
            for (DiffRow row : diff.rows()) {
                gen.writeStartObject();
                gen.writeStringField("status", row.status().name().toLowerCase(Locale.ROOT));
                gen.writeArrayFieldStart("caller");
                for (int i = 0; i < row.chain().depth(); i++) {
                    gen.writeString(Hex.of(row.chain().frame(i)));
                }
                gen.writeEndArray();
                gen.writeArrayFieldStart("names");
                for (int i = 0; i < row.chain().depth(); i++) {
                    gen.writeString(namer.name(row.chain().frame(i)));
                }
                gen.writeEndArray();
                gen.writeNumberField("beforeCount", row.beforeCount());
                gen.writeNumberField("beforeBytes", row.beforeBytes());
                gen.writeNumberField("afterCount", row.afterCount());
                gen.writeNumberField("afterBytes", row.afterBytes());
                gen.writeNumberField("byteDelta", row.byteDelta());
                gen.writeNumberField("countDelta", row.countDelta());
                gen.writeNumberField("survivors", row.survivors());
                gen.writeEndObject();
            }
            gen.writeEndArray();
            gen.writeEndObject();
        }
        out.println();
    }
}
