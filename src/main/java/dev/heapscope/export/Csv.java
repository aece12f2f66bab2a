package dev.heapscope.export;

import java.io.IOException;

/** RFC 4180 fields: quoted only when they hold a comma, a quote or a line break; quotes doubled. */
final class Csv {
    static final String LINE_END = "\r\n";

    private Csv() {
    }

    static void field(Appendable out, CharSequence text) throws IOException {
        if (text == null) {
            return;
        }
        boolean quote = false;
        for (int i = 0; i < text.length() && !quote; i++) {
            char c = text.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            out.append(text);
            return;
        }
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        out.append('"');
    }

    /** One row: fields separated by commas, ended by CRLF. */
    static void row(Appendable out, CharSequence... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            field(out, fields[i]);
        }
        out.append(LINE_END);
    }
}
