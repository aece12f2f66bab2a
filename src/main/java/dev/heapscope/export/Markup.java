package dev.heapscope.export;

import java.io.IOException;

/**
 * Escapes text for XML and HTML (element content and quoted attributes alike). Characters XML 1.0
 * forbids (controls other than tab and line breaks, lone surrogates, U+FFFE/U+FFFF) become U+FFFD,
 * since board output and Lua strings may contain any byte and one of them must not break a report.
 */
public final class Markup {
    private Markup() {
    }

    public static String escape(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        try {
            escape(text, out);
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
        return out.toString();
    }

    public static void escape(CharSequence text, Appendable out) throws IOException {
        int length = text.length();
        int plainFrom = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            String replacement = replacementFor(text, i, c);
            if (replacement == null) {
                if (Character.isHighSurrogate(c)) {
                    i++; // a valid pair (replacementFor checked it): keep both halves
                }
                continue;
            }
            out.append(text, plainFrom, i).append(replacement);
            plainFrom = i + 1;
        }
        out.append(text, plainFrom, length);
    }

    private static String replacementFor(CharSequence text, int i, char c) {
        switch (c) {
            case '&':
                return "&amp;";
            case '<':
                return "&lt;";
            case '>':
                return "&gt;";
            case '"':
                return "&quot;";
            case '\'':
                return "&#39;";
            case '\t', '\n', '\r':
                return null;
            default:
                break;
        }
        if (c < 0x20 || c == '\uFFFE' || c == '\uFFFF') {
            return "\uFFFD";
        }
        if (Character.isHighSurrogate(c)) {
            boolean paired = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            return paired ? null : "\uFFFD";
        }
        return Character.isLowSurrogate(c) ? "\uFFFD" : null;
    }
}
