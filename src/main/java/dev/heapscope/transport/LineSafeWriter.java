package dev.heapscope.transport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends Lua text to a NodeMCU REPL one line at a time. The board keeps at most 255 bytes of a line (its
 * 256-byte buffer silently drops the start of anything longer), so text is split at its own line breaks,
 * and after each line the caller's {@link Acknowledgement} waits for the board (normally for the next
 * prompt) before the next line goes out. Nothing is sent when any line is too long.
 */
public final class LineSafeWriter {
    /** The longest line NodeMCU's console keeps, in bytes, without the line terminator. */
    public static final int MAX_LINE_BYTES = 255;

    /** Waits until the board has taken a line, e.g. until its prompt appears. */
    @FunctionalInterface
    public interface Acknowledgement {
        void awaitAfter(String sentLine) throws TransportException;
    }

    private final Transport transport;
    private final Acknowledgement acknowledgement;

    public LineSafeWriter(Transport transport, Acknowledgement acknowledgement) {
        this.transport = transport;
        this.acknowledgement = acknowledgement;
    }

    /**
     * Sends every line of {@code luaText} followed by {@code \n}, awaiting the acknowledgement after each.
     *
     * @throws TransportException if a line is longer than {@value #MAX_LINE_BYTES} bytes (before anything is
     *                            sent), or if the transport or the acknowledgement fails
     */
    public void send(String luaText) throws TransportException {
        List<String> lines;
        try {
            lines = splitIntoLines(luaText);
        } catch (IllegalArgumentException tooLong) {
            throw new TransportException(tooLong.getMessage(), tooLong);
        }
        for (String line : lines) {
            transport.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            acknowledgement.awaitAfter(line);
        }
    }

    /**
     * The lines of {@code luaText} (CR, LF and CRLF all end a line; a final line break adds no empty line).
     *
     * @throws IllegalArgumentException naming the first line longer than {@value #MAX_LINE_BYTES} bytes
     */
    public static List<String> splitIntoLines(String luaText) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int length = luaText.length();
        while (start < length) {
            int end = start;
            while (end < length && luaText.charAt(end) != '\n' && luaText.charAt(end) != '\r') {
                end++;
            }
            lines.add(checked(luaText.substring(start, end), lines.size() + 1));
            if (end + 1 < length && luaText.charAt(end) == '\r' && luaText.charAt(end + 1) == '\n') {
                end++;
            }
            start = end + 1;
        }
        return lines;
    }

    private static String checked(String line, int lineNumber) {
        int bytes = line.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_LINE_BYTES) {
            String start = line.length() > 40 ? line.substring(0, 40) + "..." : line;
            throw new IllegalArgumentException("line " + lineNumber + " is " + bytes + " bytes long, but NodeMCU's "
                    + "console keeps at most " + MAX_LINE_BYTES + " per line (\"" + start + "\"): break the "
                    + "statement over several lines, or upload the code as a file and run it with dofile()");
        }
        return line;
    }
}
