package dev.heapscope.symbols;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Address range lists: {@code .debug_ranges} (DWARF 2-4) and {@code .debug_rnglists} (DWARF 5). */
final class DwarfRangeLists {
    private final ElfFile elf;
    private final Optional<ElfSection> ranges;
    private final Optional<ElfSection> rangeLists;

    DwarfRangeLists(ElfFile elf) {
        this.elf = elf;
        this.ranges = elf.section(".debug_ranges");
        this.rangeLists = elf.section(".debug_rnglists");
    }

    /** The [start, end) pairs of the list at {@code offset}; empty when the list uses forms we cannot read. */
    List<long[]> read(long offset, long baseAddress, FormSizes sizes) throws IOException {
        Optional<ElfSection> section = sizes.version() >= 5 ? rangeLists : ranges;
        if (section.isEmpty() || offset < 0 || offset >= (section.get().sizeBytes() & 0xFFFFFFFFL)) {
            return List.of();
        }
        ByteCursor cursor = elf.cursor(section.get());
        cursor.seek(section.get().offset() + (int) offset);
        return sizes.version() >= 5 ? readVersion5(cursor, baseAddress, sizes.addressSize())
                : readOld(cursor, baseAddress, sizes.addressSize());
    }

    private static List<long[]> readOld(ByteCursor cursor, long baseAddress, int addressSize) throws IOException {
        long all = addressSize == 8 ? -1L : (1L << (8 * addressSize)) - 1;
        List<long[]> found = new ArrayList<>();
        long base = baseAddress;
        while (true) {
            long start = cursor.unsigned(addressSize);
            long end = cursor.unsigned(addressSize);
            if (start == 0 && end == 0) {
                return found;
            }
            if (start == all) {
                base = end; // base address selection
            } else {
                found.add(new long[]{base + start, base + end});
            }
        }
    }

    private static List<long[]> readVersion5(ByteCursor cursor, long baseAddress, int addressSize) throws IOException {
        List<long[]> found = new ArrayList<>();
        long base = baseAddress;
        while (true) {
            int kind = cursor.u8();
            switch (kind) {
                case 0 -> { // end_of_list
                    return found;
                }
                case 1, 2, 3 -> { // base_addressx, startx_endx, startx_length: need .debug_addr
                    return List.of();
                }
                case 4 -> { // offset_pair
                    long start = cursor.uleb();
                    long end = cursor.uleb();
                    found.add(new long[]{base + start, base + end});
                }
                case 5 -> base = cursor.unsigned(addressSize); // base_address
                case 6 -> found.add(new long[]{cursor.unsigned(addressSize), cursor.unsigned(addressSize)});
                case 7 -> {
                    long start = cursor.unsigned(addressSize);
                    found.add(new long[]{start, start + cursor.uleb()});
                }
                default -> throw new IOException("unknown DWARF range list entry kind " + kind);
            }
        }
    }
}
