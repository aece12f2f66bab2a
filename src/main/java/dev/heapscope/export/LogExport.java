package dev.heapscope.export;

import dev.heapscope.analysis.CallTree;
import dev.heapscope.analysis.FrameNamer;
import dev.heapscope.analysis.LeakTable;
import dev.heapscope.analysis.Weight;
import dev.heapscope.analysis.flame.FlameStacks;
import dev.heapscope.model.Dump;
import dev.heapscope.parse.ParsedLog;
import dev.heapscope.symbols.Symbolizer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every file a session can be written as, from its parsed log and console text, with the writers and
 * the defaults of {@code heapscope export} and {@code heapscope report}: flame formats show the live
 * bytes of the last complete dump; CSV and JSON hold every dump; speedscope one profile per dump. The
 * app's File › Export menu writes through here, so its files are the command line's files.
 */
public final class LogExport {
    /** What can be written, with the file name extension a file chooser offers. */
    public enum Format {
        HTML_REPORT("HTML report", "html"),
        FOLDED("Folded stacks", "folded"),
        SPEEDSCOPE("speedscope", "speedscope.json"),
        RECORDS_CSV("Records (CSV)", "csv"),
        LEAKS_CSV("Leak table (CSV)", "leaks.csv"),
        JSON("JSON", "json"),
        SVG("Flame graph (SVG)", "svg"),
        PNG("Flame graph (PNG)", "png");

        private final String title;
        private final String extension;

        Format(String title, String extension) {
            this.title = title;
            this.extension = extension;
        }

        public String title() {
            return title;
        }

        public String extension() {
            return extension;
        }

        /** A file name for it: {@code heapscope-session.leaks.csv}. */
        public String fileName(String base) {
            return base + "." + extension;
        }

        /** Needs at least one dump (the HTML report says itself that there is none). */
        public boolean needsDump() {
            return this != HTML_REPORT;
        }
    }

    private final String sourceName;
    private final ParsedLog log;
    private final byte[] consoleText;
    private final Symbolizer names;

    /**
     * @param sourceName  what the files are about, shown in titles (a file or board name)
     * @param consoleText every byte the board sent: the raw dumps of the report are cut from it
     * @param names       names for the frames; the command line passes the names its input carries
     */
    public LogExport(String sourceName, ParsedLog log, byte[] consoleText, Symbolizer names) {
        this.sourceName = sourceName;
        this.log = log;
        this.consoleText = consoleText.clone();
        this.names = names == null ? Symbolizer.NONE : names;
    }

    /** Writes {@code format} to {@code out}; refuses in words when there is no dump to write. */
    public void write(Format format, OutputStream out) throws IOException {
        if (format.needsDump() && log.dumps().isEmpty()) {
            throw new IOException("no heap trace dump yet: " + format.title().toLowerCase(Locale.ROOT)
                    + " needs at least one (Dump, Ctrl+D)");
        }
        FrameNamer namer = new FrameNamer(names);
        Dump chosen = log.lastCompleteDump().orElse(null);
        switch (format) {
            case HTML_REPORT -> {
                Map<Integer, String> raw = RawDumps.read(new ByteArrayInputStream(consoleText), log.dumps(), RawDumps.MAX_CHARS);
                text(out, w -> new HtmlReportWriter(namer).write(sourceName, log, raw::get, w));
            }
            case FOLDED -> text(out, w -> FoldedWriter.write(tree(chosen, namer), w));
            case SVG -> text(out, w -> SvgFlameWriter.write(stacks(chosen, namer), title(chosen), w));
            case PNG -> PngFlameWriter.write(stacks(chosen, namer), title(chosen), 1, out);
            case SPEEDSCOPE -> {
                List<SpeedscopeWriter.Profile> profiles = new ArrayList<>();
                for (Dump dump : log.dumps()) {
                    profiles.add(new SpeedscopeWriter.Profile(describe(dump), tree(dump, namer)));
                }
                SpeedscopeWriter.write(out, sourceName, profiles, log.dumps().indexOf(chosen));
            }
            case RECORDS_CSV -> text(out, w -> new CsvWriter(names).write(log.dumps(), w));
            case LEAKS_CSV -> text(out, w -> new LeaksCsvWriter(namer).write(LeakTable.of(chosen), w));
            case JSON -> new JsonWriter(names).write(out, log.dumps(), false);
        }
    }

    private String title(Dump dump) {
        return sourceName + ", " + describe(dump);
    }

    private static CallTree tree(Dump dump, FrameNamer namer) {
        return CallTree.of(dump.liveRecords(), Weight.BYTES, namer);
    }

    /** For the flame graphs: sorted and merged, no tree of every frame. */
    private static FlameStacks stacks(Dump dump, FrameNamer namer) {
        return FlameStacks.ofRecords(dump.liveRecords(), Weight.BYTES, namer, SvgFlameWriter.STACK_DEPTH);
    }

    private static String describe(Dump dump) {
        return "dump #" + (dump.index() + 1) + (dump.complete() ? "" : " (incomplete)") + ", live bytes";
    }

    private interface TextBody {
        void writeTo(Writer writer) throws IOException;
    }

    private static void text(OutputStream out, TextBody body) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        body.writeTo(writer);
        writer.flush();
    }
}
