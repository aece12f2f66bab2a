package dev.heapscope.export;

import java.io.IOException;

/**
 * RFC 4180 fields: quoted only when they hold a comma, a quote or a line break; quotes doubled.
 * Names come from the board, so a cell a spreadsheet would run as a formula (starting with
 * {@code = + - @}, a tab or a carriage return) gets a leading {@code '}, as OWASP advises for CSV
 * injection: the spreadsheet then shows the text instead of evaluating it.
 */
final class Csv {
    static final String LINE_END = "\r\n";
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private Csv() {
    }

    static void field(Appendable out, CharSequence text) throws IOException {
        if (text == null) {
            return;
        }
        CharSequence cell = neutralised(text);
        boolean quote = false;
        for (int i = 0; i < cell.length() && !quote; i++) {
            char c = cell.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            out.append(cell);
            return;
        }
        out.append('"');
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        out.append('"');
    }

    /** The text a spreadsheet shows as text: a leading quote before a formula's first character. */
    static CharSequence neutralised(CharSequence text) {
        if (text.length() > 0 && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
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
