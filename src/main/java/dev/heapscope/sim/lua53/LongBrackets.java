package dev.heapscope.sim.lua53;

/** Long strings and long comments, {@code [==[ ... ]==]} (llex.c skip_sep and read_long_string). */
final class LongBrackets {
    private LongBrackets() {
    }

    /**
     * At a {@code [} or {@code ]}: the number of {@code =} of a well-formed bracket, else -1 when there is
     * no {@code =} at all and less than -1 when the second bracket is missing after some.
     */
    static int level(Lexer lex) {
        int bracket = lex.at();
        lex.keep();
        int count = 0;
        while (lex.at() == '=') {
            lex.keep();
            count++;
        }
        return lex.at() == bracket ? count : -count - 1;
    }

    /** Reads the body after the first bracket; the string's bytes, or null for a comment. */
    static byte[] read(Lexer lex, int level, boolean isString) {
        int startLine = lex.line;
        lex.keep();
        if (lex.at() == '\n' || lex.at() == '\r') {
            lex.lineBreak(); // a first newline is not part of the string
        }
        for (;;) {
            int c = lex.at();
            switch (c) {
                case -1 -> throw lex.error("unfinished long " + (isString ? "string" : "comment")
                        + " (starting at line " + startLine + ")", Tokens.EOS);
                case ']' -> {
                    if (level(lex) == level) {
                        lex.keep();
                        return isString ? lex.kept(2 + level, 2 + level) : null;
                    }
                }
                case '\n', '\r' -> {
                    lex.keep('\n');
                    lex.lineBreak();
                }
                default -> {
                    if (isString) {
                        lex.keep();
                    } else {
                        lex.skip();
                    }
                }
            }
        }
    }
}
