package dev.heapscope.sim.lua53;

/**
 * Short strings with Lua 5.3's escapes (llex.c read_string): {@code \a \b \f \n \r \t \v \\ \" \'}, an
 * escaped line break, {@code \z}, {@code \xXX}, {@code \ddd}, {@code \}{@code u{XXX}}, and its error messages,
 * which quote the string as read so far.
 */
final class StringLiterals {
    private StringLiterals() {
    }

    static byte[] read(Lexer lex, int delimiter) {
        lex.keep();
        while (lex.at() != delimiter) {
            int c = lex.at();
            switch (c) {
                case -1 -> throw lex.error("unfinished string", Tokens.EOS);
                case '\n', '\r' -> throw lex.error("unfinished string", Tokens.STRING);
                case '\\' -> escape(lex);
                default -> lex.keep();
            }
        }
        lex.keep();
        return lex.kept(1, 1);
    }

    private static void escape(Lexer lex) {
        lex.keep(); // the backslash stays for error messages until the escape is complete
        int c = lex.at();
        int value;
        switch (c) {
            case 'a' -> value = 7;
            case 'b' -> value = '\b';
            case 'f' -> value = '\f';
            case 'n' -> value = '\n';
            case 'r' -> value = '\r';
            case 't' -> value = '\t';
            case 'v' -> value = 0x0b;
            case '\\', '"', '\'' -> value = c;
            case 'x' -> {
                if (lex.lua51) {
                    value = c;
                    break;
                }
                int high = hexDigit(lex);
                int low = hexDigit(lex);
                lex.unkeep(3);
                lex.keep((high << 4) + low);
                lex.skip();
                return;
            }
            case 'u' -> {
                if (lex.lua51) {
                    value = c;
                    break;
                }
                utf8(lex);
                return;
            }
            case '\n', '\r' -> {
                lex.lineBreak();
                lex.unkeep(1);
                lex.keep('\n');
                return;
            }
            case -1 -> {
                return; // the loop reports the unfinished string
            }
            case 'z' -> {
                if (lex.lua51) {
                    value = c;
                    break;
                }
                lex.unkeep(1);
                lex.skip();
                while (isSpace(lex.at())) {
                    if (lex.at() == '\n' || lex.at() == '\r') {
                        lex.lineBreak();
                    } else {
                        lex.skip();
                    }
                }
                return;
            }
            default -> {
                if (!Character.isDigit(c)) {
                    if (lex.lua51) { // Lua 5.1 keeps an unknown escaped character as itself
                        value = c;
                        break;
                    }
                    check(lex, false, "invalid escape sequence");
                }
                decimal(lex);
                return;
            }
        }
        lex.skip();
        lex.unkeep(1);
        lex.keep(value);
    }

    private static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
    }

    /** llex.c esccheck: the offending character joins the quoted text. */
    private static void check(Lexer lex, boolean ok, String message) {
        if (!ok) {
            if (lex.at() != -1) {
                lex.keep();
            }
            throw lex.error(message, Tokens.STRING);
        }
    }

    private static int hexDigit(Lexer lex) {
        lex.keep();
        int digit = Character.digit(lex.at(), 16);
        check(lex, lex.at() >= 0 && digit >= 0, "hexadecimal digit expected");
        return digit;
    }

    private static void decimal(Lexer lex) {
        int value = 0;
        int digits = 0;
        while (digits < 3 && lex.at() >= '0' && lex.at() <= '9') {
            value = value * 10 + lex.at() - '0';
            lex.keep();
            digits++;
        }
        check(lex, value <= 255, "decimal escape too large");
        lex.unkeep(digits + 1);
        lex.keep(value);
    }

    private static void utf8(Lexer lex) {
        int kept = 4; // backslash, u, brace, first digit
        lex.keep();
        check(lex, lex.at() == '{', "missing '{'");
        long value = hexDigit(lex);
        for (;;) {
            lex.keep();
            int digit = Character.digit(lex.at(), 16);
            if (lex.at() < 0 || digit < 0) {
                break;
            }
            kept++;
            value = (value << 4) + digit;
            check(lex, value <= 0x10FFFF, "UTF-8 value too large");
        }
        check(lex, lex.at() == '}', "missing '}'");
        lex.skip();
        lex.unkeep(kept);
        for (byte b : Utf8.encode((int) value)) {
            lex.keep(b & 0xff);
        }
    }
}
