package dev.heapscope.parse;

import dev.heapscope.model.CallChain;
import dev.heapscope.model.Region;

/**
 * Reads a record line straight from the framer's bytes, without a {@code String} or any object per line
 * (the fields are left in this reader), for the lines of a big dump. It accepts only a whole, well-formed
 * record line with nothing after it but blanks, the line {@link RecordLineReader} reads without a warning;
 * for anything else it answers false and the line takes the ordinary path, which reads or warns. Such a
 * line holds only digits, hex, the fixed words and blanks, so it is never a board event, a monitor line, a
 * header or a crash either.
 */
final class RecordBytes {
    private final ChainReader chains;

    int size;
    int address;
    Region region;
    int cpu;
    int ccount;
    CallChain caller;
    boolean hasLabel;
    boolean callerKeyword;
    boolean freedSuffix;

    RecordBytes(ChainReader chains) {
        this.chains = chains;
    }

    /** Reads {@code b[from, to)}; false (fields undefined) unless it is a clean record line. */
    boolean read(byte[] b, int from, int to) {
        int i = skipBlanks(b, from, to);
        int sizeStart = i;
        long value = 0;
        while (i < to && isDigit(b[i]) && i - sizeStart < 10) {
            value = value * 10 + (b[i++] - '0');
        }
        if (i == sizeStart || value > Integer.MAX_VALUE || !at(b, i, to, " bytes (@ ")) {
            return false;
        }
        size = (int) value;
        i += 10;
        int addressStart = i;
        while (i < to && b[i] != ',' && b[i] != ')') {
            i++;
        }
        long parsed = ChainReader.parseHex(b, addressStart, i);
        if (parsed < 0 || i >= to) {
            return false;
        }
        address = (int) parsed;
        region = null;
        hasLabel = b[i] == ',';
        if (hasLabel) {
            int labelStart = skipBlanks(b, i + 1, to);
            if (at(b, labelStart, to, "Internal)")) {
                region = Region.INTERNAL;
            } else if (at(b, labelStart, to, "PSRAM)")) {
                region = Region.PSRAM;
            } else {
                return false; // another label: the ordinary path reads it
            }
            i = labelStart + (region == Region.INTERNAL ? 8 : 5);
        }
        i++; // ')'
        if (!at(b, i, to, " allocated CPU ")) {
            return false;
        }
        i += 15;
        int cpuStart = i;
        cpu = 0;
        while (i < to && isDigit(b[i]) && i - cpuStart < 3) {
            cpu = cpu * 10 + (b[i++] - '0');
        }
        if (i == cpuStart || !at(b, i, to, " ccount ")) {
            return false;
        }
        i += 8;
        int ccountStart = i;
        while (i < to && b[i] != ' ') {
            i++;
        }
        parsed = ChainReader.parseHex(b, ccountStart, i);
        if (parsed < 0) {
            return false;
        }
        ccount = (int) parsed;
        return readTail(b, i, to);
    }

    private boolean readTail(byte[] b, int i, int to) {
        caller = CallChain.EMPTY;
        callerKeyword = false;
        freedSuffix = false;
        if (at(b, i, to, " caller")) {
            callerKeyword = true;
            i += 7;
            if (i < to && b[i] == ' ') {
                int chainEnd = i + 1;
                while (chainEnd < to && b[chainEnd] != ' ' && b[chainEnd] != '\t') {
                    chainEnd++;
                }
                caller = chains.read(b, i + 1, chainEnd);
                if (caller == null) {
                    return false; // a part that is not an address: the ordinary path warns
                }
                i = chainEnd;
            }
        } else if (at(b, i, to, " freed") && (i + 6 == to || b[i + 6] == ' ')) {
            freedSuffix = true;
            i += 6;
        }
        return skipBlanks(b, i, to) == to;
    }

    private static boolean at(byte[] b, int i, int to, String text) {
        if (i < 0 || to - i < text.length()) {
            return false;
        }
        for (int k = 0; k < text.length(); k++) {
            if (b[i + k] != text.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int skipBlanks(byte[] b, int i, int to) {
        while (i < to && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }
}
