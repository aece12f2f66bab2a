package dev.heapscope.analysis.flame;

import dev.heapscope.analysis.FoldedLine;
import dev.heapscope.analysis.Weight;
import dev.heapscope.model.ParseWarning;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads folded stacks into {@link FlameStacks} straight from bytes: the same lines, values, frames and
 * problem messages as {@link dev.heapscope.analysis.FoldedStacksReader} (CR, LF and CRLF end a line;
 * blank and {@code #} lines are skipped; frames are stripped and sanitized), without a {@code String}
 * per line or frame. A line with a byte above ASCII takes {@link FoldedLineText}, the reader's own
 * rules on a decoded line, so Unicode whitespace and digits are treated exactly as before. Bad bytes
 * become U+FFFD instead of failing the whole file.
 */
public final class FoldedStacksScanner {
    private static final int MAX_PROBLEMS_REPORTED = 1000;

    private final FlameStacks stacks;
    private final FoldedLineText textLines;
    private final FoldedLineBytes exactLines;
    private final List<ParseWarning> problems = new ArrayList<>();
    private int skippedProblems;
    private int stackLines;
    private int[] ids = new int[64];
    private byte[] buf;
    private int pos;
    private int limit;
    private boolean eof;
    /** What {@link #plainLine} made of the last line: {@link FoldedLine#STACK}, a problem, or {@link #NOT_PLAIN}. */
    private String lineOutcome;
    private boolean ascii;
    private static final String NOT_PLAIN = new String("not plain");
    /** The bytes that stop a frame's bytes: {@code ;}, CR, LF, and any byte of a non-ASCII character. */
    private static final boolean[] STOPS = new boolean[256];

    static {
        STOPS[';'] = true;
        STOPS['\n'] = true;
        STOPS['\r'] = true;
        for (int b = 0x80; b < 0x100; b++) {
            STOPS[b] = true;
        }
    }

    private FoldedStacksScanner(Weight weight, int bufferBytes) {
        buf = new byte[bufferBytes];
        stacks = new FlameStacks(weight, new FrameNames());
        textLines = new FoldedLineText(stacks);
        exactLines = new FoldedLineBytes(stacks);
    }

    /** @throws IOException only when the file cannot be read, never for its content */
    public static FlameImport read(Path file, Weight weight) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, weight);
        }
    }

    public static FlameImport read(String text, Weight weight) {
        try {
            return read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), weight);
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** @throws IOException only when {@code in} fails, never for what it contains */
    public static FlameImport read(InputStream in, Weight weight) throws IOException {
        return read(in, weight, 1 << 20);
    }

    /** {@code bufferBytes}: the first read's size (tests make it tiny so lines cross reads). */
    static FlameImport read(InputStream in, Weight weight, int bufferBytes) throws IOException {
        FoldedStacksScanner scanner = new FoldedStacksScanner(weight, bufferBytes);
        scanner.scan(in);
        if (scanner.skippedProblems > 0) {
            scanner.problems.add(new ParseWarning(0, scanner.skippedProblems + " more unreadable lines not listed"));
        }
        return new FlameImport(scanner.stacks, scanner.stackLines, scanner.problems);
    }

    private void scan(InputStream in) throws IOException {
        long lineNumber = 0;
        boolean skipLf = false;
        while (true) {
            if (pos == limit && !refill(in)) {
                return;
            }
            if (skipLf) {
                skipLf = false;
                if (buf[pos] == '\n') {
                    pos++;
                    continue;
                }
            }
            int end = plainLine(pos);
            if (end < 0) {
                refill(in); // the line goes on in the next read: scan it again from its start
                continue;
            }
            lineNumber++;
            String problem = lineOutcome;
            if (problem == NOT_PLAIN) {
                problem = ascii ? exactLines.read(buf, pos, end)
                        : textLines.read(new String(buf, pos, end - pos, StandardCharsets.UTF_8));
            }
            if (problem == FoldedLine.STACK) {
                stackLines++;
            } else if (problem != null) {
                report(lineNumber, problem);
            }
            skipLf = end < limit && buf[end] == '\r';
            pos = end < limit ? end + 1 : end;
        }
    }

    /**
     * One pass over the line at {@code from}: finds its end, splits frames at {@code ;} and hashes each
     * as it goes, and when the line has the plain shape (ASCII, {@code a;b;c 123}, nothing to strip)
     * adds the stack. Anything else is left to the exact paths ({@link #lineOutcome} {@link #NOT_PLAIN});
     * names it interned on the way are then unused, which costs nothing.
     *
     * @return the index of the line's terminator (or of the end of the input), -1 when the buffer ends first
     */
    private int plainLine(int from) {
        byte[] buf = this.buf; // locals: the first compiler reloads a field on every byte
        int limit = this.limit;
        int[] ids = this.ids;
        FrameNames names = stacks.names();
        int depth = 0;
        int seen = 0;
        boolean plain = true;
        int segment = from;
        int hash = FrameNames.HASH_START;
        int i = from;
        while (true) {
            while (i < limit && !STOPS[buf[i] & 0xFF]) {
                hash = FrameNames.step(hash, buf[i++]);
            }
            if (i == limit) {
                if (!eof) {
                    return -1;
                }
                break;
            }
            byte b = buf[i];
            if (b == ';') {
                if (i == segment || FoldedLineBytes.blank(buf[segment]) || FoldedLineBytes.blank(buf[i - 1])) {
                    plain = false;
                } else {
                    if (depth == ids.length) {
                        ids = this.ids = Arrays.copyOf(ids, depth * 2);
                    }
                    ids[depth++] = names.idOfRaw(buf, segment, i, FrameNames.finish(hash));
                }
                segment = ++i;
                hash = FrameNames.HASH_START;
            } else if (b < 0) {
                seen = -1;
                hash = FrameNames.step(hash, buf[i++]);
            } else {
                break;
            }
        }
        ascii = seen >= 0;
        lineOutcome = NOT_PLAIN;
        if (!plain || !ascii || i == from || FoldedLineBytes.blank(buf[from]) || buf[from] == '#') {
            return i;
        }
        int digits = i;
        while (digits > segment && buf[digits - 1] >= '0' && buf[digits - 1] <= '9') {
            digits--;
        }
        if (digits == i || i - digits > 18 || digits == segment || !FoldedLineBytes.blank(buf[digits - 1])) {
            return i;
        }
        int nameEnd = digits - 1;
        while (nameEnd > segment && FoldedLineBytes.blank(buf[nameEnd - 1])) {
            nameEnd--;
        }
        if (nameEnd == segment || FoldedLineBytes.blank(buf[segment])) {
            return i;
        }
        if (depth == ids.length) {
            ids = this.ids = Arrays.copyOf(ids, depth * 2);
        }
        ids[depth++] = names.idOfRaw(buf, segment, nameEnd);
        long value = 0;
        for (int d = digits; d < i; d++) {
            value = value * 10 + (buf[d] - '0');
        }
        try {
            stacks.add(ids, depth, value);
            lineOutcome = FoldedLine.STACK;
        } catch (ArithmeticException overflow) {
            lineOutcome = "value " + value + " makes the total overflow";
        }
        return i;
    }

    /** Moves the unread bytes to the front (growing for a long line) and reads more; false at the end. */
    private boolean refill(InputStream in) throws IOException {
        if (eof) {
            return pos < limit;
        }
        int unread = limit - pos;
        if (unread == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        } else {
            System.arraycopy(buf, pos, buf, 0, unread);
        }
        pos = 0;
        limit = unread;
        int read = in.read(buf, limit, buf.length - limit);
        if (read < 0) {
            eof = true;
        } else {
            limit += read;
        }
        return pos < limit;
    }

    private void report(long lineNumber, String problem) {
        if (problems.size() < MAX_PROBLEMS_REPORTED) {
            problems.add(new ParseWarning(lineNumber, problem));
        } else {
            skippedProblems++;
        }
    }
}
