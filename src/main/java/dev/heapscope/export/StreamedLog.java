package dev.heapscope.export;

import dev.heapscope.analysis.DumpDiff;
import dev.heapscope.analysis.LiveTally;
import dev.heapscope.model.Dialect;
import dev.heapscope.model.Dump;
import dev.heapscope.model.DumpHeader;
import dev.heapscope.model.Record;
import dev.heapscope.parse.DumpListener;
import dev.heapscope.parse.LogParser;
import dev.heapscope.parse.ParsedLog;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A log read for the command line's reports in one pass, its records added up as they stream by: per dump
 * how many records, how many live and their bytes, and the live set by call chain of the dump the reports
 * show ({@link ParsedLog#lastCompleteDump()}). Nothing else of the records is kept, so memory follows the
 * dumps and distinct call chains, not the records: a cut dump after the last complete one is tallied, but
 * never replaces the last complete one's tally. The dumps of {@link #log()} hold no records when streamed.
 */
public final class StreamedLog {
    /** Opens the console text again, for what needs a second pass (the diff, streamed JSON). */
    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }

    private final ParsedLog log;
    private final int[] records;
    private final int[] live;
    private final long[] liveBytes;
    private final LiveTally shown;
    private final Source source;
    private final java.util.Map<Integer, long[]> tailCounts = new java.util.HashMap<>();
    private final int completeDumps;

    private StreamedLog(ParsedLog log, Tallies tallies, Source source) {
        this.log = log;
        // by dump index: the first dumps in order, then the last complete and last dump a capped log kept
        int dumps = log.dumpCount() == log.dumps().size() ? log.dumps().size() : tallies.dumps;
        this.records = Arrays.copyOf(tallies.records, dumps);
        this.live = Arrays.copyOf(tallies.live, dumps);
        this.liveBytes = Arrays.copyOf(tallies.liveBytes, dumps);
        for (long[] kept : new long[][] {tallies.tailComplete, tallies.tailLast}) {
            if (kept != null) {
                tailCounts.put((int) kept[0], kept);
            }
        }
        this.completeDumps = tallies.completeDumps;
        this.shown = tallies.lastComplete != null ? tallies.lastComplete : tallies.lastAny;
        this.source = source;
    }

    /** Reads {@code source} once, streaming; {@code keepRecords} keeps the shown dump's records in its rows. */
    public static StreamedLog read(Source source, boolean keepRecords) throws IOException {
        Tallies tallies = new Tallies(keepRecords);
        ParsedLog log;
        try (InputStream in = source.open()) {
            log = new LogParser().stream(in, tallies);
        }
        return new StreamedLog(log, tallies, source);
    }

    /** The same tallies for a log parsed whole (a saved session), its records replayed. */
    public static StreamedLog of(ParsedLog whole, boolean keepRecords) {
        Tallies tallies = new Tallies(keepRecords);
        for (Dump dump : whole.dumps()) {
            tallies.dumpStarted(dump.dialect(), dump.header(), dump.firstLine());
            dump.records().forEach(tallies::recordParsed);
            tallies.dumpParsed(dump);
        }
        return new StreamedLog(whole, tallies, null);
    }

    /** The log; its dumps hold no records when it was {@link #read}. */
    public ParsedLog log() {
        return log;
    }

    /** Records of {@code dump}, freed ones included. */
    public int records(Dump dump) {
        return dump.index() < records.length ? records[dump.index()] : (int) tail(dump)[1];
    }

    /** Records of {@code dump} not freed. */
    public int live(Dump dump) {
        return dump.index() < live.length ? live[dump.index()] : (int) tail(dump)[2];
    }

    public long liveBytes(Dump dump) {
        return dump.index() < liveBytes.length ? liveBytes[dump.index()] : tail(dump)[3];
    }

    /** Complete dumps read, kept or not. */
    public int completeDumps() {
        return completeDumps;
    }

    private long[] tail(Dump dump) {
        return tailCounts.getOrDefault(dump.index(), new long[4]);
    }

    /** The dump the reports show, {@link ParsedLog#lastCompleteDump()}, with its live records by chain. */
    public Optional<Dump> shownDump() {
        return log.lastCompleteDump();
    }

    /** The tally of {@link #shownDump()}; null when there is no dump. */
    public LiveTally shownTally() {
        return shown;
    }

    /**
     * The diff of two dumps of the log. A streamed log reads its text again for them, keeping the records of
     * those two dumps only.
     */
    public DumpDiff diff(Dump before, Dump after) throws IOException {
        if (source == null) {
            return DumpDiff.between(before, after);
        }
        List<Record> beforeRecords = new ArrayList<>();
        List<Record> afterRecords = new ArrayList<>();
        try (InputStream in = source.open()) {
            new LogParser().stream(in, new DumpListener() {
                private int index = -1;

                @Override
                public void dumpStarted(Dialect dialect, DumpHeader header, long lineNumber) {
                    index++;
                }

                @Override
                public void recordParsed(Record record) {
                    if (index == before.index()) {
                        beforeRecords.add(record);
                    } else if (index == after.index()) {
                        afterRecords.add(record);
                    }
                }

                @Override
                public void dumpParsed(Dump dump) {
                }
            });
        }
        return DumpDiff.between(beforeRecords, afterRecords);
    }

    /** Opens the console text again (a streamed log only). */
    public InputStream reopen() throws IOException {
        if (source == null) {
            throw new IllegalStateException("a log parsed whole is not read again");
        }
        return source.open();
    }

    /** Whether the dumps of {@link #log()} hold their records. */
    public boolean wholeDumps() {
        return source == null;
    }

    /** Adds up each dump as its records arrive; keeps the tallies of the last complete and the last dump. */
    private static final class Tallies implements DumpListener {
        private final boolean keepRecords;
        private int[] records = new int[8];
        private int[] live = new int[8];
        private long[] liveBytes = new long[8];
        private int dumps;
        // past LogParser.MAX_STREAMED_DUMPS: {index, records, live, live bytes} of the dumps the log keeps there
        private long[] tailComplete;
        private long[] tailLast;
        private int completeDumps;
        private LiveTally current;
        private LiveTally lastComplete;
        private LiveTally lastAny;

        Tallies(boolean keepRecords) {
            this.keepRecords = keepRecords;
        }

        @Override
        public void dumpStarted(Dialect dialect, DumpHeader header, long lineNumber) {
            current = new LiveTally(keepRecords);
        }

        @Override
        public void recordParsed(Record record) {
            current.add(record);
        }

        @Override
        public void dumpParsed(Dump dump) {
            completeDumps += dump.complete() ? 1 : 0;
            if (dump.index() >= LogParser.MAX_STREAMED_DUMPS) {
                long[] counts = {dump.index(), current.records(), current.live(), current.liveBytes()};
                tailLast = dump.complete() ? null : counts;
                tailComplete = dump.complete() ? counts : tailComplete;
            } else {
                if (dumps == records.length) {
                    records = Arrays.copyOf(records, dumps * 2);
                    live = Arrays.copyOf(live, dumps * 2);
                    liveBytes = Arrays.copyOf(liveBytes, dumps * 2);
                }
                records[dumps] = current.records();
                live[dumps] = current.live();
                liveBytes[dumps++] = current.liveBytes();
            }
            if (dump.complete()) {
                lastComplete = current;
                lastAny = null;
            } else if (lastComplete == null) {
                lastAny = current; // shown only while no dump is complete
            }
            current = null;
        }
    }
}
