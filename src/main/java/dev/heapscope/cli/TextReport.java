package dev.heapscope.cli;

import dev.heapscope.analysis.FrameNamer;
import dev.heapscope.analysis.Holders;
import dev.heapscope.analysis.LeakRow;
import dev.heapscope.analysis.LeakTable;
import dev.heapscope.model.CallChain;
import dev.heapscope.model.Dump;
import dev.heapscope.model.HeldBy;
import dev.heapscope.model.ParseWarning;
import dev.heapscope.export.StreamedLog;
import dev.heapscope.parse.ParsedLog;
import dev.heapscope.symbols.SymbolTable;
import dev.heapscope.symbols.Symbolizer;

import java.io.PrintStream;
import java.util.Optional;

/** The human summary of {@code analyze}: one line per dump, its warnings, then the leak table. */
final class TextReport {
    /** Frames a chain shows on a terminal at most; a real chain has at most a few dozen. */
    static final int MAX_TEXT_FRAMES = 64;
    private TextReport() {
    }

    /**
     * Prints {@code streamed}, naming frames through {@code names}, with what held each leak's blocks under its
     * row where {@code heldBy} knows it (a saved virtual-board session, whose rows keep their records).
     */
    static void print(StreamedLog streamed, int topRows, Symbolizer names, HeldBy heldBy, PrintStream out) {
        ParsedLog log = streamed.log();
        out.printf("%d dump(s), %d complete, %d line(s) read%n", log.dumpCount(), streamed.completeDumps(), log.lines());
        if (log.dumps().isEmpty()) {
            out.println("No heap trace dump found. Run heaptrace.dump() on the board and capture its console output.");
            return;
        }
        int previous = -1;
        for (Dump dump : log.dumps()) {
            if (dump.index() > previous + 1) { // past the streamed log's cap on kept dumps
                out.printf("  ... %d dump(s) read but not kept%n", dump.index() - previous - 1);
            }
            previous = dump.index();
            out.printf("  #%-3d dialect %s  %-10s %7d records %10d bytes live  lines %d-%d%n",
                    dump.index() + 1, dump.dialect(), dump.complete() ? "complete" : "INCOMPLETE",
                    streamed.records(dump), streamed.liveBytes(dump), dump.firstLine(), dump.lastLine());
            for (ParseWarning warning : dump.warnings()) {
                out.println("        warning: " + warning);
            }
        }
        Optional<Dump> last = streamed.shownDump();
        FrameNamer namer = new FrameNamer(names);
        last.ifPresent(dump -> printLeaks(dump, streamed.shownTally().leakTable(), namer, heldBy, topRows, out));
    }

    static FrameNamer namer(ParsedLog log) {
        return new FrameNamer(monitorNames(log));
    }

    /** The names host monitors printed into the log ({@code 0x400d1234: func at file:line}). */
    static SymbolTable monitorNames(ParsedLog log) {
        SymbolTable symbols = new SymbolTable();
        log.symbols().forEach(symbols::add);
        return symbols;
    }

    static void printLeaks(Dump dump, LeakTable table, FrameNamer namer, HeldBy heldBy, int topRows, PrintStream out) {
        String mode = dump.summary() == null || dump.summary().mode() == null ? "" : ", "
                + dump.summary().mode().word() + " mode";
        out.printf("%nLive allocations in dump #%d (dialect %s%s): %d bytes in %d allocations, %d call chains%n",
                dump.index() + 1, dump.dialect(), mode, table.totalBytes(), table.totalCount(), table.chainCount());
        if (table.leftOut().count() > 0) {
            out.println("  (" + dev.heapscope.export.LeakNotes.leftOut(table) + ")");
        }
        if (table.rows().isEmpty()) {
            return;
        }
        out.printf("%10s %7s %9s  %-8s  %s%n", "BYTES", "COUNT", "AVG", "REGION", "CALL CHAIN (innermost first)");
        int shown = 0;
        for (LeakRow row : table.rows()) {
            if (shown++ == topRows) {
                out.printf("  ... %d more chains (--top N shows more)%n", table.rows().size() - topRows);
                break;
            }
            out.printf("%10d %7d %9.1f  %-8s  %s%n", row.totalBytes(), row.count(), row.averageSizeBytes(),
                    row.regions().name().toLowerCase(java.util.Locale.ROOT), describe(row.chain(), namer));
            Holders holders = Holders.of(row.records(), heldBy);
            if (!holders.isEmpty()) {
                out.printf("%38s held by %s%n", "", holders.summary());
            }
        }
    }

    /**
     * The chain's names innermost first, at most {@link #MAX_TEXT_FRAMES} of them: 100 chains of 90,000 frames
     * printed whole made 25 MB of terminal text (the exports keep every frame).
     */
    static String describe(CallChain chain, FrameNamer namer) {
        if (chain.isEmpty()) {
            return "(no call chain recorded)";
        }
        StringBuilder text = new StringBuilder();
        int shown = Math.min(MAX_TEXT_FRAMES, chain.depth());
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                text.append(" <- ");
            }
            text.append(namer.name(chain.frame(i)));
        }
        if (shown < chain.depth()) {
            text.append(" <- ... ").append(chain.depth() - shown).append(" more frame(s)");
        }
        return text.toString();
    }
}
