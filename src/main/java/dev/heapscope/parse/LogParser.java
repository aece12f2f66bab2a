package dev.heapscope.parse;

import dev.heapscope.model.Dialect;
import dev.heapscope.model.Dump;
import dev.heapscope.model.DumpHeader;
import dev.heapscope.model.Record;
import dev.heapscope.model.Symbol;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a whole saved console log (a file, a paste) in one pass: bytes → LineFramer → DumpParser for the
 * dumps, and every line past the board event detector, so nothing downstream reads the text again.
 */
public final class LogParser {
    /**
     * Monitor names kept at most: a hostile log of 3,000,000 decode lines took 0.8-1.3 GB to keep every one;
     * the rest are counted ({@link ParsedLog#symbolsLeftOut()}). A firmware has tens of thousands of functions.
     */
    static final int MAX_SYMBOLS = Integer.getInteger("heapscope.maxMonitorNames", 500_000);
    /**
     * Dumps a streamed log keeps at most: the first ones, then only the last complete and the last dump
     * (what the reports show); the others are counted ({@link ParsedLog#dumpsLeftOut()}). A gigabyte of tiny
     * dumps (5.3 million) took 1.3 GB to keep every one.
     */
    public static final int MAX_STREAMED_DUMPS = Integer.getInteger("heapscope.maxStreamedDumps", 100_000);
    private static final int CHUNK_BYTES = 1 << 16;

    private final ParserOptions options;
    private final int maxSymbols;
    private final int maxDumps;

    public LogParser() {
        this(ParserOptions.LENIENT);
    }

    public LogParser(ParserOptions options) {
        this(options, MAX_SYMBOLS, MAX_STREAMED_DUMPS);
    }

    /** With caps of its own (tests: a cap's behaviour on a small log); {@code maxDumps} is at least 3. */
    LogParser(ParserOptions options, int maxSymbols, int maxDumps) {
        this.options = options;
        this.maxSymbols = maxSymbols;
        this.maxDumps = Math.max(3, maxDumps);
    }

    public ParsedLog parse(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in);
        }
    }

    public ParsedLog parse(String text) {
        try {
            return parse(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)));
        } catch (IOException impossible) {
            throw new java.io.UncheckedIOException(impossible);
        }
    }

    /** Reads {@code in} to its end; the stream is not closed. */
    public ParsedLog parse(InputStream in) throws IOException {
        return read(in, null);
    }

    /**
     * As {@link #parse(InputStream)}, but the records go to {@code records} as they are read (with its
     * {@code dumpStarted} and {@code dumpParsed}) and the dumps of the result hold none: memory follows the
     * number of dumps and distinct call chains, not the records.
     */
    public ParsedLog stream(InputStream in, DumpListener records) throws IOException {
        return read(in, records);
    }

    private ParsedLog read(InputStream in, DumpListener records) throws IOException {
        List<Dump> dumps = new ArrayList<>();
        Dump[] tail = new Dump[2]; // past the cap: the last complete dump, the last dump
        List<Symbol> symbols = new ArrayList<>();
        long[] symbolsLeftOut = {0};
        DumpListener collector = new DumpListener() {
            @Override
            public void dumpStarted(Dialect dialect, DumpHeader header, long lineNumber) {
                if (records != null) {
                    records.dumpStarted(dialect, header, lineNumber);
                }
            }

            @Override
            public void recordParsed(Record record) {
                records.recordParsed(record);
            }

            @Override
            public void dumpParsed(Dump dump) {
                if (records == null || dumps.size() < maxDumps - 2) {
                    dumps.add(dump);
                } else {
                    tail[dump.complete() ? 0 : 1] = dump;
                    if (dump.complete()) {
                        tail[1] = null;
                    }
                }
                if (records != null) {
                    records.dumpParsed(dump);
                }
            }

            @Override
            public void symbolFound(Symbol symbol) {
                if (symbols.size() < maxSymbols) {
                    symbols.add(symbol);
                } else {
                    symbolsLeftOut[0]++;
                }
            }
        };
        DumpParser parser = records == null ? new DumpParser(collector, options)
                : DumpParser.streaming(collector, options);
        BoardEvents events = new BoardEvents();
        // a clean record line is read from its bytes; it can be no board event, so only other lines are scanned
        LineFramer framer = new LineFramer((text, lineNumber, hostMillis) -> {
            parser.line(text, lineNumber, hostMillis);
            events.scan(text, lineNumber);
        }, parser::recordLine);
        byte[] buffer = new byte[CHUNK_BYTES];
        int read;
        while ((read = in.read(buffer, 0, buffer.length)) >= 0) {
            framer.feed(buffer, 0, read, -1);
        }
        framer.flush(-1);
        parser.finish();
        for (Dump kept : tail) {
            if (kept != null) {
                dumps.add(kept);
            }
        }
        return new ParsedLog(dumps, symbols, events.list(), events.leftOut(), framer.lineCount(),
                framer.truncatedLines(), symbolsLeftOut[0]);
    }
}
