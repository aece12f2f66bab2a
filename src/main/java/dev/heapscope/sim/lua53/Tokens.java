package dev.heapscope.sim.lua53;

/**
 * The token codes of the front end: a single-character token is its character (0-255), the others
 * follow in Lua 5.3's order of reserved words and symbols, so messages name them as llex.c does.
 */
final class Tokens {
    static final int FIRST = 257;
    private static final String[] NAMES = {
            "and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if",
            "in", "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while",
            "//", "..", "...", "==", ">=", "<=", "~=", "<<", ">>", "::", "<eof>",
            "<number>", "<integer>", "<name>", "<string>"};
    static final int AND = FIRST, BREAK = FIRST + 1, DO = FIRST + 2, ELSE = FIRST + 3, ELSEIF = FIRST + 4,
            END = FIRST + 5, FALSE = FIRST + 6, FOR = FIRST + 7, FUNCTION = FIRST + 8, GOTO = FIRST + 9,
            IF = FIRST + 10, IN = FIRST + 11, LOCAL = FIRST + 12, NIL = FIRST + 13, NOT = FIRST + 14,
            OR = FIRST + 15, REPEAT = FIRST + 16, RETURN = FIRST + 17, THEN = FIRST + 18, TRUE = FIRST + 19,
            UNTIL = FIRST + 20, WHILE = FIRST + 21;
    static final int IDIV = FIRST + 22, CONCAT = FIRST + 23, DOTS = FIRST + 24, EQ = FIRST + 25, GE = FIRST + 26,
            LE = FIRST + 27, NE = FIRST + 28, SHL = FIRST + 29, SHR = FIRST + 30, DBCOLON = FIRST + 31,
            EOS = FIRST + 32, FLT = FIRST + 33, INT = FIRST + 34, NAME = FIRST + 35, STRING = FIRST + 36;
    private static final int LAST_RESERVED = WHILE;
    private static final java.util.Map<String, Integer> RESERVED = new java.util.HashMap<>();

    static {
        for (int t = FIRST; t <= LAST_RESERVED; t++) {
            RESERVED.put(NAMES[t - FIRST], t);
        }
    }

    private Tokens() {
    }

    /** The reserved word spelled {@code word}, or -1 ({@code goto} is a plain name in Lua 5.1). */
    static int reserved(String word, boolean lua51) {
        Integer t = RESERVED.get(word);
        return t == null || lua51 && t == GOTO ? -1 : t;
    }

    /**
     * llex.c luaX_token2str: {@code '='}, {@code 'end'}, a non-printable byte as {@code '<\1>'}; {@code <eof>}
     * and the token classes unquoted (5.1 quotes everything, {@code '<eof>'}).
     */
    static String describe(int token, boolean lua51) {
        if (token < FIRST) {
            char c = (char) token;
            return c >= 32 && c < 127 ? "'" + c + "'" : "'<\\" + token + ">'";
        }
        String s = NAMES[token - FIRST];
        return token < EOS || lua51 ? "'" + s + "'" : s;
    }

    /** How the translation spells a keyword or symbol token. */
    static String spelling(int token) {
        return token < FIRST ? String.valueOf((char) token) : NAMES[token - FIRST];
    }

    /** Whether {@code token} ends a block (llex.c block_follow): else, elseif, end, eof, and until when asked. */
    static boolean blockFollow(int token, boolean withUntil) {
        return token == ELSE || token == ELSEIF || token == END || token == EOS || withUntil && token == UNTIL;
    }
}
