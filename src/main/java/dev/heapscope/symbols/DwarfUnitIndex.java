package dev.heapscope.symbols;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * What opening an ELF reads of its DWARF: the {@code .debug_info} units up to their first entry and
 * {@code .debug_aranges}, so that resolving an address can decode only the units that hold it. A unit's
 * code ranges are those {@code .debug_aranges} gives it, else those its own entry declares (a table
 * that leaves a unit out, or no table at all); a unit with neither has none known and is decoded for
 * every address.
 */
final class DwarfUnitIndex {

    private final List<CompileUnitScan.Unit> units;
    private final Map<Long, List<long[]>> arangesByUnit;
    private final DecodeWarnings warnings;

    private DwarfUnitIndex(List<CompileUnitScan.Unit> units, Map<Long, List<long[]>> arangesByUnit,
                           DecodeWarnings warnings) {
        this.units = units;
        this.arangesByUnit = arangesByUnit;
        this.warnings = warnings;
    }

    static DwarfUnitIndex read(ElfFile elf, DecodeWarnings warnings) {
        List<CompileUnitScan.Unit> units;
        try {
            units = CompileUnitScan.read(elf);
        } catch (IOException e) {
            // Lost: compilation directories (DWARF 2-4 paths keep only their relative part), inlined
            // names, and the ranges (every line program is then decoded for any address). Lines stay right.
            warnings.add("cannot read the compilation units (no inlined names; DWARF 2-4 paths relative)",
                    e.getMessage());
            return new DwarfUnitIndex(List.of(), Map.of(), warnings);
        }
        Map<Long, List<long[]>> aranges;
        try {
            aranges = AddressRangesTable.read(elf);
        } catch (IOException e) {
            warnings.add(".debug_aranges not read", e.getMessage());
            aranges = Map.of();
        }
        return new DwarfUnitIndex(units, aranges, warnings);
    }

    List<CompileUnitScan.Unit> units() {
        return units;
    }

    /** The code ranges known for {@code unit}, or null when nothing says. */
    List<long[]> rangesOf(CompileUnitScan.Unit unit) {
        List<long[]> fromTable = arangesByUnit.get(unit.offset());
        if (fromTable != null && !fromTable.isEmpty()) {
            return fromTable;
        }
        try {
            return unit.ranges() == null ? null : unit.ranges().read();
        } catch (IOException e) {
            warnings.add("a unit's range list is unreadable", e.getMessage());
            return null; // decoded for every address instead
        }
    }

    /** Index of the unit whose entries include {@code dieOffset} (an offset in .debug_info), or -1. */
    int unitContaining(long dieOffset) {
        int low = 0;
        int high = units.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (units.get(middle).offset() <= dieOffset) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return high;
    }

}
