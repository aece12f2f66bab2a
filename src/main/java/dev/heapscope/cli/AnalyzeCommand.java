package dev.heapscope.cli;

import dev.heapscope.export.JsonWriter;
import dev.heapscope.export.StreamedJson;
import dev.heapscope.export.StreamedLog;
import dev.heapscope.parse.ParsedLog;
import dev.heapscope.symbols.Symbolizer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;

/** {@code heapscope analyze FILE [--json | --folded | --text] [--elf FIRMWARE.elf] [--rom-ld FILE]…}. */
@Command(name = "analyze", mixinStandardHelpOptions = true, resourceBundle = "dev.heapscope.cli.help.analyze",
        description = {"Reads a console log (idf.py monitor, screen, PuTTY, a paste) and reports its heap trace dumps.",
                "Text (default): each dump and the leak table of the last complete dump."},
        footer = {"", "Examples:", "  heapscope analyze session.log",
                "  heapscope analyze session.log --folded | flamegraph.pl > leaks.svg",
                "  heapscope analyze session.log --json > dumps.json",
                "  heapscope analyze session.log --elf build/nodemcu.elf --rom-ld $IDF_PATH/components/esp_rom/esp32/ld/esp32.rom.ld"})
final class AnalyzeCommand implements Callable<Integer> {

    @Mixin
    InputFile input;

    // not JsonOutput: here --json is one of three exclusive formats, and picocli allows no mixin in an ArgGroup
    @ArgGroup(exclusive = true)
    Format format = new Format();

    static final class Format {
        @Option(names = "--json", description = "every dump and record as JSON")
        boolean json;
        @Option(names = "--folded", description = "folded stacks of the last complete dump's live records "
                + "(flamegraph.pl / inferno / speedscope input), outermost frame first, bytes")
        boolean folded;
        @Option(names = "--text", description = "a human summary (the default)")
        boolean text;
    }

    @Option(names = "--count", description = "with --folded: weigh stacks by allocation count instead of bytes")
    boolean byCount;

    @Mixin
    FirmwareFiles firmwareFiles;

    @Option(names = "--addr2line", paramLabel = "PATH", arity = "0..1", fallbackValue = "auto",
            description = "with --elf: name frames with the toolchain's addr2line (one process, every address in one "
                    + "batch) instead of HeapScope's own ELF reader; PATH or 'auto' to look for it on the PATH")
    String addr2line;

    @Option(names = "--top", defaultValue = "20", description = "rows of the leak table in text output (default: ${DEFAULT-VALUE})")
    int top;

    @Mixin
    RawOutput rawOutput;

    private PrintStream out; // escaping, or with --raw the stream below (set once, by call)
    private final PrintStream err;

    AnalyzeCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException, InputLog.UnreadableInputException {
        out = rawOutput.of(out);
        try {
            return analyze();
        } finally {
            firmwareFiles.printDecodeWarnings(err);
        }
    }

    private Integer analyze() throws IOException, InputLog.UnreadableInputException {
        // --addr2line asks for every address of every dump in one batch, so it reads the dumps whole
        StreamedLog streamed = input.streamed(addr2line != null);
        ParsedLog log = streamed.log();
        Symbolizer firmware = addr2line == null ? firmwareFiles.symbolizer() : firmwareFiles.withAddr2line(addr2line, log);
        firmwareFiles.checkIdentity(log, err);
        Symbolizer names = firmware.orElse(TextReport.monitorNames(log));
        boolean withNames = firmwareFiles.given() || input.hasSavedNames();
        if (format.json) {
            OutputStream buffered = new BufferedOutputStream(JsonForTerminal.onto(out), 1 << 16);
            StreamedJson.write(withNames ? new JsonWriter(names, input.heldBy()) : new JsonWriter(), streamed, buffered);
            buffered.flush();
            out.println();
            return ExitCodes.OK;
        }
        if (format.folded) {
            return FoldedOutput.print(streamed, byCount, names, out, err);
        }
        TextReport.print(streamed, top, names, input.heldBy(), out);
        return ExitCodes.OK;
    }
}
