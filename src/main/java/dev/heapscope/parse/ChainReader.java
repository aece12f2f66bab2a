package dev.heapscope.parse;

import dev.heapscope.model.CallChain;
import dev.heapscope.model.CallChainInterner;

/**
 * Reads the {@code 0x…:0x…:} address lists of {@code caller} and {@code freed by}. Empty parts
 * (the trailing colon of a chain shorter than the configured depth) are skipped, zero slots
 * dropped, and {@code 0x40000000} (the "invalid" marker of IDF before v4.1) ends the chain.
 */
final class ChainReader {
    private static final int END_MARKER = 0x4000_0000;
    /** Hex digit values by character, -1 for any other: no {@code Character.digit} on the hot path. */
    private static final byte[] HEX = new byte[128];

    static {
        java.util.Arrays.fill(HEX, (byte) -1);
        for (int c = '0'; c <= '9'; c++) {
            HEX[c] = (byte) (c - '0');
        }
        for (int c = 'a'; c <= 'f'; c++) {
            HEX[c] = (byte) (c - 'a' + 10);
            HEX[c - 'a' + 'A'] = (byte) (c - 'a' + 10);
        }
    }

    private final CallChainInterner interner;
    private int[] frames = new int[16];
    private boolean malformed;

    ChainReader(CallChainInterner interner) {
        this.interner = interner;
    }

    /**
     * Reads a chain starting at {@code from} up to the first blank or the end of {@code text}.
     * A part that is not an address ends the chain and sets {@link #lastWasMalformed()}.
     */
    CallChain read(String text, int from) {
        malformed = false;
        int count = 0;
        int length = text.length();
        int i = from;
        boolean ended = false;
        while (i < length && text.charAt(i) != ' ' && text.charAt(i) != '\t') {
            int partEnd = i;
            while (partEnd < length && text.charAt(partEnd) != ':' && text.charAt(partEnd) != ' '
                    && text.charAt(partEnd) != '\t') {
                partEnd++;
            }
            if (partEnd > i && !ended) {
                long value = parseHex(text, i, partEnd);
                if (value < 0) {
                    malformed = true;
                    ended = true;
                } else if (value == END_MARKER) {
                    ended = true;
                } else if (value != 0) {
                    if (count == frames.length) {
                        frames = java.util.Arrays.copyOf(frames, count * 2);
                    }
                    frames[count++] = (int) value;
                }
            }
            i = partEnd < length && text.charAt(partEnd) == ':' ? partEnd + 1 : partEnd;
        }
        return interner.intern(frames, count);
    }

    /**
     * As {@link #read(String, int)} over the bytes {@code b[from, to)} (no blank inside), for
     * {@link RecordBytes}: the chain, or null when a part is not an address.
     */
    CallChain read(byte[] b, int from, int to) {
        int count = 0;
        int i = from;
        boolean ended = false;
        while (i < to) {
            int partEnd = i;
            while (partEnd < to && b[partEnd] != ':') {
                partEnd++;
            }
            if (partEnd > i && !ended) {
                long value = parseHex(b, i, partEnd);
                if (value < 0) {
                    return null;
                } else if (value == END_MARKER) {
                    ended = true;
                } else if (value != 0) {
                    if (count == frames.length) {
                        frames = java.util.Arrays.copyOf(frames, count * 2);
                    }
                    frames[count++] = (int) value;
                }
            }
            i = partEnd + 1;
        }
        return interner.intern(frames, count);
    }

    boolean lastWasMalformed() {
        return malformed;
    }

    /** {@code 0x} + 1–8 hex digits in {@code b[from, to)}; -1 otherwise. */
    static long parseHex(byte[] b, int from, int to) {
        int digits = to - from - 2;
        if (digits < 1 || digits > 8 || b[from] != '0' || (b[from + 1] | 0x20) != 'x') {
            return -1;
        }
        long value = 0;
        for (int i = from + 2; i < to; i++) {
            int digit = b[i] >= 0 ? HEX[b[i]] : -1;
            if (digit < 0) {
                return -1;
            }
            value = (value << 4) | digit;
        }
        return value;
    }

    /** {@code 0x} + 1–8 hex digits in {@code text[from, to)}; -1 otherwise. */
    static long parseHex(String text, int from, int to) {
        int digits = to - from - 2;
        if (digits < 1 || digits > 8 || text.charAt(from) != '0' || (text.charAt(from + 1) | 0x20) != 'x') {
            return -1;
        }
        long value = 0;
        for (int i = from + 2; i < to; i++) {
            char c = text.charAt(i);
            int digit = c < 128 ? HEX[c] : -1;
            if (digit < 0) {
                return -1;
            }
            value = (value << 4) | digit;
        }
        return value;
    }
}
