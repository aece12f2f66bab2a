package dev.heapscope.symbols;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The DWARF line tables of a file, each line program decoded the first time an address may lie in it.
 * The answer is the one a table of every row of every program would give (the last row at or before
 * the address; of rows at one address, an end of sequence first and the later program last): the
 * programs whose units' ranges hold the address are decoded first, then any other program whose ranges
 * reach between the row found and the address (overlapping units), which could only hold a later row.
 * Thread-safe: decoding happens under this object's lock.
 */
final class LineTablesOnDemand {

    private final ElfFile elf;
    private final ElfSection section;
    private final int[] unitStarts; // file positions, in .debug_line order
    private final Map<Long, Integer> byOffset;
    private final Supplier<DwarfUnitIndex> units;
    private final DecodeWarnings warnings;
    private final DwarfLineTable[] decoded;
    private String[] compilationDirectories; // these two on first use
    private UnitRanges ranges;
    private int decodedCount;

    private LineTablesOnDemand(ElfFile elf, ElfSection section, int[] unitStarts, Map<Long, Integer> byOffset,
                               Supplier<DwarfUnitIndex> units, DecodeWarnings warnings) {
        this.warnings = warnings;
        this.elf = elf;
        this.section = section;
        this.unitStarts = unitStarts;
        this.byOffset = byOffset;
        this.units = units;
        this.decoded = new DwarfLineTable[unitStarts.length];
    }

    /**
     * Walks the chain of line-program headers: a unit length that runs past the section, or an unknown
     * version, is refused here, as decoding would. {@code units} is asked, on the first lookup, which
     * program holds which code.
     */
    static LineTablesOnDemand open(ElfFile elf, Supplier<DwarfUnitIndex> units, DecodeWarnings warnings)
            throws IOException {
        Optional<ElfSection> lines = elf.section(".debug_line");
        if (lines.isEmpty()) {
            return new LineTablesOnDemand(elf, null, new int[0], Map.of(), units, warnings);
        }
        ByteCursor cursor = elf.cursor(lines.get());
        int[] starts = new int[64];
        int count = 0;
        Map<Long, Integer> byOffset = new HashMap<>();
        while (cursor.hasMore()) {
            int start = cursor.position();
            UnitLength unit = UnitLength.read(cursor);
            int version = cursor.u16();
            if (version < 2 || version > 5) {
                throw new IOException(elf.sourceName() + ": DWARF line table version " + version + " is not supported");
            }
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
            }
            byOffset.put((long) (start - lines.get().offset()), count);
            starts[count++] = start;
            cursor.seek(unit.end());
        }
        return new LineTablesOnDemand(elf, lines.get(), Arrays.copyOf(starts, count), byOffset, units, warnings);
    }

    /** Ties each program to the ranges of the units that name it, and to their compilation directory. */
    private void index() {
        if (ranges != null) {
            return;
        }
        DwarfUnitIndex index = units.get();
        int count = unitStarts.length;
        String[] directories = new String[count];
        List<List<long[]>> rangesOfProgram = new ArrayList<>();
        boolean[] named = new boolean[count];
        boolean[] unknown = new boolean[count];
        for (int i = 0; i < count; i++) {
            rangesOfProgram.add(new ArrayList<>());
        }
        for (CompileUnitScan.Unit unit : index.units()) {
            Integer program = byOffset.get(unit.lineOffset());
            if (program == null) {
                continue;
            }
            if (unit.compilationDirectory() != null) {
                directories[program] = unit.compilationDirectory(); // of two units naming one program, the later
            }
            named[program] = true;
            List<long[]> known = index.rangesOf(unit);
            if (known == null) {
                unknown[program] = true;
            } else {
                rangesOfProgram.get(program).addAll(known);
            }
        }
        UnitRanges.Builder builder = new UnitRanges.Builder();
        for (int i = 0; i < count; i++) {
            if (!named[i] || unknown[i]) {
                builder.addAlways(i); // no unit says where its code is: ask it about every address
            } else {
                for (long[] range : rangesOfProgram.get(i)) {
                    builder.add(i, range[0], range[1]);
                }
            }
        }
        compilationDirectories = directories;
        ranges = builder.build();
    }

    /** The row covering {@code address}, or null when no sequence covers it. */
    synchronized DwarfLineTable.Location locate(int address) {
        index();
        long unsigned = address & 0xFFFFFFFFL;
        int sole = ranges.soleUnitReaching(unsigned, unsigned);
        if (sole == -1) {
            return null;
        }
        if (sole >= 0) { // one unit holds it: no other may end or start a sequence between its row and the address
            DwarfLineTable table = table(sole);
            int row = table.lastIndexAtOrBefore(address);
            if (row < 0) {
                return null;
            }
            long found = (table.flippedAddressAt(row) ^ Integer.MIN_VALUE) & 0xFFFFFFFFL;
            if (ranges.soleUnitReaching(found, unsigned) == sole) {
                return table.location(row);
            }
        }
        Best best = new Best();
        for (int program : ranges.reaching(unsigned, unsigned)) {
            consider(program, address, best);
        }
        for (int program : ranges.always()) {
            consider(program, address, best);
        }
        if (best.program < 0) {
            return null; // no row at or before the address in the programs that hold it
        }
        // A program whose code lies between that row and the address could end a sequence or start one there.
        for (int program : ranges.reaching((best.flippedAddress ^ Integer.MIN_VALUE) & 0xFFFFFFFFL, unsigned)) {
            consider(program, address, best);
        }
        return decoded[best.program].location(best.row);
    }

    /** The greatest row so far by (address, end of sequence before row, program order). */
    private static final class Best {
        int program = -1;
        int row;
        int flippedAddress;
        boolean isRow;
    }

    private void consider(int program, int address, Best best) {
        DwarfLineTable table = table(program);
        int row = table.lastIndexAtOrBefore(address);
        if (row < 0) {
            return;
        }
        int flipped = table.flippedAddressAt(row);
        boolean isRow = !table.endsSequence(row);
        boolean better = best.program < 0 || flipped > best.flippedAddress
                || flipped == best.flippedAddress && (isRow && !best.isRow
                || isRow == best.isRow && program > best.program);
        if (better) {
            best.program = program;
            best.row = row;
            best.flippedAddress = flipped;
            best.isRow = isRow;
        }
    }

    /** How many line programs have been decoded so far (tests: laziness). */
    synchronized int decodedPrograms() {
        return decodedCount;
    }

    /** Rows of every program; decodes them all. */
    synchronized int rowCount() {
        int rows = 0;
        for (int i = 0; i < decoded.length; i++) {
            rows += table(i).rowCount();
        }
        return rows;
    }

    private DwarfLineTable table(int program) {
        DwarfLineTable table = decoded[program];
        if (table == null) {
            index();
            try {
                table = DwarfLineReader.readProgram(elf, section, unitStarts[program], compilationDirectories[program]);
            } catch (IOException e) {
                // The other programs still name their lines; this one's addresses get the symbol table's file.
                warnings.add("a line table is unreadable", e.getMessage());
                table = DwarfLineTable.EMPTY;
            }
            decoded[program] = table;
            decodedCount++;
        }
        return table;
    }

}
