package dev.heapscope.sim.lua53;

import java.util.regex.Pattern;

/** Which numerals the board's lexer accepts (lobject.c luaO_str2num: C's strtod, hexadecimal with lua_strx2number). */
final class Numerals {
    private static final Pattern DECIMAL = Pattern.compile("(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern HEX = Pattern.compile("0[xX]([0-9a-fA-F]+\\.?[0-9a-fA-F]*|\\.[0-9a-fA-F]+)([pP][+-]?\\d+)?");
    private static final Pattern HEX_51 = Pattern.compile("0[xX][0-9a-fA-F]+");

    private Numerals() {
    }

    /** llex.c read_numeral: takes digits, points and exponents liberally, then checks the whole. */
    static int scan(Lexer lex) {
        String exponent = "Ee";
        int first = lex.at();
        lex.keep();
        if (first == '0' && (lex.at() == 'x' || lex.at() == 'X')) {
            lex.keep();
            exponent = "Pp";
        }
        for (;;) {
            int c = lex.at();
            if (c >= 0 && exponent.indexOf(c) >= 0) {
                lex.keep();
                if (lex.at() == '+' || lex.at() == '-') {
                    lex.keep();
                }
            } else if (Character.digit(c, 16) >= 0 || c == '.' || lex.lua51 && (Lexer.isAlpha(c) || Character.isDigit(c))) {
                lex.keep(); // Lua 5.1 reads letters into the numeral too: 3x is one malformed number
            } else {
                break;
            }
        }
        lex.text = lex.bufferText();
        if (!isWellFormed(lex.text, lex.lua51)) {
            throw lex.error("malformed number", Tokens.FLT);
        }
        return isFloat(lex.text) ? Tokens.FLT : Tokens.INT;
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
