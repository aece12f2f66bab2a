package dev.heapscope.cli;

import dev.heapscope.analysis.CallTree;
import dev.heapscope.analysis.FoldedImport;
import dev.heapscope.analysis.LeakTable;
import dev.heapscope.analysis.LiveTally;
import dev.heapscope.analysis.Weight;
import dev.heapscope.analysis.flame.FlameImport;
import dev.heapscope.analysis.flame.FlameStacks;
import dev.heapscope.export.CsvWriter;
import dev.heapscope.export.FoldedWriter;
import dev.heapscope.export.JsonWriter;
import dev.heapscope.export.LeaksCsvWriter;
import dev.heapscope.export.SpeedscopeWriter;
import dev.heapscope.export.StreamedJson;
import dev.heapscope.export.StreamedLog;
import dev.heapscope.export.PngFlameWriter;
import dev.heapscope.export.SvgFlameWriter;
import dev.heapscope.model.Dump;
import dev.heapscope.model.ParseWarning;
import dev.heapscope.parse.ParsedLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code heapscope export INPUT --format F [-o FILE] [--dump N] [--count]}. */
@Command(name = "export", mixinStandardHelpOptions = true, resourceBundle = "dev.heapscope.cli.help.export",
        description = {"Writes a console log (or folded stacks, for svg/speedscope/folded) in another format.",
                "Flame formats show the live records of one dump (default: the last complete one)."},
        footer = {"", "Examples:", "  heapscope export session.log --format speedscope -o heap.speedscope.json",
                "  heapscope export session.log --format csv --dump 2 -o records.csv",
                "  heapscope export stacks.folded --format svg -o flame.svg"})
final class ExportCommand implements Callable<Integer> {

    @Mixin
    InputFile input;

    @Option(names = {"-f", "--format"}, required = true, paramLabel = "FORMAT",
            description = "folded, speedscope, csv (records), leaks-csv (leak table), json, svg (flame graph), png (flame graph image)")
    String formatWord;

    @Mixin
    OutputFile output;

    @Option(names = "--dump", paramLabel = "N", description = "only dump N (1-based); speedscope: one profile per dump unless given")
    Integer dumpNumber;

    @Option(names = "--scale", defaultValue = "1", description = "png: 1, or 2 for high-density screens (default: ${DEFAULT-VALUE})")
    double scale;

    @Option(names = "--count", description = "flame formats: weigh stacks by allocation count instead of bytes")
    boolean byCount;

    private final PrintStream out;
    private final PrintStream err;

    ExportCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException, InputLog.UnreadableInputException {
        ExportFormat format = ExportFormat.ofWord(formatWord);
        if (format == null) {
            return fail(ExitCodes.USAGE, "unknown format '" + formatWord + "'; expected " + ExportFormat.words());
        }
        if (input.kind() == InputKind.FOLDED) {
            return exportFolded(format);
        }
        if (dumpNumber == null && StreamedExport.handles(format)
                && !dev.heapscope.session.SessionStore.isSessionFile(input.path())) {
            return exportStreamed(format, input.streamed(false));
        }
        return exportLog(format, input.log());
    }

    /** The last complete dump's flame or leak table, or every record's CSV, without holding the records. */
    private Integer exportStreamed(ExportFormat format, StreamedLog streamed) throws IOException {
        ParsedLog log = streamed.log();
        if (log.dumps().isEmpty()) {
            return fail(ExitCodes.UNREADABLE_INPUT, input.path() + ": no heap trace dump in the input");
        }
        if (format == ExportFormat.CSV) {
            writeText(w -> StreamedExport.writeCsv(streamed, csvWriter(log), w));
            return ExitCodes.OK;
        }
        if (format == ExportFormat.JSON) {
            output.write(out, stream -> StreamedJson.write(new JsonWriter(), streamed, stream));
            return ExitCodes.OK;
        }
        Dump chosen = streamed.shownDump().orElseThrow();
        LiveTally tally = streamed.shownTally();
        String note = StreamedExport.leftOutNote(tally);
        if (note != null) {
            err.println("heapscope: note: " + note);
        }
        if (format == ExportFormat.LEAKS_CSV) {
            writeText(w -> new LeaksCsvWriter(TextReport.namer(log)).write(tally.leakTable(), w));
            return ExitCodes.OK;
        }
        if (!chosen.complete()) {
            err.println("heapscope: warning: dump #" + (chosen.index() + 1) + " is incomplete");
        }
        if (format == ExportFormat.FOLDED) {
            writeText(w -> FoldedWriter.write(tally.callTree(weight(), TextReport.namer(log)), w));
        } else {
            drawFlame(format, StreamedExport.flameStacks(tally, weight(), TextReport.namer(log)),
                    input.name() + ", " + describe(chosen));
        }
        return ExitCodes.OK;
    }

    private Integer exportFolded(ExportFormat format) throws IOException, InputLog.UnreadableInputException {
        if (!format.acceptsFolded()) {
            return fail(ExitCodes.USAGE, input.path() + " holds folded stacks; --format " + format.word() + " needs a console log");
        }
        if (dumpNumber != null) {
            return fail(ExitCodes.USAGE, input.path() + " holds folded stacks, which have no dumps to choose with --dump");
        }
        if (format == ExportFormat.SVG || format == ExportFormat.PNG) {
            // sorted and merged straight from the file's bytes: no tree of every frame
            FlameImport stacks = input.flameStacks(weight());
            if (!readable(stacks.problems(), stacks.stackLines())) {
                return fail(ExitCodes.UNREADABLE_INPUT, input.path() + ": no stack could be read");
            }
            drawFlame(format, stacks.stacks(), input.name());
            return ExitCodes.OK;
        }
        FoldedImport folded = input.folded(weight());
        if (!readable(folded.problems(), folded.stackLines())) {
            return fail(ExitCodes.UNREADABLE_INPUT, input.path() + ": no stack could be read");
        }
        String name = input.name();
        writeTree(format, folded.tree(), name, List.of(new SpeedscopeWriter.Profile(name, folded.tree())), 0);
        return ExitCodes.OK;
    }

    private boolean readable(List<ParseWarning> problems, int stackLines) {
        if (!problems.isEmpty()) {
            err.println("heapscope: warning: " + problems.size() + " unreadable line(s) skipped, first: "
                    + problems.get(0));
        }
        return stackLines > 0;
    }

    private Integer exportLog(ExportFormat format, ParsedLog log) throws IOException {
        if (log.dumps().isEmpty()) {
            return fail(ExitCodes.UNREADABLE_INPUT, input.path() + ": no heap trace dump in the input");
        }
        if (dumpNumber != null && (dumpNumber < 1 || dumpNumber > log.dumps().size())) {
            return fail(ExitCodes.USAGE, "there is no dump #" + dumpNumber + "; the input has "
                    + log.dumps().size() + " dump(s)");
        }
        Dump chosen = dumpNumber == null ? log.lastCompleteDump().orElseThrow() : log.dumps().get(dumpNumber - 1);
        List<Dump> dumps = dumpNumber == null ? log.dumps() : List.of(chosen);
        switch (format) {
            case CSV -> writeText(w -> csvWriter(log).write(dumps, w));
            case LEAKS_CSV -> writeText(w -> new LeaksCsvWriter(TextReport.namer(log)).write(LeakTable.of(chosen), w));
            case JSON -> output.write(out, stream -> (input.hasSavedNames() ? new JsonWriter(TextReport.monitorNames(log),
                    input.heldBy()) : new JsonWriter()).write(stream, dumps, false));
            default -> {
                if (!chosen.complete()) {
                    err.println("heapscope: warning: dump #" + (chosen.index() + 1) + " is incomplete");
                }
                if (format == ExportFormat.SVG || format == ExportFormat.PNG) {
                    drawFlame(format, FlameStacks.ofRecords(chosen.liveRecords(), weight(), TextReport.namer(log),
                            SvgFlameWriter.STACK_DEPTH),
                            input.name() + ", " + describe(chosen));
                    return ExitCodes.OK;
                }
                List<SpeedscopeWriter.Profile> profiles = new ArrayList<>();
                for (Dump dump : dumps) {
                    profiles.add(new SpeedscopeWriter.Profile(describe(dump), tree(log, dump)));
                }
                // the chosen dump's tree is built once: a tree at its node cap is hundreds of megabytes
                int active = dumps.indexOf(chosen);
                writeTree(format, profiles.get(active).tree(), input.name() + ", " + describe(chosen), profiles, active);
            }
        }
        return ExitCodes.OK;
    }

    private CsvWriter csvWriter(ParsedLog log) {
        return log.symbols().isEmpty() ? new CsvWriter() : new CsvWriter(TextReport.monitorNames(log));
    }

    private Weight weight() {
        return byCount ? Weight.COUNT : Weight.BYTES;
    }

    private CallTree tree(ParsedLog log, Dump dump) {
        return CallTree.of(dump.liveRecords(), weight(), TextReport.namer(log));
    }

    private void drawFlame(ExportFormat format, FlameStacks stacks, String title) throws IOException {
        if (format == ExportFormat.SVG) {
            writeText(w -> SvgFlameWriter.write(stacks, title, w));
        } else {
            output.write(out, stream -> PngFlameWriter.write(stacks, title, scale, stream));
        }
    }

    private String describe(Dump dump) {
        return "dump #" + (dump.index() + 1) + (dump.complete() ? "" : " (incomplete)") + ", live "
                + (byCount ? "allocations" : "bytes");
    }

    private void writeTree(ExportFormat format, CallTree tree, String title, List<SpeedscopeWriter.Profile> profiles,
                           int active) throws IOException {
        switch (format) {
            case FOLDED -> writeText(w -> FoldedWriter.write(tree, w));
            case SPEEDSCOPE -> output.write(out, stream -> SpeedscopeWriter.write(stream, input.name(), profiles, active));
            default -> throw new IllegalStateException(format + " is not a flame format");
        }
    }

    private void writeText(OutputFile.TextBody body) throws IOException {
        output.writeText(out, body);
    }

    private int fail(int code, String message) {
        err.println("heapscope: " + message);
        return code;
    }
}
