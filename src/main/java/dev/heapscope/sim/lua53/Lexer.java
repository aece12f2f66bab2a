package dev.heapscope.sim.lua53;

import org.luaj.vm2.LuaError;

import java.nio.charset.StandardCharsets;

/**
 * Lua 5.3's lexical rules (llex.c), one token at a time with one token of lookahead, so errors arise in
 * the order the board's parser meets them. Keeps, per token, its first line (where the translation puts
 * it) and the text an error names it by; {@link #line} is the line the scan has reached, which is the
 * line Lua's messages carry.
 */
final class Lexer {
    private final byte[] src;
    private final String chunk;
    final boolean lua51;
    private int pos;
    int line = 1;

    int token;
    int tokenLine;
    String text;       // a name's or numeral's spelling
    byte[] string;     // a string's value
    private String near;

    private boolean hasAhead;
    private int aheadToken, aheadLine;
    private String aheadText, aheadNear;
    private byte[] aheadString;

    // llex.c's buffer: the raw text of the token being scanned, which lexical errors quote
    private byte[] buffer = new byte[64];
    private int buffered;

    Lexer(byte[] src, String chunkName, boolean lua51) {
        this.src = src;
        this.chunk = ChunkId.of(chunkName);
        this.lua51 = lua51;
        if (chunkName.startsWith("@") && src.length > 0 && src[0] == '#') { // files only: lauxlib.c skipcomment
            while (pos < src.length && src[pos] != '\n' && src[pos] != '\r') {
                pos++;
            }
        }
    }

    void next() {
        if (hasAhead) {
            hasAhead = false;
            token = aheadToken;
            tokenLine = aheadLine;
            text = aheadText;
            near = aheadNear;
            string = aheadString;
            return;
        }
        token = scan();
        near = bufferText();
    }

    /** The token after the current one (llex.c luaX_lookahead). */
    int lookahead() {
        int t = token, l = tokenLine;
        String x = text, n = near;
        byte[] s = string;
        next();
        aheadToken = token;
        aheadLine = tokenLine;
        aheadText = text;
        aheadNear = near;
        aheadString = string;
        hasAhead = true;
        token = t;
        tokenLine = l;
        text = x;
        near = n;
        string = s;
        return aheadToken;
    }

    /** A lexical error while scanning, near the text scanned so far (llex.c lexerror). */
    LuaError error(String message, int nearToken) {
        return located(message, nearToken, bufferText());
    }

    /** An error about the current token (lparser.c luaX_syntaxerror). */
    LuaError syntaxError(String message) {
        return located(message, token, near);
    }

    /** An error without a token (lparser.c semerror). */
    LuaError semanticError(String message) {
        return located(message, 0, null);
    }

    private LuaError located(String message, int nearToken, String spelled) {
        String at = chunk + ":" + line + ": " + message;
        if (nearToken == 0) {
            return new LuaError(at);
        }
        String what = switch (nearToken) {
            case Tokens.NAME, Tokens.STRING, Tokens.FLT, Tokens.INT -> "'" + spelled + "'";
            default -> Tokens.describe(nearToken, lua51);
        };
        return new LuaError(at + " near " + what);
    }

    String bufferText() {
        return new String(buffer, 0, buffered, StandardCharsets.ISO_8859_1);
    }

    private int current() {
        return pos < src.length ? src[pos] & 0xff : -1;
    }

    private int peek(int ahead) {
        return pos + ahead < src.length ? src[pos + ahead] & 0xff : -1;
    }

    private void save(int c) {
        if (buffered == buffer.length) {
            buffer = java.util.Arrays.copyOf(buffer, buffered * 2);
        }
        buffer[buffered++] = (byte) c;
    }

    private void saveAndNext() {
        save(current());
        pos++;
    }

    private static boolean isNewline(int c) {
        return c == '\n' || c == '\r';
    }

    /** Skips \n, \r, \n\r or \r\n as one line break. */
    private void newline() {
        int old = current();
        pos++;
        if (isNewline(current()) && current() != old) {
            pos++;
        }
        line++;
    }

    private boolean accept(char c) {
        if (current() == c) {
            pos++;
            return true;
        }
        return false;
    }

    private int scan() {
        buffered = 0;
        text = null;
        string = null;
        for (;;) {
            tokenLine = line;
            int c = current();
            switch (c) {
                case '\n', '\r' -> newline();
                case ' ', '\f', '\t', 0x0b -> pos++;
                case '-' -> {
                    pos++;
                    if (current() != '-') {
                        return '-';
                    }
                    pos++;
                    skipComment();
                }
                case '[' -> {
                    int level = LongBrackets.level(this);
                    if (level >= 0) {
                        string = LongBrackets.read(this, level, true);
                        return Tokens.STRING;
                    }
                    if (level != -1) {
                        throw error("invalid long string delimiter", Tokens.STRING);
                    }
                    return '[';
                }
                case '=' -> {
                    pos++;
                    return accept('=') ? Tokens.EQ : '=';
                }
                case '<' -> {
                    pos++;
                    return accept('=') ? Tokens.LE : !lua51 && accept('<') ? Tokens.SHL : '<';
                }
                case '>' -> {
                    pos++;
                    return accept('=') ? Tokens.GE : !lua51 && accept('>') ? Tokens.SHR : '>';
                }
                case '/' -> {
                    pos++;
                    return !lua51 && accept('/') ? Tokens.IDIV : '/';
                }
                case '~' -> {
                    pos++;
                    return accept('=') ? Tokens.NE : '~';
                }
                case ':' -> {
                    pos++;
                    return !lua51 && accept(':') ? Tokens.DBCOLON : ':';
                }
                case '"', '\'' -> {
                    string = StringLiterals.read(this, c);
                    return Tokens.STRING;
                }
                case '.' -> {
                    saveAndNext();
                    if (accept('.')) {
                        return accept('.') ? Tokens.DOTS : Tokens.CONCAT;
                    }
                    if (!Character.isDigit(current())) {
                        return '.';
                    }
                    return Numerals.scan(this);
                }
                case -1 -> {
                    return Tokens.EOS;
                }
                default -> {
                    if (c >= '0' && c <= '9') {
                        return Numerals.scan(this);
                    }
                    if (isAlpha(c)) {
                        do {
                            saveAndNext();
                        } while (isAlpha(current()) || Character.isDigit(current()));
                        text = bufferText();
                        int reserved = Tokens.reserved(text, lua51);
                        return reserved >= 0 ? reserved : Tokens.NAME;
                    }
                    pos++;
                    return c;
                }
            }
        }
    }

    static boolean isAlpha(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    private void skipComment() {
        if (current() == '[') {
            int level = LongBrackets.level(this);
            buffered = 0;
            if (level >= 0) {
                LongBrackets.read(this, level, false);
                buffered = 0;
                return;
            }
        }
        while (!isNewline(current()) && current() != -1) {
            pos++;
        }
    }

    // the character-level access the string and long-bracket readers share

    int at() {
        return current();
    }

    int at(int ahead) {
        return peek(ahead);
    }

    void skip() {
        pos++;
    }

    void keep() {
        saveAndNext();
    }

    void keep(int c) {
        save(c);
    }

    void unkeep(int n) {
        buffered -= n;
    }

    void lineBreak() {
        newline();
    }

    byte[] kept(int from, int trimEnd) {
        return java.util.Arrays.copyOfRange(buffer, from, buffered - trimEnd);
    }
}
