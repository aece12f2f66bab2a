package dev.heapscope.export;

import dev.heapscope.model.Dump;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The input text of each dump, read back from the console text (a log file, a session's transcript) by the line range the parser recorded (CR,
 * LF and CRLF end a line, as for the parser). One pass over the bytes, never a whole line in memory: only dump
 * lines are kept, up to a budget, and a line of a gigabyte (a log with no line break) costs nothing.
 */
public final class RawDumps {
    private RawDumps() {
    }

    /** At most this much dump text goes into a report: the raw dumps are an appendix, not the report. */
    public static final long MAX_CHARS = 4L << 20;

    /** Dump index to its lines as received (ISO-8859-1); reads and closes {@code consoleText}. */
    public static Map<Integer, String> read(InputStream consoleText, List<Dump> dumps, long maxChars) throws IOException {
        Map<Integer, StringBuilder> texts = new HashMap<>();
        try (InputStream in = consoleText) {
            new Reading(dumps, maxChars, texts).run(in);
        }
        Map<Integer, String> result = new HashMap<>();
        texts.forEach((index, text) -> result.put(index, text.toString()));
        return result;
    }

    /** The walk over the bytes: which line it is in, whether that line is kept, how much is kept. */
    private static final class Reading {
        private final List<Dump> dumps;
        private final long maxChars;
        private final Map<Integer, StringBuilder> texts;
        private long lineNumber;
        private int next;
        private long kept;
        private StringBuilder keeping; // the text of the dump the current line belongs to; null when not kept
        private boolean lineHasBytes;
        private boolean afterCr;

        Reading(List<Dump> dumps, long maxChars, Map<Integer, StringBuilder> texts) {
            this.dumps = dumps;
            this.maxChars = maxChars;
            this.texts = texts;
        }

        void run(InputStream in) throws IOException {
            if (!startLine()) {
                return;
            }
            byte[] buffer = new byte[1 << 16];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                for (int i = 0; i < read; i++) {
                    byte b = buffer[i];
                    if (b == '\n' && afterCr) { // the LF of a CRLF: that line has ended already
                        afterCr = false;
                        continue;
                    }
                    afterCr = b == '\r';
                    if (b == '\r' || b == '\n') {
                        endLine();
                        if (!startLine()) {
                            return; // past the last dump or the budget: the rest is not read
                        }
                    } else {
                        lineHasBytes = true;
                        if (keeping != null && kept < maxChars) {
                            keeping.append((char) (b & 0xff));
                            kept++;
                        }
                    }
                }
            }
            if (lineHasBytes) { // a last line without a line break
                endLine();
            }
        }

        /** Moves to the next line; false when no line from here on can be kept. */
        private boolean startLine() {
            lineNumber++;
            lineHasBytes = false;
            while (next < dumps.size() && dumps.get(next).lastLine() < lineNumber) {
                next++;
            }
            if (next >= dumps.size() || kept >= maxChars) {
                return false;
            }
            keeping = lineNumber >= dumps.get(next).firstLine()
                    ? texts.computeIfAbsent(dumps.get(next).index(), i -> new StringBuilder()) : null;
            return true;
        }

        private void endLine() {
            if (keeping != null) {
                keeping.append('\n');
                kept++;
            }
        }
    }
}
