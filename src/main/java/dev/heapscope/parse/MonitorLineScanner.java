package dev.heapscope.parse;

/**
 * Reads a host monitor's decode line, {@code [--- ]0xADDR: FUNCTION at FILE[:LINE][ (discriminator N)]}, in one pass
 * over the line. A regular expression with two lazy groups did the same in time quadratic in the number of
 * {@code " at "} in the line: a hostile 80 KB line held the parser, which also reads live serial input, for 30 s.
 * Its matches are kept exactly (MonitorLineScannerTest holds the scanner against that expression).
 */
final class MonitorLineScanner {
    private static final String AT = " at ";
    private static final String DISCRIMINATOR = " (discriminator ";

    /** One decode line's parts; {@code line} is 0 when the monitor gave none. */
    record Decoded(long address, String function, String file, int line) {
    }

    private MonitorLineScanner() {
    }

    /** The line's parts, or null when it is no decode line. */
    static Decoded scan(String text) {
        int start = text.startsWith("--- ") ? 4 : 0;
        int colon = text.indexOf(':', start);
        if (colon < 0 || !text.startsWith(": ", colon) || !text.startsWith("0x", start)) {
            return null;
        }
        long address = ChainReader.parseHex(text, start, colon);
        int functionStart = colon + 2;
        int end = withoutTrailingSpace(text);
        if (address < 0 || functionStart >= end || isSpace(text.charAt(functionStart))) {
            return null;
        }
        // The function is the shortest followed by " at " and a non-space. Past their first character (any
        // non-space), neither function nor file may hold a line terminator: '.' in the expression never crossed one.
        int firstTerminator = terminatorAfter(text, functionStart + 1, end);
        int lastTerminator = terminatorBefore(text, end);
        for (int at = text.indexOf(AT, functionStart + 1); at >= 0 && at < end && at <= firstTerminator;
             at = text.indexOf(AT, at + 1)) {
            int fileStart = at + AT.length();
            if (fileStart < end && !isSpace(text.charAt(fileStart)) && lastTerminator <= fileStart) {
                return fileAndLine(text, address, text.substring(functionStart, at), fileStart, end);
            }
        }
        return null;
    }

    /** The shortest file: as much of the optional {@code :LINE (discriminator N)} ending as the text has. */
    private static Decoded fileAndLine(String text, long address, String function, int fileStart, int end) {
        int fileEnd = end;
        int discriminator = discriminatorStart(text, fileStart, end);
        if (discriminator > fileStart) {
            fileEnd = discriminator;
        }
        int digits = fileEnd;
        while (digits > fileStart && text.charAt(digits - 1) >= '0' && text.charAt(digits - 1) <= '9') {
            digits--;
        }
        int line = 0;
        if (digits < fileEnd && digits - 1 > fileStart && text.charAt(digits - 1) == ':') {
            line = SummaryLines.parseInt(text.substring(digits, fileEnd));
            fileEnd = digits - 1;
        }
        return new Decoded(address, function, text.substring(fileStart, fileEnd), line);
    }

    /** Where a closing {@code " (discriminator N)"} starts, or -1. */
    private static int discriminatorStart(String text, int from, int end) {
        if (end < 2 || text.charAt(end - 1) != ')') {
            return -1;
        }
        int digits = end - 1;
        while (digits > from && text.charAt(digits - 1) >= '0' && text.charAt(digits - 1) <= '9') {
            digits--;
        }
        int start = digits - DISCRIMINATOR.length();
        return digits < end - 1 && start > from && text.startsWith(DISCRIMINATOR, start) ? start : -1;
    }

    /** The end of the text without the trailing whitespace the expression's {@code \s*$} allowed. */
    private static int withoutTrailingSpace(String text) {
        int end = text.length();
        while (end > 0 && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    /** {@code \s} of java.util.regex without flags. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** The first line terminator in {@code text[from, end)}, or {@code end}. */
    private static int terminatorAfter(String text, int from, int end) {
        for (int i = from; i < end; i++) {
            if (isTerminator(text.charAt(i))) {
                return i;
            }
        }
        return end;
    }

    /** The last line terminator in {@code text[0, end)}, or -1. */
    private static int terminatorBefore(String text, int end) {
        for (int i = end - 1; i >= 0; i--) {
            if (isTerminator(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }
}
