package dev.heapscope.symbols;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The units of {@code .debug_info} read as far as their first entry: where each starts, which line
 * program it uses ({@code DW_AT_stmt_list}), its compilation directory ({@code DW_AT_comp_dir}: DWARF 2
 * to 4 line tables name files relative to it without saying what it is; addr2line prints the joined
 * path, and so do we) and the code addresses it covers ({@code low_pc}/{@code high_pc} or
 * {@code DW_AT_ranges}). One pass over unit headers, so an ELF opens without decoding any unit.
 */
final class CompileUnitScan {
    private static final int DW_AT_LOW_PC = 0x11;
    private static final int DW_AT_HIGH_PC = 0x12;
    private static final int DW_AT_STMT_LIST = 0x10;
    private static final int DW_AT_COMP_DIR = 0x1b;
    private static final int DW_AT_RANGES = 0x55;
    private static final int TAG_INLINED_SUBROUTINE = 0x1d;

    /**
     * One unit. {@code start} is its file position, {@code offset} its offset in {@code .debug_info};
     * {@code lineOffset} -1 without a line program; {@code ranges} says where its code is, read only when
     * asked (a unit {@code .debug_aranges} lists never needs its own); {@code mayInline} false when its
     * abbreviations cannot even describe an inlined subroutine, so it has none.
     */
    record Unit(int start, long offset, boolean holdsCode, long lineOffset, String compilationDirectory,
                DeclaredRanges ranges, boolean mayInline) {
    }

    /** The code ranges a unit's first entry declares: low/high pc, or a range list read when needed. */
    record DeclaredRanges(DwarfRangeLists lists, FormSizes sizes, long lowPc, long highPc, boolean highPcIsOffset,
                          long rangesOffset) {

        /** The ranges, or null when the entry does not say (or says it in a form we cannot read). */
        List<long[]> read() throws IOException {
            if (rangesOffset >= 0) {
                List<long[]> read = lists.read(rangesOffset, Math.max(lowPc, 0), sizes);
                return read.isEmpty() ? null : read; // empty also means "in a form we cannot read"
            }
            if (lowPc >= 0 && highPc >= 0) {
                return List.<long[]>of(new long[]{lowPc, highPcIsOffset ? lowPc + highPc : highPc});
            }
            return null;
        }
    }

    private final ElfFile elf;
    private final ElfSection abbreviationSection;
    private final Optional<ElfSection> strings;
    private final Optional<ElfSection> lineStrings;
    private final DwarfRangeLists rangeLists;
    private final Map<Long, DwarfAbbreviations> abbreviations = new HashMap<>();

    private CompileUnitScan(ElfFile elf, ElfSection abbreviations) {
        this.elf = elf;
        this.abbreviationSection = abbreviations;
        this.strings = elf.section(".debug_str");
        this.lineStrings = elf.section(".debug_line_str");
        this.rangeLists = new DwarfRangeLists(elf);
    }

    /** Every unit in file order; empty without {@code .debug_info}. */
    static List<Unit> read(ElfFile elf) throws IOException {
        List<Unit> found = new ArrayList<>();
        Optional<ElfSection> info = elf.section(".debug_info");
        Optional<ElfSection> abbreviations = elf.section(".debug_abbrev");
        if (info.isEmpty() || abbreviations.isEmpty()) {
            return found;
        }
        CompileUnitScan scan = new CompileUnitScan(elf, abbreviations.get());
        ByteCursor cursor = elf.cursor(info.get());
        while (cursor.hasMore()) {
            found.add(scan.readUnit(cursor, info.get().offset()));
        }
        return found;
    }

    private Unit readUnit(ByteCursor cursor, int sectionStart) throws IOException {
        int start = cursor.position();
        InfoUnitHeader header = InfoUnitHeader.read(cursor, elf.sourceName());
        Unit unit = new Unit(start, start - sectionStart, header.holdsCode(), -1, null, null, false);
        long code = header.isTypeUnit() ? 0 : cursor.uleb(); // type units name no directory and no code
        if (code != 0) {
            DwarfAbbreviations table = abbreviations.get(header.abbreviationOffset());
            if (table == null) {
                table = DwarfAbbreviations.read(elf, abbreviationSection, header.abbreviationOffset());
                abbreviations.put(header.abbreviationOffset(), table);
            }
            unit = readFirstEntry(unit, cursor, table.entry(code), table.hasTag(TAG_INLINED_SUBROUTINE),
                    new FormSizes(header.version(), header.offsetSize(), header.addressSize()));
        }
        cursor.seek(header.end());
        return unit;
    }

    private Unit readFirstEntry(Unit unit, ByteCursor die, DwarfAbbreviations.Entry entry, boolean mayInline,
                                FormSizes sizes) throws IOException {
        long lineProgram = -1;
        String directory = null;
        long lowPc = -1;
        long highPc = -1;
        boolean highPcIsOffset = false;
        long rangesOffset = -1;
        for (int i = 0; i < entry.attributes().length; i++) {
            int attribute = entry.attributes()[i];
            int form = entry.forms()[i];
            switch (attribute) {
                case DW_AT_STMT_LIST -> lineProgram = sizes.readUnsigned(die, form);
                case DW_AT_COMP_DIR -> directory = readString(die, form, sizes.offsetSize());
                case DW_AT_LOW_PC -> lowPc = form == 0x01 ? die.unsigned(sizes.addressSize()) : skipped(die, form, sizes);
                case DW_AT_HIGH_PC -> {
                    highPcIsOffset = form != 0x01;
                    highPc = form == 0x01 ? die.unsigned(sizes.addressSize()) : sizes.readUnsigned(die, form);
                }
                case DW_AT_RANGES -> rangesOffset = form == 0x17 || form == 0x06 ? sizes.readUnsigned(die, form)
                        : skipped(die, form, sizes);
                default -> sizes.skip(die, form);
            }
        }
        DeclaredRanges ranges = new DeclaredRanges(rangeLists, sizes, lowPc, highPc, highPcIsOffset, rangesOffset);
        return new Unit(unit.start(), unit.offset(), unit.holdsCode(), lineProgram, directory, ranges, mayInline);
    }

    private static long skipped(ByteCursor cursor, int form, FormSizes sizes) throws IOException {
        sizes.skip(cursor, form); // addrx, rnglistx: tables of split DWARF, which GCC does not emit here
        return -1;
    }

    private String readString(ByteCursor cursor, int form, int offsetSize) throws IOException {
        return switch (form) {
            case 0x08 -> cursor.cString();
            case 0x0e -> strings.isPresent() ? elf.string(strings.get(), cursor.unsigned(offsetSize)) : null;
            case 0x1f -> lineStrings.isPresent() ? elf.string(lineStrings.get(), cursor.unsigned(offsetSize)) : null;
            default -> {
                new FormSizes(5, offsetSize, 4).skip(cursor, form);
                yield null; // strx and supplementary strings need tables we do not read
            }
        };
    }
}
