package dev.heapscope.model;

/** Formats 32-bit values the way HeapScope shows them everywhere: {@code 0x} + 8 lowercase digits. */
public final class Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    public static String of(int value) {
        char[] out = new char[10];
        out[0] = '0';
        out[1] = 'x';
        for (int i = 9; i >= 2; i--) {
            out[i] = DIGITS[value & 0xF];
            value >>>= 4;
        }
        return new String(out);
    }

    /** Parses {@code 0x…} (any case, any length up to 8 digits); -1L when it is not such a number. */
    public static long parse(CharSequence text) {
        int length = text.length();
        if (length < 3 || length > 10 || text.charAt(0) != '0' || (text.charAt(1) | 0x20) != 'x') {
            return -1L;
        }
        long value = 0;
        for (int i = 2; i < length; i++) {
            int digit = Character.digit(text.charAt(i), 16);
            if (digit < 0) {
                return -1L;
            }
            value = (value << 4) | digit;
        }
        return value;
    }
}
