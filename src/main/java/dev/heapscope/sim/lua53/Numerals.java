package dev.heapscope.sim.lua53;

import java.util.regex.Pattern;

/** Which numerals the board's lexer accepts (lobject.c luaO_str2num: C's strtod, hexadecimal with lua_strx2number). */
final class Numerals {
    private static final Pattern DECIMAL = Pattern.compile("(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern HEX = Pattern.compile("0[xX]([0-9a-fA-F]+\\.?[0-9a-fA-F]*|\\.[0-9a-fA-F]+)([pP][+-]?\\d+)?");
    private static final Pattern HEX_51 = Pattern.compile("0[xX][0-9a-fA-F]+");

    private Numerals() {
    }

    static boolean isWellFormed(String text, boolean lua51) {
        return DECIMAL.matcher(text).matches() || (lua51 ? HEX_51 : HEX).matcher(text).matches();
    }

    /** A float numeral has a point or an exponent; hexadecimal digits e and E are no exponent. */
    static boolean isFloat(String text) {
        boolean hex = text.length() > 1 && (text.charAt(1) == 'x' || text.charAt(1) == 'X');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.' || (hex ? c == 'p' || c == 'P' : c == 'e' || c == 'E')) {
                return true;
            }
        }
        return false;
    }
}
