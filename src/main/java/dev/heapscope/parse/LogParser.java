package dev.heapscope.parse;

import dev.heapscope.model.Dump;
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
    private static final int CHUNK_BYTES = 1 << 16;

    private final ParserOptions options;

    public LogParser() {
        this(ParserOptions.LENIENT);
    }

    public LogParser(ParserOptions options) {
        this.options = options;
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
        List<Dump> dumps = new ArrayList<>();
        List<Symbol> symbols = new ArrayList<>();
        DumpParser parser = new DumpParser(new DumpListener() {
            @Override
            public void dumpParsed(Dump dump) {
                dumps.add(dump);
            }

            @Override
            public void symbolFound(Symbol symbol) {
                symbols.add(symbol);
            }
        }, options);
        BoardEvents events = new BoardEvents();
        LineFramer framer = new LineFramer((text, lineNumber, hostMillis) -> {
            parser.line(text, lineNumber, hostMillis);
            events.scan(text, lineNumber);
        });
        byte[] buffer = new byte[CHUNK_BYTES];
        int read;
        while ((read = in.read(buffer, 0, buffer.length)) >= 0) {
            framer.feed(buffer, 0, read, -1);
        }
        framer.flush(-1);
        parser.finish();
        return new ParsedLog(dumps, symbols, events.list(), events.leftOut(), framer.lineCount(),
                framer.truncatedLines());
    }
}
