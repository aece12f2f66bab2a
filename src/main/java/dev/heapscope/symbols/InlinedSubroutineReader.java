package dev.heapscope.symbols;

import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Walks the entries of a {@code .debug_info} unit and collects the address ranges of inlined
 * subroutines with the names of the functions they inline (through {@code DW_AT_abstract_origin} and
 * {@code DW_AT_specification}, walking the unit an origin lies in when it is another), for
 * {@link InlinedRanges}. Ranges come from low_pc/high_pc or from {@code .debug_ranges} (DWARF 2-4) /
 * {@code .debug_rnglists} (DWARF 5). A unit is walked at most once. Not thread-safe.
 */
final class InlinedSubroutineReader {
    private static final int TAG_SUBPROGRAM = 0x2e;
    private static final int TAG_INLINED_SUBROUTINE = 0x1d;
    private static final int AT_NAME = 0x03;
    private static final int AT_LOW_PC = 0x11;
    private static final int AT_HIGH_PC = 0x12;
    private static final int AT_ABSTRACT_ORIGIN = 0x31;
    private static final int AT_SPECIFICATION = 0x47;
    private static final int AT_RANGES = 0x55;

    private final ElfFile elf;
    private final ElfSection infoSection;
    private final ElfSection abbreviationSection;
    private final DwarfUnitIndex index;
    private final DwarfRangeLists rangeLists;
    private final Optional<ElfSection> strings;
    private final Optional<ElfSection> lineStrings;
    /** DIE offset to where its name is: see {@link #nameReference}. */
    private final Map<Long, Long> nameReferences = new HashMap<>();
    private final Map<Long, Long> origins = new HashMap<>();
    private final Map<Long, String> names = new HashMap<>();
    private final Map<Integer, List<long[]>> pendingByUnit = new HashMap<>(); // start, end, depth, origin DIE
    private final BitSet walked = new BitSet();

    private InlinedSubroutineReader(ElfFile elf, ElfSection info, ElfSection abbreviations, DwarfUnitIndex index) {
        this.elf = elf;
        this.infoSection = info;
        this.abbreviationSection = abbreviations;
        this.index = index;
        this.rangeLists = new DwarfRangeLists(elf);
        this.strings = elf.section(".debug_str");
        this.lineStrings = elf.section(".debug_line_str");
    }

    /** A reader for {@code elf}'s units, or null when it has no {@code .debug_info}. */
    static InlinedSubroutineReader of(ElfFile elf, DwarfUnitIndex index) {
        Optional<ElfSection> info = elf.section(".debug_info");
        Optional<ElfSection> abbreviations = elf.section(".debug_abbrev");
        if (info.isEmpty() || abbreviations.isEmpty()) {
            return null;
        }
        return new InlinedSubroutineReader(elf, info.get(), abbreviations.get(), index);
    }

    /** The inlined ranges of unit {@code unit} (an index into the unit index), names resolved. */
    List<InlinedRanges.Range> rangesOf(int unit) throws IOException {
        walk(unit);
        List<InlinedRanges.Range> ranges = new ArrayList<>();
        for (long[] range : pendingByUnit.getOrDefault(unit, List.of())) {
            Long origin = range[3];
            String name = names.containsKey(origin) ? names.get(origin) : nameOf(range[3]);
            names.put(origin, name);
            if (name != null) {
                ranges.add(new InlinedRanges.Range(range[0], range[1], (int) range[2], name));
            }
        }
        return ranges;
    }

    private void walk(int unit) throws IOException {
        if (unit < 0 || walked.get(unit)) {
            return;
        }
        walked.set(unit);
        List<long[]> pending = new ArrayList<>();
        pendingByUnit.put(unit, pending);
        ByteCursor cursor = elf.cursor(infoSection);
        cursor.seek(index.units().get(unit).start());
        readUnit(cursor, infoSection.offset(), pending);
    }

    private String nameOf(long die) throws IOException {
        for (int hops = 0; hops < 8; hops++) {
            walk(index.unitContaining(die));
            Long reference = nameReferences.get(die);
            if (reference != null) {
                return resolveName(reference);
            }
            Long next = origins.get(die);
            if (next == null) {
                return null;
            }
            die = next;
        }
        return null;
    }

    private void readUnit(ByteCursor cursor, int sectionStart, List<long[]> pending) throws IOException {
        int unitStart = cursor.position();
        InfoUnitHeader header = InfoUnitHeader.read(cursor, elf.sourceName());
        int unitEnd = header.end();
        if (!header.holdsCode()) {
            cursor.seek(unitEnd);
            return;
        }
        FormSizes sizes = new FormSizes(header.version(), header.offsetSize(), header.addressSize());
        DwarfAbbreviations abbreviations = DwarfAbbreviations.read(elf, abbreviationSection, header.abbreviationOffset());
        long unitOffset = unitStart - sectionStart;
        long baseAddress = 0;
        int depth = 0;
        int inlinedDepth = 0;
        int[] inlinedAtDepth = new int[64];
        DieValues values = new DieValues();
        while (cursor.position() < unitEnd) {
            long dieOffset = cursor.position() - sectionStart;
            long code = cursor.uleb();
            if (code == 0) {
                depth = Math.max(0, depth - 1);
                inlinedDepth = depth < inlinedAtDepth.length ? inlinedAtDepth[depth] : inlinedDepth;
                continue;
            }
            DwarfAbbreviations.Entry entry = abbreviations.entry(code);
            values.clear();
            for (int i = 0; i < entry.attributes().length; i++) {
                readAttribute(cursor, entry.attributes()[i], entry.forms()[i], sizes, unitOffset, values);
            }
            if (depth == 0 && values.lowPc >= 0) {
                baseAddress = values.lowPc;
            }
            if (entry.tag() == TAG_SUBPROGRAM || entry.tag() == TAG_INLINED_SUBROUTINE) {
                if (values.nameReference != 0) {
                    nameReferences.put(dieOffset, values.nameReference);
                }
                if (values.origin >= 0) {
                    origins.put(dieOffset, values.origin);
                }
            }
            int childInlinedDepth = inlinedDepth;
            if (entry.tag() == TAG_INLINED_SUBROUTINE && values.origin >= 0) {
                for (long[] range : ranges(values, baseAddress, sizes)) {
                    pending.add(new long[]{range[0], range[1], inlinedDepth, values.origin});
                }
                childInlinedDepth = inlinedDepth + 1;
            }
            if (entry.hasChildren()) {
                depth++;
                if (depth < inlinedAtDepth.length) {
                    inlinedAtDepth[depth] = childInlinedDepth;
                }
                inlinedDepth = childInlinedDepth;
            }
        }
        cursor.seek(unitEnd);
    }

    private List<long[]> ranges(DieValues values, long baseAddress, FormSizes sizes) throws IOException {
        if (values.lowPc >= 0 && values.highPc >= 0) {
            long end = values.highPcIsOffset ? values.lowPc + values.highPc : values.highPc;
            return List.<long[]>of(new long[]{values.lowPc, end});
        }
        if (values.rangesOffset >= 0) {
            return rangeLists.read(values.rangesOffset, baseAddress, sizes);
        }
        return List.of();
    }

    private void readAttribute(ByteCursor cursor, int attribute, int form, FormSizes sizes, long unitOffset,
                               DieValues values) throws IOException {
        switch (attribute) {
            case AT_NAME -> values.nameReference = nameReference(cursor, form, sizes);
            case AT_LOW_PC -> values.lowPc = form == 0x01 ? cursor.unsigned(sizes.addressSize()) : skipped(cursor, form, sizes);
            case AT_HIGH_PC -> {
                values.highPcIsOffset = form != 0x01;
                values.highPc = form == 0x01 ? cursor.unsigned(sizes.addressSize()) : sizes.readUnsigned(cursor, form);
            }
            case AT_RANGES -> values.rangesOffset = form == 0x17 || form == 0x06 ? sizes.readUnsigned(cursor, form)
                    : skipped(cursor, form, sizes);
            case AT_ABSTRACT_ORIGIN, AT_SPECIFICATION -> values.origin = readReference(cursor, form, sizes, unitOffset);
            default -> sizes.skip(cursor, form);
        }
    }

    private static long skipped(ByteCursor cursor, int form, FormSizes sizes) throws IOException {
        sizes.skip(cursor, form); // addrx, rnglistx: need tables of split DWARF, which GCC does not emit here
        return -1;
    }

    private static long readReference(ByteCursor cursor, int form, FormSizes sizes, long unitOffset) throws IOException {
        return switch (form) {
            case 0x11 -> unitOffset + cursor.u8();
            case 0x12 -> unitOffset + cursor.u16();
            case 0x13 -> unitOffset + (cursor.u32() & 0xFFFFFFFFL);
            case 0x14 -> unitOffset + cursor.u64();
            case 0x15 -> unitOffset + cursor.uleb();
            case 0x10 -> cursor.unsigned(sizes.version() <= 2 ? sizes.addressSize() : sizes.offsetSize());
            default -> skipped(cursor, form, sizes);
        };
    }

    // A name is read only when an inlined range needs it: kind in the top bits, offset below.
    private static final long IN_ENTRY = 1L << 60;
    private static final long IN_STR = 2L << 60;
    private static final long IN_LINE_STR = 3L << 60;
    private static final long OFFSET_BITS = (1L << 60) - 1;

    /** Where a name is, 0 when it cannot be read; {@link #resolveName} turns it into text. */
    private long nameReference(ByteCursor cursor, int form, FormSizes sizes) throws IOException {
        switch (form) {
            case 0x08 -> {
                long position = cursor.position();
                cursor.cString();
                return IN_ENTRY | position;
            }
            case 0x0e -> {
                return IN_STR | (cursor.unsigned(sizes.offsetSize()) & OFFSET_BITS);
            }
            case 0x1f -> {
                return IN_LINE_STR | (cursor.unsigned(sizes.offsetSize()) & OFFSET_BITS);
            }
            default -> {
                sizes.skip(cursor, form);
                return 0;
            }
        }
    }

    private String resolveName(long reference) throws IOException {
        long offset = reference & OFFSET_BITS;
        long kind = reference & ~OFFSET_BITS;
        if (kind == IN_ENTRY) {
            return elf.stringAtFileOffset(offset);
        }
        Optional<ElfSection> table = kind == IN_STR ? strings : lineStrings;
        return table.isPresent() ? elf.string(table.get(), offset) : null;
    }

    /** The attributes of one entry that matter here; -1 for absent. */
    private static final class DieValues {
        long nameReference;
        long lowPc;
        long highPc;
        boolean highPcIsOffset;
        long rangesOffset;
        long origin;

        void clear() {
            nameReference = 0;
            lowPc = -1;
            highPc = -1;
            highPcIsOffset = false;
            rangesOffset = -1;
            origin = -1;
        }
    }
}
