package dev.heapscope.cli;

import dev.heapscope.analysis.Weight;
import dev.heapscope.analysis.flame.FlameImport;
import dev.heapscope.export.FoldedReportWriter;
import dev.heapscope.export.HtmlReportWriter;
import dev.heapscope.export.RawDumps;
import dev.heapscope.export.StreamedLog;
import dev.heapscope.parse.ParsedLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code heapscope report INPUT [-o report.html]}: one self-contained HTML file that opens offline. */
@Command(name = "report", mixinStandardHelpOptions = true, resourceBundle = "dev.heapscope.cli.help.report",
        description = {"Writes a self-contained HTML report of a console log: summary, board and firmware, session timeline,",
                "sortable leak table, interactive flame graph, diff of the first and last complete dump, raw dumps."},
        footer = {"", "Example:", "  heapscope report session.log -o report.html"})
final class ReportCommand implements Callable<Integer> {
    @Mixin
    InputFile input;

    @Mixin
    OutputFile output;

    private final PrintStream out;
    private final PrintStream err;

    ReportCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException, InputLog.UnreadableInputException {
        if (input.kind() == InputKind.FOLDED) {
            return reportFolded();
        }
        StreamedLog streamed = input.streamed(false);
        ParsedLog log = streamed.log();
        if (log.dumps().isEmpty()) {
            err.println("heapscope: warning: no heap trace dump in " + input.path() + "; the report will be empty");
        }
        Map<Integer, String> raw = RawDumps.read(input.openText(), log.dumps(), RawDumps.MAX_CHARS);
        HtmlReportWriter writer = new HtmlReportWriter(TextReport.namer(log), input.heldBy());
        output.writeText(out, text -> writer.write(input.name(), streamed, raw::get, text));
        return ExitCodes.OK;
    }

    /** Folded stacks of another tool: a report of their flame graph. */
    private Integer reportFolded() throws IOException, InputLog.UnreadableInputException {
        FlameImport folded = input.flameStacks(Weight.BYTES);
        if (folded.stackLines() == 0) {
            err.println("heapscope: " + input.path() + ": no stack could be read");
            return ExitCodes.UNREADABLE_INPUT;
        }
        output.writeText(out, text -> FoldedReportWriter.write(input.name(), folded.stacks(), folded.stackLines(), text));
        return ExitCodes.OK;
    }
}
