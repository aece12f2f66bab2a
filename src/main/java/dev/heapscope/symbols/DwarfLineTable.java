package dev.heapscope.symbols;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of all DWARF line programs of a file, merged and sorted by address: a row says "from this
 * address on, the code comes from file:line" until the next row; an end-of-sequence row says "no line
 * information from here". Within one sequence, of several rows at one address the last one counts (as
 * binutils' addr2line does). Built once by {@link DwarfLineReader}, then read-only.
 */
final class DwarfLineTable {
    static final DwarfLineTable EMPTY = new Builder().build();
    private static final int END_OF_SEQUENCE = -1;

    private final int[] flippedAddresses;
    private final int[] fileIds;
    private final int[] lines;
    private final String[] files;

    private DwarfLineTable(int[] flippedAddresses, int[] fileIds, int[] lines, String[] files) {
        this.flippedAddresses = flippedAddresses;
        this.fileIds = fileIds;
        this.lines = lines;
        this.files = files;
    }

    int rowCount() {
        return lines.length;
    }

    /** The row covering {@code address}, or null when no sequence covers it. */
    Location locate(int address) {
        int index = lastIndexAtOrBefore(address);
        return index < 0 ? null : location(index);
    }

    /** The index of the last row at or before {@code address}, or -1. */
    int lastIndexAtOrBefore(int address) {
        return ElfFunctionTable.lastAtOrBefore(flippedAddresses, address ^ Integer.MIN_VALUE);
    }

    /** The address of row {@code index} with its sign bit flipped (signed order is address order). */
    int flippedAddressAt(int index) {
        return flippedAddresses[index];
    }

    boolean endsSequence(int index) {
        return lines[index] == END_OF_SEQUENCE;
    }

    /** Where row {@code index} puts its addresses; null for an end of sequence. */
    Location location(int index) {
        return lines[index] == END_OF_SEQUENCE ? null : new Location(files[fileIds[index]], lines[index]);
    }

    /** A source position; {@code file} may be null when the line program named no valid file. */
    record Location(String file, int line) {
    }

    /** Collects rows sequence by sequence, then sorts them into a table. */
    static final class Builder {
        private final List<String> files = new ArrayList<>();
        private final Map<String, Integer> fileIds = new HashMap<>();
        private int[] addresses = new int[1024];
        private int[] fileIdsOfRows = new int[1024];
        private int[] linesOfRows = new int[1024];
        private int count;
        private int sequenceStart;

        /** An id for a file path (null allowed: an unknown file), the same id for the same path. */
        int fileId(String path) {
            String key = path == null ? "\0" : path;
            Integer known = fileIds.get(key);
            if (known != null) {
                return known;
            }
            files.add(path);
            fileIds.put(key, files.size() - 1);
            return files.size() - 1;
        }

        void row(int address, int fileId, int line) {
            if (count > sequenceStart && addresses[count - 1] == address && linesOfRows[count - 1] != END_OF_SEQUENCE) {
                count--; // the later row at one address wins
            }
            append(address, fileId, line);
        }

        void endSequence(int address) {
            append(address, 0, END_OF_SEQUENCE);
            sequenceStart = count;
        }

        private void append(int address, int fileId, int line) {
            if (count == addresses.length) {
                addresses = Arrays.copyOf(addresses, count * 2);
                fileIdsOfRows = Arrays.copyOf(fileIdsOfRows, count * 2);
                linesOfRows = Arrays.copyOf(linesOfRows, count * 2);
            }
            addresses[count] = address;
            fileIdsOfRows[count] = fileId;
            linesOfRows[count] = line;
            count++;
        }

        /** Drops the rows of an unfinished sequence (a line program cut off before its end). */
        void abandonSequence() {
            count = sequenceStart;
        }

        DwarfLineTable build() {
            // Sort key: address (sign-flipped), then end markers before rows at the same address (a
            // sequence that ends where the next begins), then original order.
            long[] keys = new long[count];
            for (int i = 0; i < count; i++) {
                long flipped = addresses[i] ^ Integer.MIN_VALUE;
                long rowKind = linesOfRows[i] == END_OF_SEQUENCE ? 0 : 1;
                keys[i] = flipped << 32 | rowKind << 31 | i;
            }
            Arrays.sort(keys);
            int[] sortedAddresses = new int[count];
            int[] sortedFiles = new int[count];
            int[] sortedLines = new int[count];
            for (int i = 0; i < count; i++) {
                int original = (int) (keys[i] & 0x7FFFFFFF);
                sortedAddresses[i] = addresses[original] ^ Integer.MIN_VALUE;
                sortedFiles[i] = fileIdsOfRows[original];
                sortedLines[i] = linesOfRows[original];
            }
            return new DwarfLineTable(sortedAddresses, sortedFiles, sortedLines, files.toArray(String[]::new));
        }
    }
}
