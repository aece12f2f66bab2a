package dev.heapscope.export;

import dev.heapscope.model.Dump;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The input text of each dump, read back from the console text (a log file, a session's transcript) by the line range the parser recorded (CR,
 * LF and CRLF end a line, as for the parser). One pass; only dump lines are kept, up to a budget.
 */
public final class RawDumps {
    private RawDumps() {
    }

    /** At most this much dump text goes into a report: the raw dumps are an appendix, not the report. */
    public static final long MAX_CHARS = 4L << 20;

    /** Dump index to its lines as received; reads and closes {@code consoleText}. */
    public static Map<Integer, String> read(InputStream consoleText, List<Dump> dumps, long maxChars) throws IOException {
        Map<Integer, StringBuilder> texts = new HashMap<>();
        long kept = 0;
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(consoleText, StandardCharsets.ISO_8859_1), 1 << 16)) {
            long lineNumber = 0;
            int next = 0;
            // past the budget nothing more is kept, so the rest of a big log is not read at all
            for (String line = in.readLine(); line != null && next < dumps.size() && kept < maxChars;
                 line = in.readLine()) {
                lineNumber++;
                while (next < dumps.size() && dumps.get(next).lastLine() < lineNumber) {
                    next++;
                }
                if (next < dumps.size() && lineNumber >= dumps.get(next).firstLine() && kept < maxChars) {
                    // a line of a hundred megabytes (a 90,000-frame chain) is kept only up to the budget
                    String keptPart = line.length() > maxChars - kept ? line.substring(0, (int) (maxChars - kept)) : line;
                    texts.computeIfAbsent(dumps.get(next).index(), i -> new StringBuilder()).append(keptPart).append('\n');
                    kept += keptPart.length() + 1;
                }
            }
        }
        Map<Integer, String> result = new HashMap<>();
        texts.forEach((index, text) -> result.put(index, text.toString()));
        return result;
    }
}
