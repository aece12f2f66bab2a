package dev.heapscope.symbols;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Inlined functions unit by unit: a unit's entries are walked the first time an address lies in its
 * ranges, and only units whose abbreviations can describe an inlined subroutine are walked at all. At an
 * address held by several units (overlapping ranges), their ranges are flattened together, as one table
 * of every unit would. Thread-safe: walking happens under this object's lock.
 */
final class InlinedRangesOnDemand {

    private final DecodeWarnings warnings;
    private final InlinedSubroutineReader reader;
    private final UnitRanges ranges;
    private final Map<Integer, List<InlinedRanges.Range>> rawByUnit = new HashMap<>();
    private final Map<Integer, InlinedRanges> byUnit = new HashMap<>();
    private final Map<String, InlinedRanges> merged = new HashMap<>();
    private final int unitCount;

    private InlinedRangesOnDemand(DecodeWarnings warnings, InlinedSubroutineReader reader, UnitRanges ranges,
                                  int units) {
        this.warnings = warnings;
        this.reader = reader;
        this.ranges = ranges;
        this.unitCount = units;
    }

    static InlinedRangesOnDemand open(ElfFile elf, DwarfUnitIndex index, DecodeWarnings warnings) {
        UnitRanges.Builder builder = new UnitRanges.Builder();
        List<CompileUnitScan.Unit> units = index.units();
        for (int i = 0; i < units.size(); i++) {
            CompileUnitScan.Unit unit = units.get(i);
            if (!unit.holdsCode() || !unit.mayInline()) {
                continue;
            }
            List<long[]> known = index.rangesOf(unit);
            if (known == null) {
                builder.addAlways(i);
            } else {
                for (long[] range : known) {
                    builder.add(i, range[0], range[1]);
                }
            }
        }
        return new InlinedRangesOnDemand(warnings, InlinedSubroutineReader.of(elf, index), builder.build(),
                units.size());
    }

    /** The innermost inlined function at {@code address}, or null. */
    synchronized String innermostAt(int address) {
        if (reader == null || ranges.isEmpty()) {
            return null;
        }
        long unsigned = address & 0xFFFFFFFFL;
        int[] holding = ranges.reaching(unsigned, unsigned);
        int[] always = ranges.always();
        if (always.length == 0 && holding.length <= 1) { // the usual case: one unit, or none, holds it
            return holding.length == 0 || unit(holding[0]).isEmpty() ? null
                    : byUnit.computeIfAbsent(holding[0], u -> InlinedRanges.of(unit(u))).innermostAt(address);
        }
        int[] units = Arrays.stream(concat(holding, always)).distinct().filter(u -> !unit(u).isEmpty()).sorted().toArray();
        if (units.length == 0) {
            return null;
        }
        if (units.length == 1) {
            return byUnit.computeIfAbsent(units[0], u -> InlinedRanges.of(unit(u))).innermostAt(address);
        }
        return merged.computeIfAbsent(Arrays.toString(units), key -> {
            List<InlinedRanges.Range> all = new ArrayList<>();
            for (int unit : units) {
                all.addAll(unit(unit));
            }
            return InlinedRanges.of(all);
        }).innermostAt(address);
    }

    /** Segments of every unit's flattened ranges; walks them all. */
    synchronized int segmentCount() {
        int segments = 0;
        for (int i = 0; i < unitCount && reader != null; i++) {
            List<InlinedRanges.Range> raw = unit(i);
            if (!raw.isEmpty()) {
                segments += byUnit.computeIfAbsent(i, u -> InlinedRanges.of(raw)).segmentCount();
            }
        }
        return segments;
    }

    private List<InlinedRanges.Range> unit(int unit) {
        return rawByUnit.computeIfAbsent(unit, u -> {
            try {
                return reader.rangesOf(u);
            } catch (IOException e) {
                // Inlined names are a refinement: without them, names come from the symbol table.
                warnings.add("inlined functions of a unit not read", e.getMessage());
                return List.of();
            }
        });
    }

    private static int[] concat(int[] a, int[] b) {
        int[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

}
