package dev.heapscope.sim.lua53;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The translated source, piece by piece, each piece on the line of the source token it stands for, so
 * LuaJ's compiler gives every instruction the user's line. A piece may get a prefix later (the start of
 * an operator call wrapping the expression that begins at it).
 */
final class Emitter {
    private String[] text = new String[256];
    private String[] prefix = new String[256];
    private int[] line = new int[256];
    private int size;

    /** Where the next piece goes: remember it to wrap the expression that starts there. */
    int mark() {
        return size;
    }

    void emit(String piece, int onLine) {
        if (size == text.length) {
            text = Arrays.copyOf(text, size * 2);
            prefix = Arrays.copyOf(prefix, size * 2);
            line = Arrays.copyOf(line, size * 2);
        }
        text[size] = piece;
        prefix[size] = null;
        line[size] = size > 0 ? Math.max(onLine, line[size - 1]) : onLine;
        size++;
    }

    /** Emits on the line of the previous piece (for text the source does not have, such as a closing parenthesis). */
    void emitHere(String piece) {
        emit(piece, size > 0 ? line[size - 1] : 1);
    }

    /** Puts {@code before} in front of everything emitted since {@code mark} (outside earlier wraps). */
    void wrap(int mark, String before) {
        prefix[mark] = prefix[mark] == null ? before : before + prefix[mark];
    }

    byte[] render() {
        StringBuilder out = new StringBuilder(size * 6);
        int current = 1;
        for (int i = 0; i < size; i++) {
            while (current < line[i]) {
                out.append('\n');
                current++;
            }
            out.append(' ');
            if (prefix[i] != null) {
                out.append(prefix[i]);
            }
            out.append(text[i]);
        }
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A string literal LuaJ's 5.2 lexer reads back as exactly these bytes, on one line. */
    static String quote(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length + 2).append('"');
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c >= 32 && c < 127 && c != '"' && c != '\\') {
                out.append((char) c);
            } else {
                out.append('\\').append((char) ('0' + c / 100)).append((char) ('0' + c / 10 % 10)).append((char) ('0' + c % 10));
            }
        }
        return out.append('"').toString();
    }
}
