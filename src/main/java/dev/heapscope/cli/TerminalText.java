package dev.heapscope.cli;

/**
 * Text from a board or a file, made harmless to show on a terminal. A board prints whatever bytes its
 * script prints; sent to a terminal unchanged, {@code ESC ] 0 ; title BEL} renames the window,
 * {@code ESC [ 2 J} clears the screen, and a bidi override makes a line read differently from what it
 * holds. Each such character becomes a visible escape instead:
 *
 * <ul>
 *   <li>C0 controls other than newline and tab, DEL and C1 controls (U+0080 to U+009F): {@code \x1b},
 *       {@code \x07}, {@code \x0d}, {@code \x7f}, {@code \x9b} (two lower-case hex digits);</li>
 *   <li>bidi embeddings, overrides and isolates (U+202A to U+202E, U+2066 to U+2069): {@code \u202e}.</li>
 * </ul>
 *
 * <p>A backslash is left alone: the escapes are for reading, not for decoding back, and paths and Lua
 * source are full of backslashes. Consoles carry one character per byte (ISO-8859-1, as
 * {@code LineFramer} reads them), so byte 0x9b is U+009B here and is escaped, and byte 0xff shows as
 * {@code ÿ}, as in the app's console.
 */
final class TerminalText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private TerminalText() {
    }

    /** {@code text} with every character a terminal would act on spelled out; the same instance when there is none. */
    static String escape(String text) {
        if (text == null) {
            return null;
        }
        int first = firstToEscape(text);
        if (first < 0) {
            return text;
        }
        StringBuilder shown = new StringBuilder(text.length() + 16);
        shown.append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!acts(c)) {
                shown.append(c);
            } else if (c < 0x100) {
                shown.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xf]);
            } else {
                shown.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf])
                        .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
            }
        }
        return shown.toString();
    }

    /** Whether a terminal would do something with {@code c} instead of showing it. */
    static boolean acts(char c) {
        if (c < 0x20) {
            return c != '\n' && c != '\t';
        }
        if (c < 0x7f) {
            return false;
        }
        return c <= 0x9f || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069;
    }

    private static int firstToEscape(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (acts(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
