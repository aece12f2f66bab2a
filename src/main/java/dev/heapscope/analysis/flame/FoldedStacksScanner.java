package dev.heapscope.analysis.flame;

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
    private final List<ParseWarning> problems = new ArrayList<>();
    private int skippedProblems;
    private int stackLines;
    private int[] ids = new int[64];
    private byte[] buf;
    private int pos;
    private int limit;
    private boolean eof;

    private FoldedStacksScanner(Weight weight, int bufferBytes) {
        buf = new byte[bufferBytes];
        stacks = new FlameStacks(weight, new FrameNames());
        textLines = new FoldedLineText(stacks);
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
            int end = pos;
            int seen = 0;
            while (end < limit && buf[end] != '\n' && buf[end] != '\r') {
                seen |= buf[end++];
            }
            if (end == limit && !eof) {
                refill(in); // the line goes on in the next read: scan it again from its start
                continue;
            }
            lineNumber++;
            String problem = seen < 0 ? textLines.read(new String(buf, pos, end - pos, StandardCharsets.UTF_8))
                    : readAscii(pos, end);
            if (problem == FoldedLineText.STACK) {
                stackLines++;
            } else if (problem != null) {
                report(lineNumber, problem);
            }
            skipLf = end < limit && buf[end] == '\r';
            pos = end < limit ? end + 1 : end;
        }
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

    /** An ASCII line's stack is added; returns {@link FoldedLineText#STACK}, null (ignorable) or the problem. */
    private String readAscii(int from, int to) {
        while (from < to && blank(buf[from])) {
            from++;
        }
        while (to > from && blank(buf[to - 1])) {
            to--;
        }
        if (from == to || buf[from] == '#') {
            return null;
        }
        int split = to - 1;
        while (split >= from && !blank(buf[split])) {
            split--;
        }
        if (split < from) {
            return "no value after the stack: '" + FoldedLineText.shorten(text(from, to)) + "'";
        }
        long value = digits(split + 1, to);
        if (value == -1) {
            String valueText = text(split + 1, to);
            try {
                value = Long.parseLong(valueText);
            } catch (NumberFormatException notANumber) {
                return "value '" + FoldedLineText.shorten(valueText) + "' is not a whole number";
            }
            if (value < 0) {
                return "negative value " + value;
            }
        }
        int stackEnd = split;
        while (blank(buf[stackEnd - 1])) {
            stackEnd--;
        }
        int depth = 0;
        for (int start = from; ; ) {
            int end = start;
            while (end < stackEnd && buf[end] != ';') {
                end++;
            }
            int frameFrom = start;
            int frameTo = end;
            while (frameFrom < frameTo && blank(buf[frameFrom])) {
                frameFrom++;
            }
            while (frameTo > frameFrom && blank(buf[frameTo - 1])) {
                frameTo--;
            }
            if (frameFrom == frameTo) {
                return "empty frame in stack '" + FoldedLineText.shorten(text(from, stackEnd)) + "'";
            }
            if (depth == ids.length) {
                ids = Arrays.copyOf(ids, depth * 2);
            }
            ids[depth++] = stacks.names().idOfRaw(buf, frameFrom, frameTo);
            if (end == stackEnd) {
                break;
            }
            start = end + 1;
        }
        try {
            stacks.add(ids, depth, value);
        } catch (ArithmeticException overflow) {
            return "value " + value + " makes the total overflow";
        }
        return FoldedLineText.STACK;
    }

    /** The value of plain decimal digits (at most 18, so no overflow), or -1 for anything else. */
    private long digits(int from, int to) {
        if (to - from > 18) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = buf[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private String text(int from, int to) {
        return new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** ASCII whitespace as {@link Character#isWhitespace} sees it (what {@code String.strip} removes). */
    private static boolean blank(byte b) {
        return b == ' ' || (b >= 0x09 && b <= 0x0D) || (b >= 0x1C && b <= 0x1F);
    }
}
