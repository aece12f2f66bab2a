package dev.heapscope.symbols;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the DWARF line-number programs of {@code .debug_line} (versions 2 to 5, 32- and 64-bit DWARF,
 * as GCC emits them) and collects their rows into a {@link DwarfLineTable}. Version 5 file names may
 * live in {@code .debug_line_str} or {@code .debug_str}.
 */
final class DwarfLineReader {
    private static final int DW_LNCT_PATH = 1;
    private static final int DW_LNCT_DIRECTORY_INDEX = 2;

    private final ElfFile elf;
    private final Optional<ElfSection> lineStrings;
    private final Optional<ElfSection> strings;
    private final DwarfLineTable.Builder table = new DwarfLineTable.Builder();
    private final Map<Long, String> compilationDirectories;

    private DwarfLineReader(ElfFile elf, Map<Long, String> compilationDirectories) {
        this.elf = elf;
        this.compilationDirectories = compilationDirectories;
        this.lineStrings = elf.section(".debug_line_str");
        this.strings = elf.section(".debug_str");
    }

    /**
     * The rows of the one line program starting at file position {@code start} of {@code lines};
     * {@code compilationDirectory} (may be null) is what its unit's entry names, for DWARF 2-4 paths.
     */
    static DwarfLineTable readProgram(ElfFile elf, ElfSection lines, int start, String compilationDirectory)
            throws IOException {
        Map<Long, String> directories = new HashMap<>();
        long offset = start - lines.offset();
        directories.put(offset, compilationDirectory);
        DwarfLineReader reader = new DwarfLineReader(elf, directories);
        ByteCursor cursor = elf.cursor(lines);
        cursor.seek(start);
        reader.readUnit(cursor, offset);
        return reader.table.build();
    }

    private void readUnit(ByteCursor cursor, long unitOffset) throws IOException {
        UnitLength unit = UnitLength.read(cursor);
        int offsetSize = unit.offsetSize();
        int unitEnd = unit.end();
        int version = cursor.u16();
        if (version < 2 || version > 5) {
            throw new IOException(elf.sourceName() + ": DWARF line table version " + version + " is not supported");
        }
        if (version >= 5) {
            cursor.u8(); // address size: DW_LNE_set_address carries its own length
            cursor.u8(); // segment selector size
        }
        long headerLength = cursor.unsigned(offsetSize);
        int programStart = cursor.position() + (int) headerLength;
        LineProgramHeader header = new LineProgramHeader();
        header.minimumInstructionLength = cursor.u8();
        if (version >= 4) {
            cursor.u8(); // maximum operations per instruction: 1 on every target we read
        }
        header.defaultIsStatement = cursor.u8() != 0;
        header.lineBase = cursor.s8();
        header.lineRange = cursor.u8();
        header.opcodeBase = cursor.u8();
        header.standardOpcodeLengths = new int[Math.max(header.opcodeBase, 1)];
        for (int i = 1; i < header.opcodeBase; i++) {
            header.standardOpcodeLengths[i] = cursor.u8();
        }
        if (header.lineRange == 0) {
            throw new IOException(elf.sourceName() + ": a DWARF line table has line_range 0");
        }
        if (version >= 5) {
            readVersion5Names(cursor, offsetSize, header);
        } else {
            readOldNames(cursor, header, compilationDirectories.get(unitOffset));
        }
        cursor.seek(programStart);
        new LineProgram(header, table).run(cursor, unitEnd);
        cursor.seek(unitEnd);
    }

    private void readOldNames(ByteCursor cursor, LineProgramHeader header, String compilationDirectory)
            throws IOException {
        List<String> directories = new ArrayList<>();
        directories.add(compilationDirectory); // index 0; only .debug_info names it
        for (String directory = cursor.cString(); !directory.isEmpty(); directory = cursor.cString()) {
            directories.add(join(directories, 0, directory));
        }
        header.fileIds.add(table.fileId(null)); // file 0 is not used before DWARF 5
        for (String name = cursor.cString(); !name.isEmpty(); name = cursor.cString()) {
            long directory = cursor.uleb();
            cursor.uleb(); // modification time
            cursor.uleb(); // length
            header.fileIds.add(table.fileId(join(directories, directory, name)));
        }
        header.directories = directories;
    }

    private void readVersion5Names(ByteCursor cursor, int offsetSize, LineProgramHeader header) throws IOException {
        List<String> directories = new ArrayList<>();
        for (String[] entry : readEntries(cursor, offsetSize)) {
            // Directory 0 is the compilation directory; the others may be relative to it.
            directories.add(directories.isEmpty() ? entry[0] : join(directories, 0, entry[0]));
        }
        for (String[] entry : readEntries(cursor, offsetSize)) {
            long directory = entry[1] == null ? 0 : Long.parseLong(entry[1]);
            header.fileIds.add(table.fileId(join(directories, directory, entry[0])));
        }
        header.directories = directories;
    }

    /** Entries of a v5 directory or file list: [path, directory index] (others are skipped). */
    private List<String[]> readEntries(ByteCursor cursor, int offsetSize) throws IOException {
        int formatCount = cursor.u8();
        long[][] formats = new long[formatCount][2];
        for (int i = 0; i < formatCount; i++) {
            formats[i][0] = cursor.uleb();
            formats[i][1] = cursor.uleb();
        }
        long count = cursor.uleb();
        List<String[]> entries = new ArrayList<>();
        for (long n = 0; n < count; n++) {
            String[] entry = new String[2];
            for (long[] format : formats) {
                int contentType = (int) format[0];
                int form = (int) format[1];
                if (contentType == DW_LNCT_PATH) {
                    entry[0] = readString(cursor, form, offsetSize);
                } else if (contentType == DW_LNCT_DIRECTORY_INDEX) {
                    entry[1] = Long.toString(readUnsigned(cursor, form));
                } else {
                    skipForm(cursor, form, offsetSize);
                }
            }
            entries.add(entry);
        }
        return entries;
    }

    private String readString(ByteCursor cursor, int form, int offsetSize) throws IOException {
        return switch (form) {
            case 0x08 -> cursor.cString(); // DW_FORM_string
            case 0x1f -> elf.string(lineStrings.orElseThrow(() -> missing(".debug_line_str")),
                    cursor.unsigned(offsetSize)); // DW_FORM_line_strp
            case 0x0e -> elf.string(strings.orElseThrow(() -> missing(".debug_str")),
                    cursor.unsigned(offsetSize)); // DW_FORM_strp
            default -> throw new IOException(elf.sourceName() + ": unsupported DWARF form 0x"
                    + Integer.toHexString(form) + " for a file name");
        };
    }

    private IOException missing(String section) {
        return new IOException(elf.sourceName() + ": the line table refers to " + section + ", which is missing");
    }

    private long readUnsigned(ByteCursor cursor, int form) throws IOException {
        return switch (form) {
            case 0x0b -> cursor.u8();   // data1
            case 0x05 -> cursor.u16();  // data2
            case 0x06 -> cursor.u32() & 0xFFFFFFFFL; // data4
            case 0x07 -> cursor.u64();  // data8
            case 0x0f -> cursor.uleb(); // udata
            default -> throw new IOException(elf.sourceName() + ": unsupported DWARF form 0x"
                    + Integer.toHexString(form) + " for a directory index");
        };
    }

    private void skipForm(ByteCursor cursor, int form, int offsetSize) throws IOException {
        switch (form) {
            case 0x08 -> cursor.cString();
            case 0x1f, 0x0e, 0x17 -> cursor.skip(offsetSize); // line_strp, strp, sec_offset
            case 0x0b -> cursor.skip(1);
            case 0x05 -> cursor.skip(2);
            case 0x06 -> cursor.skip(4);
            case 0x07 -> cursor.skip(8);
            case 0x1e -> cursor.skip(16); // data16 (MD5)
            case 0x0f -> cursor.uleb();
            case 0x0d -> cursor.sleb();
            case 0x09 -> cursor.skip(cursor.uleb()); // block
            default -> throw new IOException(elf.sourceName() + ": unsupported DWARF form 0x"
                    + Integer.toHexString(form) + " in a line table header");
        }
    }

    static String join(List<String> directories, long directory, String name) {
        if (name == null || name.startsWith("/") || directory < 0 || directory >= directories.size()) {
            return name;
        }
        String prefix = directories.get((int) directory);
        if (prefix == null || prefix.isEmpty()) {
            return name;
        }
        return prefix.endsWith("/") ? prefix + name : prefix + "/" + name;
    }

    /** What a line program needs from its header. */
    static final class LineProgramHeader {
        int minimumInstructionLength;
        boolean defaultIsStatement;
        int lineBase;
        int lineRange;
        int opcodeBase;
        int[] standardOpcodeLengths;
        List<String> directories;
        final List<Integer> fileIds = new ArrayList<>();
    }
}
