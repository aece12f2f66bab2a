package dev.heapscope.cli;

import dev.heapscope.export.HtmlReportWriter;
import dev.heapscope.parse.ParsedLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code heapscope report INPUT [-o report.html]}: one self-contained HTML file that opens offline. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Writes a self-contained HTML report of a console log: summary, board and firmware, session timeline,",
                "sortable leak table, interactive flame graph, diff of the first and last complete dump, raw dumps."},
        footer = {"", "Example:", "  heapscope report session.log -o report.html"})
final class ReportCommand implements Callable<Integer> {
    private static final long MAX_RAW_CHARS = 4L << 20;

    @Parameters(paramLabel = "INPUT", description = "the console log or saved session (.heapscope) to report on")
    Path input;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "where to write (default: standard output)")
    Path output;

    private final PrintStream out;
    private final PrintStream err;

    ReportCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException {
        ParsedLog log;
        try {
            if (InputKind.of(input) == InputKind.FOLDED) {
                return reportFolded();
            }
            log = InputLog.read(input);
        } catch (InputLog.UnreadableInputException e) {
            err.println("heapscope: " + e.getMessage());
            return ExitCodes.UNREADABLE_INPUT;
        }
        if (log.dumps().isEmpty()) {
            err.println("heapscope: warning: no heap trace dump in " + input + "; the report will be empty");
        }
        Map<Integer, String> raw = RawDumps.read(input, log.dumps(), MAX_RAW_CHARS);
        HtmlReportWriter writer = new HtmlReportWriter(TextReport.namer(log));
        OutputTarget.write(output, out, stream -> {
            Writer text = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            writer.write(String.valueOf(input.getFileName()), log, raw::get, text);
            text.flush();
        });
        return ExitCodes.OK;
    }

    /** Folded stacks of another tool: a report of their flame graph. */
    private Integer reportFolded() throws IOException {
        dev.heapscope.analysis.FoldedImport folded = dev.heapscope.analysis.FoldedStacksReader.read(input,
                dev.heapscope.analysis.Weight.BYTES);
        if (folded.stackLines() == 0) {
            err.println("heapscope: " + input + ": no stack could be read");
            return ExitCodes.UNREADABLE_INPUT;
        }
        OutputTarget.write(output, out, stream -> {
            Writer text = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            dev.heapscope.export.FoldedReportWriter.write(String.valueOf(input.getFileName()), folded.tree(),
                    folded.stackLines(), text);
            text.flush();
        });
        return ExitCodes.OK;
    }
}
