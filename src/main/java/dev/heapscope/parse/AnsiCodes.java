package dev.heapscope.parse;

/** Removes terminal escape sequences (colours from ESP-IDF's coloured log). */
final class AnsiCodes {
    private static final char ESC = 0x1b;

    private AnsiCodes() {
    }

    static String strip(CharSequence text) {
        int firstEscape = indexOfEscape(text);
        if (firstEscape < 0) {
            return text.toString();
        }
        StringBuilder out = new StringBuilder(text.length());
        out.append(text, 0, firstEscape);
        int i = firstEscape;
        int length = text.length();
        while (i < length) {
            char c = text.charAt(i);
            if (c != ESC) {
                out.append(c);
                i++;
                continue;
            }
            i++;
            if (i < length && text.charAt(i) == '[') {
                i++;
                // parameter bytes 0x30-0x3F, intermediate bytes 0x20-0x2F, then one final byte 0x40-0x7E
                while (i < length && text.charAt(i) >= 0x20 && text.charAt(i) <= 0x3f) {
                    i++;
                }
                if (i < length && text.charAt(i) >= 0x40 && text.charAt(i) <= 0x7e) {
                    i++;
                }
            }
        }
        return out.toString();
    }

    private static int indexOfEscape(CharSequence text) {
        if (text instanceof String string) {
            return string.indexOf(ESC); // vectorised: every line of a million-record dump passes here
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ESC) {
                return i;
            }
        }
        return -1;
    }
}
