package dev.heapscope.symbols;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code .debug_aranges}: the code ranges of each compilation unit, keyed by the unit's offset in
 * {@code .debug_info}. A unit the table leaves out, or a file without the table, is not an error: the
 * unit's own entry says the same, and a unit neither names is decoded whenever any address is asked.
 */
final class AddressRangesTable {
    private AddressRangesTable() {
    }

    static Map<Long, List<long[]>> read(ElfFile elf) throws IOException {
        Map<Long, List<long[]>> byUnit = new HashMap<>();
        Optional<ElfSection> section = elf.section(".debug_aranges");
        if (section.isEmpty()) {
            return byUnit;
        }
        ByteCursor cursor = elf.cursor(section.get());
        while (cursor.hasMore()) {
            int setStart = cursor.position();
            UnitLength unit = UnitLength.read(cursor);
            int version = cursor.u16();
            long infoOffset = cursor.unsigned(unit.offsetSize());
            int addressSize = cursor.u8();
            int segmentSize = cursor.u8();
            if (version != 2 || (addressSize != 4 && addressSize != 8) || segmentSize != 0) {
                cursor.seek(unit.end()); // a form we do not read: its units fall back to their own entries
                continue;
            }
            int tuple = 2 * addressSize;
            int misalignment = (cursor.position() - setStart) % tuple;
            if (misalignment != 0) {
                cursor.skip(tuple - misalignment); // tuples start at a multiple of their size
            }
            List<long[]> ranges = byUnit.computeIfAbsent(infoOffset, offset -> new ArrayList<>());
            while (cursor.position() + tuple <= unit.end()) {
                long start = cursor.unsigned(addressSize);
                long length = cursor.unsigned(addressSize);
                if (start == 0 && length == 0) {
                    break;
                }
                ranges.add(new long[]{start, start + length});
            }
            cursor.seek(unit.end());
        }
        return byUnit;
    }
}
