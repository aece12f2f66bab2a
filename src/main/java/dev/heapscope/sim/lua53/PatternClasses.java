package dev.heapscope.sim.lua53;

import org.luaj.vm2.LuaError;

/**
 * The single-character parts of a Lua pattern: where a class ends ({@code %a}, {@code [^%d-]}, {@code .}),
 * and whether a byte belongs to it, with the C locale's classes as the board's newlib has them.
 */
final class PatternClasses {
    private static final int ESC = '%';
    private final byte[] p;
    private final int pOffset;
    private final int pLength;

    PatternClasses(byte[] p, int pOffset, int pLength) {
        this.p = p;
        this.pOffset = pOffset;
        this.pLength = pLength;
    }

    private int patternByte(int i) {
        return p[pOffset + i] & 0xff;
    }

    int classEnd(int pi) {
        int c = patternByte(pi++);
        if (c == ESC) {
            if (pi >= pLength) {
                throw new LuaError("malformed pattern (ends with '%')");
            }
            return pi + 1;
        }
        if (c == '[') {
            if (pi < pLength && patternByte(pi) == '^') {
                pi++;
            }
            do { // the first character of a set may be a ']'
                if (pi >= pLength) {
                    throw new LuaError("malformed pattern (missing ']')");
                }
                int d = patternByte(pi++);
                if (d == ESC && pi < pLength) {
                    pi++;
                }
            } while (pi >= pLength || patternByte(pi) != ']');
            return pi + 1;
        }
        return pi;
    }

    boolean singleMatch(int c, int pi, int ep) {
        int pc = patternByte(pi);
        return switch (pc) {
            case '.' -> true;
            case ESC -> matchClass(c, patternByte(pi + 1));
            case '[' -> matchBracketClass(c, pi, ep - 1);
            default -> pc == c;
        };
    }

    /** {@code pi} at the '[', {@code end} at the closing ']'. */
    boolean matchBracketClass(int c, int pi, int end) {
        boolean found = true;
        if (patternByte(pi + 1) == '^') {
            found = false;
            pi++;
        }
        while (++pi < end) {
            int pc = patternByte(pi);
            if (pc == ESC) {
                pi++;
                if (matchClass(c, patternByte(pi))) {
                    return found;
                }
            } else if (pi + 2 < end && patternByte(pi + 1) == '-') {
                pi += 2;
                if (pc <= c && c <= patternByte(pi)) {
                    return found;
                }
            } else if (pc == c) {
                return found;
            }
        }
        return !found;
    }

    /** The C locale's classes (ctype.h), as the board's newlib has them. */
    static boolean matchClass(int c, int classLetter) {
        boolean result;
        switch (Character.toLowerCase(classLetter)) {
            case 'a' -> result = isAlpha(c);
            case 'c' -> result = c < 32 || c == 127;
            case 'd' -> result = c >= '0' && c <= '9';
            case 'g' -> result = c > 32 && c < 127;
            case 'l' -> result = c >= 'a' && c <= 'z';
            case 'p' -> result = c > 32 && c < 127 && !isAlpha(c) && !(c >= '0' && c <= '9');
            case 's' -> result = c == ' ' || (c >= 9 && c <= 13);
            case 'u' -> result = c >= 'A' && c <= 'Z';
            case 'w' -> result = isAlpha(c) || (c >= '0' && c <= '9');
            case 'x' -> result = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            default -> {
                return classLetter == c;
            }
        }
        return Character.isUpperCase(classLetter) != result;
    }

    private static boolean isAlpha(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
