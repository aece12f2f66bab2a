package dev.heapscope.parse;

import dev.heapscope.model.CallChain;
import dev.heapscope.model.Region;

/**
 * Reads {@code %6d bytes (@ %p<label>) allocated CPU %d ccount 0x%08x caller <chain>} in all three
 * dialects without regular expressions: a dump can hold a million of these lines.
 */
final class RecordLineReader {
    private static final String BYTES_AT = " bytes (@ ";
    private static final String ALLOCATED_CPU = " allocated CPU ";
    private static final String CCOUNT = " ccount ";
    private static final String CALLER = " caller";
    private static final String FREED = " freed";

    private final ChainReader chains;

    RecordLineReader(ChainReader chains) {
        this.chains = chains;
    }

    /** Quick test: does this line start like a record ({@code [spaces]digits bytes (@})? */
    static boolean looksLikeRecord(String line) {
        int i = skipBlanks(line, 0);
        int digitsStart = i;
        while (i < line.length() && isDigit(line.charAt(i))) {
            i++;
        }
        return i > digitsStart && line.startsWith(" bytes (@", i);
    }

    /** The parsed line, or null when it is not a whole record line. */
    RecordLine read(String line) {
        int i = skipBlanks(line, 0);
        int sizeStart = i;
        long size = 0;
        while (i < line.length() && isDigit(line.charAt(i)) && i - sizeStart < 10) {
            size = size * 10 + (line.charAt(i++) - '0');
        }
        if (i == sizeStart || size > Integer.MAX_VALUE || !line.startsWith(BYTES_AT, i)) {
            return null;
        }
        i += BYTES_AT.length();
        int addressStart = i;
        while (i < line.length() && line.charAt(i) != ',' && line.charAt(i) != ')') {
            i++;
        }
        long address = ChainReader.parseHex(line, addressStart, i);
        if (address < 0 || i >= line.length()) {
            return null;
        }
        boolean padded = i - addressStart == 10;
        Region region = null;
        boolean hasLabel = false;
        if (line.charAt(i) == ',') {
            int labelStart = skipBlanks(line, i + 1);
            int close = line.indexOf(')', labelStart);
            if (close < 0) {
                return null;
            }
            region = regionOf(line, labelStart, close);
            hasLabel = true;
            i = close;
        }
        i++; // ')'
        if (!line.startsWith(ALLOCATED_CPU, i)) {
            return null;
        }
        i += ALLOCATED_CPU.length();
        int cpuStart = i;
        int cpu = 0;
        while (i < line.length() && isDigit(line.charAt(i)) && i - cpuStart < 3) {
            cpu = cpu * 10 + (line.charAt(i++) - '0');
        }
        if (i == cpuStart || !line.startsWith(CCOUNT, i)) {
            return null;
        }
        i += CCOUNT.length();
        int ccountStart = i;
        while (i < line.length() && line.charAt(i) != ' ') {
            i++;
        }
        long ccount = ChainReader.parseHex(line, ccountStart, i);
        if (ccount < 0) {
            return null;
        }
        return readTail(line, i, (int) size, (int) address, region, cpu, (int) ccount, hasLabel, padded);
    }

    private RecordLine readTail(String line, int i, int size, int address, Region region, int cpu, int ccount,
                                boolean hasLabel, boolean padded) {
        CallChain caller = CallChain.EMPTY;
        boolean callerKeyword = false;
        boolean freed = false;
        boolean malformed = false;
        if (line.startsWith(CALLER, i)) {
            callerKeyword = true;
            i += CALLER.length();
            if (i < line.length() && line.charAt(i) == ' ') {
                i++;
                caller = chains.read(line, i);
                malformed = chains.lastWasMalformed();
                while (i < line.length() && line.charAt(i) != ' ' && line.charAt(i) != '\t') {
                    i++;
                }
            }
        } else if (line.startsWith(FREED, i) && (i + FREED.length() == line.length()
                || line.charAt(i + FREED.length()) == ' ')) {
            freed = true;
            i += FREED.length();
        }
        String trailing = line.substring(i).strip();
        return new RecordLine(size, address, region, cpu, ccount, caller, hasLabel, padded, callerKeyword,
                freed, malformed, trailing);
    }

    private static Region regionOf(String line, int from, int to) {
        if (line.startsWith("PSRAM", from) && to - from == 5) {
            return Region.PSRAM;
        }
        if (line.startsWith("Internal", from) && to - from == 8) {
            return Region.INTERNAL;
        }
        return null;
    }

    static int skipBlanks(String line, int i) {
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
