package dev.heapscope.symbols;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Functions of an ELF file sorted by start address, for "which function holds this address" by
 * binary search. A symbol covers {@code [start, start + size)} plus the alignment padding after it
 * (a gap of at most {@value #PADDING_BYTES} bytes before the next symbol, as addr2line names it); one
 * without a size covers up to the next symbol, never past the end of its section. Addresses are
 * unsigned; they are stored with the sign bit flipped so that signed int comparison orders them.
 */
final class ElfFunctionTable {
    static final int PADDING_BYTES = 15;

    private final int[] flippedStarts;
    private final long[] endsExclusive;
    private final String[] names;
    private final String[] sourceFiles;

    private ElfFunctionTable(int[] flippedStarts, long[] endsExclusive, String[] names, String[] sourceFiles) {
        this.flippedStarts = flippedStarts;
        this.endsExclusive = endsExclusive;
        this.names = names;
        this.sourceFiles = sourceFiles;
    }

    static ElfFunctionTable of(ElfFile elf) throws IOException {
        List<ElfFunctionSymbol> symbols = new ArrayList<>(elf.functionSymbols());
        // At one address, the best name comes first: a typed function, global, with a size.
        symbols.sort(Comparator.comparingLong((ElfFunctionSymbol s) -> s.address() & 0xFFFFFFFFL)
                .thenComparing(s -> !s.typedFunction())
                .thenComparing(s -> !s.global())
                .thenComparing(s -> s.sizeBytes() == 0));
        List<ElfFunctionSymbol> unique = new ArrayList<>(symbols.size());
        for (ElfFunctionSymbol symbol : symbols) {
            if (unique.isEmpty() || unique.get(unique.size() - 1).address() != symbol.address()) {
                unique.add(symbol);
            }
        }
        List<ElfSection> code = elf.sections().stream().filter(ElfSection::executable).toList();
        int count = unique.size();
        int[] starts = new int[count];
        long[] ends = new long[count];
        String[] names = new String[count];
        String[] files = new String[count];
        int kept = 0;
        for (int i = 0; i < count; i++) {
            ElfFunctionSymbol symbol = unique.get(i);
            long start = symbol.address() & 0xFFFFFFFFL;
            ElfSection home = code.stream().filter(s -> s.containsAddress(symbol.address())).findFirst()
                    .orElse(null);
            if (symbol.sizeBytes() == 0 && home == null) {
                continue; // no size and no section to bound it: any range would be a guess
            }
            long sectionEnd = home == null ? Long.MAX_VALUE
                    : (home.address() & 0xFFFFFFFFL) + (home.sizeBytes() & 0xFFFFFFFFL);
            long next = i + 1 < count ? unique.get(i + 1).address() & 0xFFFFFFFFL : Long.MAX_VALUE;
            long end;
            if (symbol.sizeBytes() == 0) {
                end = Math.min(sectionEnd, next);
            } else {
                end = start + (symbol.sizeBytes() & 0xFFFFFFFFL);
                if (next > end && next - end <= PADDING_BYTES) {
                    end = Math.min(next, sectionEnd);
                }
            }
            starts[kept] = symbol.address() ^ Integer.MIN_VALUE;
            ends[kept] = end;
            names[kept] = symbol.name();
            files[kept] = symbol.sourceFile();
            kept++;
        }
        return new ElfFunctionTable(Arrays.copyOf(starts, kept), Arrays.copyOf(ends, kept),
                Arrays.copyOf(names, kept), Arrays.copyOf(files, kept));
    }

    int size() {
        return names.length;
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
        return names[index];
    }

    /** The source file the symbol table names for a local function ({@code STT_FILE}), else null. */
    String sourceFile(int index) {
        return sourceFiles[index];
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
