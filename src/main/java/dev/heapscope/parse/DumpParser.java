package dev.heapscope.parse;

import dev.heapscope.model.CallChainInterner;
import dev.heapscope.model.Dialect;
import dev.heapscope.model.DumpHeader;

import java.util.regex.Matcher;

/**
 * Finds heap trace dumps in console lines, in any of the three dialects, among everything else a
 * console carries (logs, prompts, echoed commands, monitor decode lines, crashes). Line-fed and
 * incremental: a serial port can feed it as bytes arrive. Never throws for bad input unless
 * {@link ParserOptions#strict()} is set; what does not add up becomes a warning on the dump.
 *
 * <p>Owned by one thread (the session's or a file reader's); not thread-safe.
 */
public final class DumpParser implements LineSink {
    private enum State { OUTSIDE, RECORDS, SUMMARY, AFTER_TOTALS_A }

    private final DumpListener listener;
    private final ParserOptions options;
    private final CallChainInterner chains = CallChainInterner.bounded();
    private final RecordLineReader recordReader;
    private final RecordBytes recordBytes;
    private final ChainReader freedByReader;
    /** Null: records are kept in each dump; else they go to this listener as they are read, and dumps hold none. */
    private final DumpListener streamTo;
    private State state = State.OUTSIDE;
    private DumpBuilder dump;
    private int dumpCount;

    public DumpParser(DumpListener listener) {
        this(listener, ParserOptions.LENIENT);
    }

    public DumpParser(DumpListener listener, ParserOptions options) {
        this(listener, options, false);
    }

    /**
     * A parser whose dumps hold no records (all else alike): each goes to {@link DumpListener#recordParsed} once
     * final (after its {@code freed by} line), between {@code dumpStarted} and {@code dumpParsed}.
     */
    public static DumpParser streaming(DumpListener listener, ParserOptions options) {
        return new DumpParser(listener, options, true);
    }

    private DumpParser(DumpListener listener, ParserOptions options, boolean streamRecords) {
        this.streamTo = streamRecords ? listener : null;
        this.listener = listener;
        this.options = options;
        ChainReader chainReader = new ChainReader(chains);
        this.recordReader = new RecordLineReader(chainReader);
        this.recordBytes = new RecordBytes(chainReader);
        this.freedByReader = new ChainReader(chains);
    }

    /** Records read so far in a dump still being printed; 0 when none is open. */
    public int openDumpRecordCount() {
        return dump == null ? 0 : dump.recordCount();
    }

    /** The announced size of the dump being printed, or null. */
    public DumpHeader openDumpHeader() {
        return dump == null ? null : dump.header;
    }

    /** Distinct call chains seen so far (they are shared between records). */
    public int distinctChains() {
        return chains.size();
    }

    @Override
    public void line(String raw, long lineNumber, long hostMillis) {
        String line = AnsiCodes.strip(raw);
        int crash = state == State.OUTSIDE ? -1 : line.indexOf(DumpLines.GURU);
        if (crash >= 0) {
            crashInsideDump(line, crash, lineNumber, hostMillis);
            return;
        }
        if (state == State.AFTER_TOTALS_A) {
            if (line.startsWith(DumpLines.NB_OVERFLOW_A) || line.startsWith(DumpLines.NB_OVERFLOW_B)) {
                dump.overflowed = true;
                dump.touch(lineNumber, hostMillis);
                return;
            }
            if (line.startsWith(DumpLines.NB_DUPLICATES)) {
                dump.mayHaveDuplicates = true;
                dump.touch(lineNumber, hostMillis);
                return;
            }
            close(true, null);
        }
        if (startsHeader(line, lineNumber, hostMillis) || MonitorLines.read(line, listener)) {
            return;
        }
        switch (state) {
            case OUTSIDE -> outside(line, raw, lineNumber, hostMillis);
            case RECORDS -> inRecords(line, lineNumber, hostMillis);
            case SUMMARY -> inSummary(line, lineNumber, hostMillis);
            default -> throw new IllegalStateException(state.name());
        }
    }

    /**
     * A line's bytes, taken (true) only when it is a clean record line inside a dump's records (no String
     * made); false for any other line, which then goes to {@link #line}.
     */
    public boolean recordLine(byte[] bytes, int offset, int length, long lineNumber, long hostMillis) {
        if (state != State.RECORDS || !recordBytes.read(bytes, offset, offset + length)) {
            return false;
        }
        dump.add(recordBytes, lineNumber);
        dump.touch(lineNumber, hostMillis);
        return true;
    }

    /**
     * The console prompt is back (it has no line end, so no line shows it): a finished dialect-A
     * dump is complete now, any other open dump was cut short.
     */
    @Override
    public void promptShown() {
        if (state == State.AFTER_TOTALS_A) {
            close(true, null);
        } else if (dump != null) {
            close(false, "the console prompt came back before the summary");
        }
    }

    /** The input ended: a dump still open is closed (incomplete unless it was a finished dialect-A dump). */
    public void finish() {
        if (state == State.AFTER_TOTALS_A) {
            close(true, null);
        } else if (dump != null) {
            close(false, "the input ended before the dump's summary");
        }
    }

    private boolean startsHeader(String line, long lineNumber, long hostMillis) {
        if (line.isEmpty() || (line.charAt(0) != '=' && !Character.isDigit(line.charAt(0)))) {
            return false;
        }
        Matcher b = DumpLines.HEADER_B.matcher(line);
        Matcher a = b.matches() ? null : DumpLines.HEADER_A.matcher(line);
        if (a != null && !a.matches()) {
            return false;
        }
        Matcher found = a == null ? b : a;
        if (dump != null) {
            close(false, "a new dump started before this one's summary");
        }
        DumpHeader header = new DumpHeader(SummaryLines.parseInt(found.group(1)), SummaryLines.parseInt(found.group(2)));
        open(a == null ? Dialect.B : Dialect.A, header, lineNumber, hostMillis);
        return true;
    }

    private void outside(String line, String raw, long lineNumber, long hostMillis) {
        if (RecordLineReader.looksLikeRecord(line)) {
            open(null, null, lineNumber, hostMillis);
            inRecords(line, lineNumber, hostMillis);
        } else if (line.startsWith(DumpLines.SUMMARY_B)) {
            open(null, null, lineNumber, hostMillis);
            inRecords(line, lineNumber, hostMillis);
        } else {
            listener.otherLine(raw, lineNumber, hostMillis);
        }
    }

    private void inRecords(String line, long lineNumber, long hostMillis) {
        // records first: nearly every line of a big dump is one, and they need no stripped copy
        if (RecordLineReader.looksLikeRecord(line)) {
            readRecord(line, lineNumber, hostMillis);
            return;
        }
        String trimmed = line.strip();
        if (trimmed.isEmpty()) {
            return;
        }
        if (trimmed.startsWith(DumpLines.FREED_BY)) {
            readFreedBy(trimmed, lineNumber, hostMillis);
        } else if (trimmed.startsWith(DumpLines.SUMMARY_B)) {
            dump.framedSummarySeen();
            dump.touch(lineNumber, hostMillis);
            state = State.SUMMARY;
        } else if (DumpLines.ALIVE.matcher(trimmed).matches() || DumpLines.LEAKED.matcher(trimmed).matches()) {
            state = State.SUMMARY;
            inSummary(line, lineNumber, hostMillis);
        } else if (trimmed.equals(DumpLines.CORRUPT)) {
            dump.warn(lineNumber, "the firmware reported a corrupt trace list: records are missing");
            dump.touch(lineNumber, hostMillis);
        } else {
            notDumpText(line, lineNumber, hostMillis);
        }
    }

    private void inSummary(String line, long lineNumber, long hostMillis) {
        String trimmed = line.strip();
        if (trimmed.isEmpty()) {
            return;
        }
        if (RecordLineReader.looksLikeRecord(line)) {
            close(false, "its summary was cut off before the end");
            open(null, null, lineNumber, hostMillis);
            readRecord(line, lineNumber, hostMillis);
            return;
        }
        boolean read = SummaryLines.read(trimmed, dump);
        if (read && DumpLines.TOTALS_A.matcher(trimmed).matches()) {
            state = State.AFTER_TOTALS_A; // dialect A has no end line: its NB lines may still follow
        }
        if (!read) {
            if (DumpLines.END_B.matcher(trimmed).matches()) {
                dump.touch(lineNumber, hostMillis);
                close(true, null);
                return;
            }
            notDumpText(line, lineNumber, hostMillis);
            return;
        }
        dump.touch(lineNumber, hostMillis);
    }

    private void readRecord(String line, long lineNumber, long hostMillis) {
        RecordLine record = recordReader.read(line);
        if (record == null) {
            unreadable(lineNumber, "unreadable record line: " + DumpLines.abbreviate(line));
            return;
        }
        if (record.chainMalformed()) {
            unreadable(lineNumber, "call chain has a part that is not an address; kept the frames before it");
        }
        if (!record.trailingText().isEmpty()) {
            unreadable(lineNumber, "unexpected text after the record: " + DumpLines.abbreviate(record.trailingText()));
        }
        dump.add(record, lineNumber);
        dump.touch(lineNumber, hostMillis);
    }

    private void readFreedBy(String line, long lineNumber, long hostMillis) {
        var chain = freedByReader.read(line, DumpLines.FREED_BY.length());
        if (freedByReader.lastWasMalformed()) {
            unreadable(lineNumber, "freeing chain has a part that is not an address");
        }
        if (!dump.freedBy(chain)) {
            unreadable(lineNumber, "'freed by' line without a record before it");
        }
        dump.touch(lineNumber, hostMillis);
    }

    /** A line inside a dump that is not dump text: the board's other output, or the dump's end. */
    private void notDumpText(String line, long lineNumber, long hostMillis) {
        if (DumpLines.isResetOrCrash(line)) {
            close(false, "the board reset or crashed (line " + lineNumber + ")");
            listener.otherLine(line, lineNumber, hostMillis);
        } else if (line.startsWith("> ") || line.equals(">") || line.startsWith(">> ")) {
            close(false, "the console prompt came back before the summary (line " + lineNumber + ")");
            listener.otherLine(line, lineNumber, hostMillis);
        } else if (DumpLines.LOG.matcher(line).matches()) {
            listener.otherLine(line, lineNumber, hostMillis);
        } else {
            if (options.strict()) {
                throw new DumpFormatException(lineNumber, "not part of the dump: " + DumpLines.abbreviate(line));
            }
            dump.skipped(lineNumber, line);
            listener.otherLine(line, lineNumber, hostMillis);
        }
    }

    private void crashInsideDump(String line, int crashAt, long lineNumber, long hostMillis) {
        String before = line.substring(0, crashAt);
        if (!before.isBlank()) {
            dump.warn(lineNumber, "a crash cut this line short; its partial content was dropped: "
                    + DumpLines.abbreviate(before.strip()));
        }
        close(false, "the board crashed while printing it (line " + lineNumber + ")");
        listener.otherLine(line.substring(crashAt), lineNumber, hostMillis);
    }

    private void unreadable(long lineNumber, String message) {
        if (options.strict()) {
            throw new DumpFormatException(lineNumber, message);
        }
        dump.warn(lineNumber, message);
    }

    private void open(Dialect dialect, DumpHeader header, long lineNumber, long hostMillis) {
        dump = new DumpBuilder(dumpCount++, dialect, header, lineNumber, streamTo);
        dump.touch(lineNumber, hostMillis);
        state = State.RECORDS;
        listener.dumpStarted(dialect == null ? Dialect.A : dialect, header, lineNumber);
    }

    private void close(boolean complete, String reason) {
        DumpBuilder finished = dump;
        dump = null;
        state = State.OUTSIDE;
        listener.dumpParsed(finished.build(complete, reason));
    }
}
