package dev.heapscope.symbols;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Functions of an ELF file sorted by start address, for "which function holds this address" by
 * binary search. A symbol covers {@code [start, start + size)} plus the alignment padding after it
 * (a gap of at most {@value #PADDING_BYTES} bytes before the next symbol, as addr2line names it); one
 * without a size covers up to the next symbol, never past the end of its section. Addresses are
 * unsigned; they are stored with the sign bit flipped so that signed int comparison orders them. Names
 * are read from the string table the first time a function is named.
 */
final class ElfFunctionTable {
    static final int PADDING_BYTES = 15;
    private static final int INDEX_BITS = 29;
    private static final String UNREAD = new String("(not read)"); // compared by identity

    private final ElfCodeSymbols symbols;
    private final int[] flippedStarts;
    private final long[] endsExclusive;
    private final int[] symbolIndexes;
    private final String[] names; // filled on first use; a race only reads the same name twice
    private final String[] sourceFiles; // UNREAD until first use; null when the table names none

    private ElfFunctionTable(ElfCodeSymbols symbols, int[] flippedStarts, long[] endsExclusive, int[] symbolIndexes) {
        this.symbols = symbols;
        this.flippedStarts = flippedStarts;
        this.endsExclusive = endsExclusive;
        this.symbolIndexes = symbolIndexes;
        this.names = new String[symbolIndexes.length];
        this.sourceFiles = new String[symbolIndexes.length];
        Arrays.fill(sourceFiles, UNREAD);
    }

    static ElfFunctionTable of(ElfFile elf) throws IOException {
        ElfCodeSymbols symbols = ElfCodeSymbols.read(elf);
        if (symbols.count >= 1 << INDEX_BITS) {
            throw new IOException(elf.sourceName() + ": " + symbols.count + " function symbols are too many");
        }
        // One sort of primitive keys: address, then the best name at one address first (a typed function,
        // global, with a size), then symbol-table order.
        long[] keys = new long[symbols.count];
        for (int i = 0; i < keys.length; i++) {
            long rank = (symbols.typed[i] ? 0 : 4) | (symbols.global[i] ? 0 : 2) | (symbols.sizes[i] == 0 ? 1 : 0);
            keys[i] = (long) (symbols.addresses[i] ^ Integer.MIN_VALUE) << 32 | rank << INDEX_BITS | i;
        }
        Arrays.sort(keys);
        int[] unique = new int[keys.length];
        int uniqueCount = 0;
        for (int k = 0; k < keys.length; k++) {
            int symbol = (int) (keys[k] & ((1 << INDEX_BITS) - 1));
            if (uniqueCount == 0 || symbols.addresses[unique[uniqueCount - 1]] != symbols.addresses[symbol]) {
                unique[uniqueCount++] = symbol;
            }
        }
        List<ElfSection> code = elf.sections().stream().filter(ElfSection::executable).toList();
        int[] starts = new int[uniqueCount];
        long[] ends = new long[uniqueCount];
        int[] indexes = new int[uniqueCount];
        int kept = 0;
        for (int i = 0; i < uniqueCount; i++) {
            int symbol = unique[i];
            int address = symbols.addresses[symbol];
            long start = address & 0xFFFFFFFFL;
            long size = symbols.sizes[symbol] & 0xFFFFFFFFL;
            ElfSection home = homeOf(code, address);
            if (size == 0 && home == null) {
                continue; // no size and no section to bound it: any range would be a guess
            }
            long sectionEnd = home == null ? Long.MAX_VALUE
                    : (home.address() & 0xFFFFFFFFL) + (home.sizeBytes() & 0xFFFFFFFFL);
            long next = i + 1 < uniqueCount ? symbols.addresses[unique[i + 1]] & 0xFFFFFFFFL : Long.MAX_VALUE;
            long end;
            if (size == 0) {
                end = Math.min(sectionEnd, next);
            } else {
                end = start + size;
                if (next > end && next - end <= PADDING_BYTES) {
                    end = Math.min(next, sectionEnd);
                }
            }
            starts[kept] = address ^ Integer.MIN_VALUE;
            ends[kept] = end;
            indexes[kept] = symbol;
            kept++;
        }
        return new ElfFunctionTable(symbols, Arrays.copyOf(starts, kept), Arrays.copyOf(ends, kept),
                Arrays.copyOf(indexes, kept));
    }

    private static ElfSection homeOf(List<ElfSection> code, int address) {
        for (ElfSection section : code) {
            if (section.containsAddress(address)) {
                return section;
            }
        }
        return null;
    }

    int size() {
        return symbolIndexes.length;
    }

    /** The index of the function covering {@code address}, or -1. */
    int indexAt(int address) {
        int index = lastAtOrBefore(flippedStarts, address ^ Integer.MIN_VALUE);
        if (index < 0 || (address & 0xFFFFFFFFL) >= endsExclusive[index]) {
            return -1;
        }
        return index;
    }

    String name(int index) {
        String name = names[index];
        if (name == null) {
            name = symbols.name(symbolIndexes[index]);
            names[index] = name;
        }
        return name;
    }

    /** The source file the symbol table names for a local function ({@code STT_FILE}), else null. */
    String sourceFile(int index) {
        String file = sourceFiles[index];
        if (file == UNREAD) {
            file = symbols.sourceFile(symbolIndexes[index]);
            sourceFiles[index] = file;
        }
        return file;
    }

    /** Index of the last element {@code <= key} in ascending {@code sorted}, or -1. */
    static int lastAtOrBefore(int[] sorted, int key) {
        int low = 0;
        int high = sorted.length - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] <= key) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return high;
    }
}
