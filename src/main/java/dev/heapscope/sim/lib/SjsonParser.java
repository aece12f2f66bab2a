package dev.heapscope.sim.lib;

/**
 * A streaming JSON scanner with jsonsl's rules as sjson uses them: every element (object, list, string,
 * key, number/true/false/null) is pushed one level deeper than its container and popped when it ends; a push
 * at level {@code levels - 1} or deeper fails with {@code LEVELS_EXCEEDED}; errors carry jsonsl's names. It
 * keeps no text: the listener reads an element's bytes from its own buffer, by absolute position.
 */
final class SjsonParser {
    enum Kind { OBJECT, LIST, STRING, HKEY, SPECIAL }

    /** What a container expects next. */
    private enum Phase { OPENED, KEY_DONE, COLON, VALUE_DONE, COMMA }

    interface Listener {
        void pushed(Kind kind, int level, long posBegin);

        /** {@code special} is the text of a true/false/null, else null (a number: read it from the buffer). */
        void popped(Kind kind, int level, long posBegin, long posCur, String special);

        boolean complete();
    }

    private final int levels;
    private final Listener listener;
    private final Kind[] kinds;
    private final long[] begins;
    private final Phase[] phases;
    private final StringBuilder special = new StringBuilder();
    private int level;
    private long pos;
    private boolean inEscape;
    private int unicodeDigits;

    SjsonParser(int levels, Listener listener) {
        this.levels = levels;
        this.listener = listener;
        this.kinds = new Kind[levels + 1];
        this.begins = new long[levels + 1];
        this.phases = new Phase[levels + 1];
    }

    /** Scans the next piece; returns jsonsl's error name, or null. Stops once the top-level value has closed. */
    String feed(byte[] bytes) {
        for (byte b : bytes) {
            if (listener.complete()) {
                return null;
            }
            String error = next(b & 0xff);
            if (error != null) {
                return error;
            }
            pos++;
        }
        return null;
    }

    private String next(int c) {
        Kind top = level == 0 ? null : kinds[level];
        if (top == Kind.STRING || top == Kind.HKEY) {
            return inString(c);
        }
        if (top == Kind.SPECIAL) {
            if (!(c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == ']' || c == '}' || c == ':')) {
                special.append((char) c);
                return null;
            }
            String error = endSpecial();
            if (error != null) {
                return error;
            }
        }
        switch (c) {
            case ' ', '\t', '\n', '\r' -> {
                return null;
            }
            case '"' -> {
                if (level == 0) {
                    return "STRING_OUTSIDE_CONTAINER";
                }
                Phase phase = phases[level];
                if (kinds[level] == Kind.OBJECT && (phase == Phase.OPENED || phase == Phase.COMMA)) {
                    return push(Kind.HKEY, Phase.KEY_DONE);
                }
                return canInsert() ? push(Kind.STRING, Phase.VALUE_DONE) : "CANT_INSERT";
            }
            case ':' -> {
                if (level == 0 || phases[level] != Phase.KEY_DONE) {
                    return "STRAY_TOKEN";
                }
                phases[level] = Phase.COLON;
                return null;
            }
            case ',' -> {
                if (level == 0 || phases[level] != Phase.VALUE_DONE) {
                    return "STRAY_TOKEN";
                }
                phases[level] = Phase.COMMA;
                return null;
            }
            case '{', '[' -> {
                String refused = refusedValue();
                if (refused != null) {
                    return refused;
                }
                String error = push(c == '{' ? Kind.OBJECT : Kind.LIST, Phase.VALUE_DONE);
                if (error == null) {
                    phases[level] = Phase.OPENED;
                }
                return error;
            }
            case '}', ']' -> {
                return close(c);
            }
            default -> {
                return startSpecial(c);
            }
        }
    }

    private String inString(int c) {
        if (unicodeDigits > 0) {
            if (Character.digit(c, 16) < 0) {
                return "UESCAPE_TOOSHORT";
            }
            unicodeDigits--;
        } else if (inEscape) {
            if ("\"\\/bfnrtu".indexOf(c) < 0) {
                return "ESCAPE_INVALID";
            }
            inEscape = false;
            unicodeDigits = c == 'u' ? 4 : 0;
        } else if (c == '\\') {
            inEscape = true;
        } else if (c == '"') {
            pop(null);
        }
        return null;
    }

    private boolean canInsert() {
        if (level == 0) {
            return true; // a bare value at the top: it never completes the decode
        }
        Phase phase = phases[level];
        return kinds[level] == Kind.LIST ? phase == Phase.OPENED || phase == Phase.COMMA : phase == Phase.COLON;
    }

    private String refusedValue() {
        if (level > 0 && kinds[level] == Kind.OBJECT && (phases[level] == Phase.OPENED || phases[level] == Phase.COMMA)) {
            return "HKEY_EXPECTED";
        }
        return canInsert() ? null : "CANT_INSERT";
    }

    private String startSpecial(int c) {
        if (!(c == '-' || (c >= '0' && c <= '9') || c == 't' || c == 'f' || c == 'n')) {
            return c == 0 ? "FOUND_NULL_BYTE" : c < 0x20 ? "WEIRD_WHITESPACE" : "SPECIAL_EXPECTED";
        }
        String refused = refusedValue();
        if (refused != null) {
            return refused;
        }
        special.setLength(0);
        special.append((char) c);
        return push(Kind.SPECIAL, Phase.VALUE_DONE);
    }

    private String endSpecial() {
        String text = special.toString();
        char first = text.charAt(0);
        if (first == 't' || first == 'f' || first == 'n') {
            String word = first == 't' ? "true" : first == 'f' ? "false" : "null";
            if (!text.equals(word)) {
                return word.startsWith(text) ? "SPECIAL_INCOMPLETE" : "SPECIAL_EXPECTED";
            }
            pop(text);
        } else {
            pop(null);
        }
        return null;
    }

    private String push(Kind kind, Phase parentPhaseAfter) {
        if (level >= levels - 1) {
            return "LEVELS_EXCEEDED";
        }
        if (level > 0) {
            phases[level] = parentPhaseAfter;
        }
        level++;
        kinds[level] = kind;
        begins[level] = pos;
        inEscape = false;
        unicodeDigits = 0;
        listener.pushed(kind, level, pos);
        return null;
    }

    private void pop(String specialText) {
        int popped = level;
        level--;
        listener.popped(kinds[popped], popped, begins[popped], pos, specialText);
    }

    private String close(int c) {
        if (level == 0) {
            return "BRACKET_MISMATCH";
        }
        Phase phase = phases[level];
        if (phase == Phase.COMMA) {
            return "TRAILING_COMMA";
        }
        if ((c == ']') != (kinds[level] == Kind.LIST)) {
            return "BRACKET_MISMATCH";
        }
        if (phase == Phase.KEY_DONE || phase == Phase.COLON) {
            return "VALUE_EXPECTED";
        }
        pop(null);
        return null;
    }
}
