package dev.heapscope.sim.lua53;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The string constants the translation puts where the source has a numeral or a 5.3 operator, so that
 * LuaJ's compiler can neither fold nor normalize them; replaced after compilation by the number or the
 * operator function. They start with a NUL and a prefix no string of the script contains.
 */
final class Markers {
    private final String prefix;
    final Map<String, String> numerals = new LinkedHashMap<>();
    final Map<String, Integer> operators = new LinkedHashMap<>();

    private final byte[] prefixBytes;
    boolean collided;

    Markers(String prefix) {
        this.prefix = prefix;
        this.prefixBytes = prefix.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Notes a string of the script: one that starts like a marker would be mistaken for one. */
    void userString(byte[] string) {
        if (string.length >= prefixBytes.length && Arrays.equals(string, 0, prefixBytes.length, prefixBytes, 0, prefixBytes.length)) {
            collided = true;
        }
    }

    /** The quoted constant standing for a numeral. */
    String numeral(String spelling) {
        String marker = prefix + "n" + spelling;
        numerals.put(marker, spelling);
        return Emitter.quote(marker.getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * The start of a call of the function for operator {@code token} ({@link Operators}), in parentheses:
     * {@code return a & b} must not become a tail call, which LuaJ runs after the frame is gone.
     */
    String operatorCall(int token) {
        String marker = prefix + "o" + Tokens.spelling(token);
        operators.put(marker, token);
        return "((" + Emitter.quote(marker.getBytes(StandardCharsets.ISO_8859_1)) + ")(";
    }

    /** The unary {@code ~} (the binary one shares its token). */
    String bitNotCall() {
        String marker = prefix + "u~";
        operators.put(marker, Operators.BIT_NOT);
        return "((" + Emitter.quote(marker.getBytes(StandardCharsets.ISO_8859_1)) + ")(";
    }
}
