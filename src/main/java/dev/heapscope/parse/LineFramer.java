package dev.heapscope.parse;

import java.nio.charset.StandardCharsets;

/**
 * Cuts a byte stream into lines as a NodeMCU console sends them: CR, LF and CRLF each end a line,
 * mixed freely in one stream, and a CRLF split across two reads is still one line end. Bytes are
 * decoded one to one (ISO-8859-1): consoles carry ASCII, and garbage bytes must survive unchanged.
 *
 * <p>Fed by one thread (a transport's or a file reader's). The unfinished last line is kept until
 * its terminator arrives or {@link #flush} is called; {@link #pendingText()} shows it, which is
 * how a prompt ({@code "> "}, no newline) is seen.
 */
public final class LineFramer {
    private static final int MAX_LINE_BYTES = 1 << 20;

    private final LineSink sink;
    private final ByteLines bytesFirst;
    private byte[] pending = new byte[256];
    private int pendingLength;
    private boolean lastByteWasCr;
    private long lineNumber;
    private long truncatedLines;
    private boolean currentLineTruncated;
    private boolean continuesFlushedLine;

    public LineFramer(LineSink sink) {
        this(sink, null);
    }

    /** Offers each line's bytes to {@code bytesFirst}; only a line it does not take becomes a String for {@code sink}. */
    public LineFramer(LineSink sink, ByteLines bytesFirst) {
        this.sink = sink;
        this.bytesFirst = bytesFirst;
    }

    /** Takes a line as bytes (valid only during the call) when it can, so no String is made for it. */
    @FunctionalInterface
    public interface ByteLines {
        boolean line(byte[] bytes, int offset, int length, long lineNumber, long hostMillis);
    }

    public void feed(byte[] bytes) {
        feed(bytes, 0, bytes.length, -1);
    }

    /** Frames {@code bytes[offset, offset+length)} that arrived at {@code hostMillis} (-1: unknown). */
    public void feed(byte[] bytes, int offset, int length, long hostMillis) {
        int end = offset + length;
        int lineStart = offset;
        for (int i = offset; i < end; i++) {
            byte b = bytes[i];
            if (b == '\n' || b == '\r') {
                boolean lfOfCrLf = b == '\n' && lastByteWasCr && i == lineStart && pendingLength == 0;
                lastByteWasCr = b == '\r';
                if (!lfOfCrLf) {
                    emit(bytes, lineStart, i - lineStart, hostMillis);
                }
                lineStart = i + 1;
            } else {
                lastByteWasCr = false;
            }
        }
        append(bytes, lineStart, end - lineStart);
    }

    /**
     * Delivers an unfinished last line as a line (the end of the input, or a link lost mid-line). Should
     * bytes follow, they continue that line of the byte stream, so the next line delivered carries the same
     * number: line numbers stay those of a later parse of the same bytes.
     */
    public void flush(long hostMillis) {
        if (pendingLength > 0) {
            emit(null, 0, 0, hostMillis);
            continuesFlushedLine = true;
        }
    }

    /** The bytes received after the last line end, decoded (e.g. a prompt {@code "> "}). */
    public String pendingText() {
        return new String(pending, 0, pendingLength, StandardCharsets.ISO_8859_1);
    }

    /** Lines delivered so far. */
    public long lineCount() {
        return lineNumber;
    }

    /** Lines longer than 1 MiB whose excess was dropped (a stream with no line ends at all). */
    public long truncatedLines() {
        return truncatedLines;
    }

    private void emit(byte[] bytes, int offset, int length, long hostMillis) {
        byte[] line = bytes;
        int from = offset;
        int size = length;
        if (pendingLength > 0) {
            append(bytes, offset, length);
            line = pending;
            from = 0;
            size = pendingLength;
            pendingLength = 0; // the bytes stay valid until the next append
        }
        currentLineTruncated = false;
        long number = continuesFlushedLine ? lineNumber : ++lineNumber;
        continuesFlushedLine = false;
        if (bytesFirst != null && line != null && bytesFirst.line(line, from, size, number, hostMillis)) {
            return;
        }
        sink.line(line == null ? "" : new String(line, from, size, StandardCharsets.ISO_8859_1), number, hostMillis);
    }

    private void append(byte[] bytes, int offset, int length) {
        if (length <= 0) {
            return;
        }
        int kept = Math.min(length, MAX_LINE_BYTES - pendingLength);
        if (kept < length && !currentLineTruncated) {
            // A stream with no line ends at all must not grow without bound: keep the start.
            currentLineTruncated = true;
            truncatedLines++;
        }
        if (kept == 0) {
            return;
        }
        if (pendingLength + kept > pending.length) {
            int capacity = Math.min(Math.max(pending.length * 2, pendingLength + kept), MAX_LINE_BYTES);
            pending = java.util.Arrays.copyOf(pending, capacity);
        }
        System.arraycopy(bytes, offset, pending, pendingLength, kept);
        pendingLength += kept;
    }
}
