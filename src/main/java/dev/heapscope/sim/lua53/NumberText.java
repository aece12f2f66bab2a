package dev.heapscope.sim.lua53;

import org.luaj.vm2.LuaValue;

import java.util.regex.Pattern;

/**
 * Numbers to text and back as the board's Lua 5.3 does it: lobject.c {@code l_str2int} (decimal that
 * overflows is not an integer, hex wraps) then {@code l_str2d} ({@code strtof}, hex floats with a
 * {@code p} exponent, no {@code inf}/{@code nan}); {@code lua_Number2str} is {@code "%.7g"} plus
 * {@code ".0"} when the text looks like an integer.
 */
final class NumberText {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern HEX = Pattern.compile("([+-]?)0[xX](\\p{XDigit}+\\.?\\p{XDigit}*|\\.\\p{XDigit}+)([pP][+-]?\\d+)?");
    private static final CFormat FLOAT_FORMAT = CFormat.of('g', 7);
    private static final CFormat DOUBLE_FORMAT = CFormat.of('g', 14);

    private NumberText() {
    }

    static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    static String trim(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && isSpace(s.charAt(from))) {
            from++;
        }
        while (to > from && isSpace(s.charAt(to - 1))) {
            to--;
        }
        return s.substring(from, to);
    }

    /** luaO_str2num: an integer if the text is one that fits, else a float; null if not a numeral. */
    static LuaValue parse(String s) {
        String text = trim(s);
        Integer i = parseInteger(text);
        if (i != null) {
            return Int32.of(i);
        }
        Double d = parseDouble(text, true);
        return d == null ? null : Float32.of((float) (double) d);
    }

    /** l_str2int: decimal refusing overflow, hex wrapping around 32 bits. */
    static Integer parseInteger(String text) {
        int at = 0;
        boolean negative = false;
        if (at < text.length() && (text.charAt(at) == '-' || text.charAt(at) == '+')) {
            negative = text.charAt(at) == '-';
            at++;
        }
        if (at + 1 < text.length() && text.charAt(at) == '0' && (text.charAt(at + 1) | 0x20) == 'x') {
            at += 2;
            int value = 0;
            int start = at;
            for (; at < text.length() && Character.digit(text.charAt(at), 16) >= 0; at++) {
                value = value * 16 + Character.digit(text.charAt(at), 16);
            }
            return at == start || at != text.length() ? null : negative ? -value : value;
        }
        long value = 0;
        int start = at;
        for (; at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9'; at++) {
            value = value * 10 + (text.charAt(at) - '0');
            if (value > 2147483648L) {
                return null;
            }
        }
        if (at == start || at != text.length() || (!negative && value > Integer.MAX_VALUE)) {
            return null;
        }
        return (int) (negative ? -value : value);
    }

    /**
     * l_str2d on trimmed text; {@code single} rounds once, straight to a float, as {@code strtof} does.
     * Returns the value as a double (exact for a float).
     */
    static Double parseDouble(String text, boolean single) {
        if (text.indexOf('n') >= 0 || text.indexOf('N') >= 0) {
            return null;
        }
        if (DECIMAL.matcher(text).matches()) {
            return single ? (double) Float.parseFloat(text) : Double.parseDouble(text);
        }
        var hex = HEX.matcher(text);
        if (hex.matches()) {
            String java = hex.group(1) + "0x" + hex.group(2) + (hex.group(3) == null ? "p0" : hex.group(3));
            return single ? (double) Float.parseFloat(java) : Double.parseDouble(java);
        }
        return null;
    }

    /** lua_Number2str of the single-precision build. */
    static String floatText(float f) {
        if (f != f) {
            return Float.floatToRawIntBits(f) < 0 ? "-nan" : "nan";
        }
        String text = FLOAT_FORMAT.floating(f);
        return looksLikeInteger(text) ? text + ".0" : text;
    }

    /** The 5.1 build's {@code "%.14g"}. */
    static String doubleText(double d) {
        if (d != d) {
            return Double.doubleToRawLongBits(d) < 0 ? "-nan" : "nan";
        }
        return DOUBLE_FORMAT.floating(d);
    }

    private static boolean looksLikeInteger(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '-' && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }
}
