package dev.heapscope.symbols;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A 32-bit little-endian ELF file (ESP32 firmware: Xtensa or RISC-V) read fully into memory: its
 * section headers and, through {@link #functionSymbols()}, the code symbols of {@code .symtab}.
 * Anything else (not ELF, 64-bit, big-endian, cut off) is refused with an {@link IOException} that says
 * which. Immutable after reading.
 */
public final class ElfFile {
    static final int EM_XTENSA = 94;
    static final int EM_RISCV = 243;
    static final int EM_ARM = 40;
    private static final int HEADER_BYTES = 52;
    private static final int SECTION_HEADER_BYTES = 40;
    private static final int SYMBOL_BYTES = 16;
    private static final int STT_NOTYPE = 0;
    private static final int STT_FUNC = 2;
    private static final int STT_FILE = 4;

    private final String sourceName;
    private final byte[] bytes;
    private final int machine;
    private final List<ElfSection> sections;

    private ElfFile(String sourceName, byte[] bytes, int machine, List<ElfSection> sections) {
        this.sourceName = sourceName;
        this.bytes = bytes;
        this.machine = machine;
        this.sections = sections;
    }

    /** Reads and checks {@code path}. */
    public static ElfFile read(Path path) throws IOException {
        return parse(Files.readAllBytes(path), path.toString());
    }

    /** Checks and indexes {@code bytes}; {@code sourceName} appears in error messages. */
    public static ElfFile parse(byte[] bytes, String sourceName) throws IOException {
        if (bytes.length < 16 || bytes[0] != 0x7F || bytes[1] != 'E' || bytes[2] != 'L' || bytes[3] != 'F') {
            throw new IOException(sourceName + " is not an ELF file (no \\x7fELF signature)");
        }
        if (bytes[4] == 2) {
            throw new IOException(sourceName + " is a 64-bit ELF file; ESP32 firmware is 32-bit");
        }
        if (bytes[4] != 1) {
            throw new IOException(sourceName + " has an unknown ELF class " + bytes[4]);
        }
        if (bytes[5] == 2) {
            throw new IOException(sourceName + " is a big-endian ELF file; ESP32 firmware is little-endian");
        }
        if (bytes[5] != 1) {
            throw new IOException(sourceName + " has an unknown ELF byte order " + bytes[5]);
        }
        if (bytes.length < HEADER_BYTES) {
            throw new IOException(sourceName + " is truncated: " + bytes.length + " bytes, shorter than an ELF header");
        }
        ByteCursor header = new ByteCursor(bytes, 16, HEADER_BYTES, sourceName + " ELF header");
        header.u16(); // e_type
        int machine = header.u16();
        header.seek(32);
        long sectionTableOffset = header.u32() & 0xFFFFFFFFL;
        header.seek(46);
        int sectionHeaderSize = header.u16();
        int sectionCount = header.u16();
        int namesIndex = header.u16();
        if (sectionTableOffset == 0 || sectionCount == 0) {
            throw new IOException(sourceName + " has no section headers (stripped to a bare image?); "
                    + "use the .elf the build wrote, not the .bin");
        }
        if (sectionHeaderSize < SECTION_HEADER_BYTES) {
            throw new IOException(sourceName + " has section headers of " + sectionHeaderSize + " bytes; expected 40");
        }
        if (sectionTableOffset + (long) sectionCount * sectionHeaderSize > bytes.length) {
            throw new IOException(sourceName + " is truncated: its section headers end past the file's "
                    + bytes.length + " bytes");
        }
        int[][] raw = new int[sectionCount][];
        for (int i = 0; i < sectionCount; i++) {
            ByteCursor entry = new ByteCursor(bytes, (int) (sectionTableOffset + (long) i * sectionHeaderSize),
                    bytes.length, sourceName + " section header " + i);
            raw[i] = new int[]{entry.u32(), entry.u32(), entry.u32(), entry.u32(), entry.u32(), entry.u32(),
                    entry.u32(), entry.u32(), entry.u32(), entry.u32()};
            int type = raw[i][1];
            long end = (raw[i][4] & 0xFFFFFFFFL) + (raw[i][5] & 0xFFFFFFFFL);
            if (type != ElfSection.SHT_NOBITS && type != 0 && end > bytes.length) {
                throw new IOException(sourceName + " is truncated: section " + i + " ends at byte " + end
                        + " but the file has " + bytes.length);
            }
        }
        if (namesIndex >= sectionCount) {
            throw new IOException(sourceName + ": section-name table index " + namesIndex + " is out of range");
        }
        int namesOffset = raw[namesIndex][4];
        int namesEnd = namesOffset + raw[namesIndex][5];
        List<ElfSection> sections = new ArrayList<>(sectionCount);
        for (int[] s : raw) {
            String name = stringAt(bytes, namesOffset, namesEnd, s[0], sourceName);
            sections.add(new ElfSection(name, s[1], s[2], s[3], s[4], s[5], s[6], s[9]));
        }
        return new ElfFile(sourceName, bytes, machine, List.copyOf(sections));
    }

    private static String stringAt(byte[] bytes, int tableStart, int tableEnd, int index, String sourceName)
            throws IOException {
        if (index < 0 || tableStart + (long) index >= tableEnd) {
            throw new IOException(sourceName + ": a name points outside its string table");
        }
        return new ByteCursor(bytes, tableStart + index, tableEnd, sourceName + " string table").cString();
    }

    /** The {@code e_machine} field: 94 Xtensa, 243 RISC-V, 40 ARM. */
    public int machine() {
        return machine;
    }

    public String sourceName() {
        return sourceName;
    }

    List<ElfSection> sections() {
        return sections;
    }

    Optional<ElfSection> section(String name) {
        return sections.stream().filter(s -> s.name().equals(name) && s.hasFileBytes()).findFirst();
    }

    ByteCursor cursor(ElfSection section) {
        return new ByteCursor(bytes, section.offset(), section.offset() + section.sizeBytes(),
                sourceName + " section " + section.name());
    }

    /** A NUL-terminated string at {@code offset} in {@code section} (a string table). */
    String string(ElfSection section, long offset) throws IOException {
        if (offset < 0 || offset >= (section.sizeBytes() & 0xFFFFFFFFL)) {
            throw new IOException(sourceName + ": a string offset " + offset + " lies outside " + section.name());
        }
        return stringAt(bytes, section.offset(), section.offset() + section.sizeBytes(), (int) offset, sourceName);
    }

    /** A NUL-terminated string at absolute file offset {@code offset} (DW_FORM_string names). */
    String stringAtFileOffset(long offset) throws IOException {
        if (offset < 0 || offset >= bytes.length) {
            throw new IOException(sourceName + ": a string offset " + offset + " lies outside the file");
        }
        return new ByteCursor(bytes, (int) offset, bytes.length, sourceName).cString();
    }

    /**
     * Code symbols of {@code .symtab}: {@code STT_FUNC}, and {@code STT_NOTYPE} symbols defined in an
     * executable section (hand-written assembly), without compiler-local labels ({@code .L…}, {@code $…}).
     * Empty when the file has no symbol table (stripped).
     */
    List<ElfFunctionSymbol> functionSymbols() throws IOException {
        List<ElfFunctionSymbol> found = new ArrayList<>();
        for (ElfSection table : sections) {
            if (table.type() != ElfSection.SHT_SYMTAB) {
                continue;
            }
            if (table.link() < 0 || table.link() >= sections.size()) {
                throw new IOException(sourceName + ": the symbol table's string table index is out of range");
            }
            ElfSection names = sections.get(table.link());
            ByteCursor entries = cursor(table);
            int count = table.sizeBytes() / SYMBOL_BYTES;
            String sourceFile = null;
            for (int i = 0; i < count; i++) {
                entries.seek(table.offset() + i * SYMBOL_BYTES);
                int nameOffset = entries.u32();
                int value = entries.u32();
                int size = entries.u32();
                int info = entries.u8();
                entries.u8();
                int sectionIndex = entries.u16();
                int type = info & 0xF;
                if (type == STT_FILE) {
                    sourceFile = nameOffset == 0 ? null : string(names, nameOffset & 0xFFFFFFFFL);
                    continue;
                }
                boolean code = type == STT_FUNC || (type == STT_NOTYPE && sectionIndex > 0
                        && sectionIndex < sections.size() && sections.get(sectionIndex).executable());
                if (!code || sectionIndex == 0 || nameOffset == 0) {
                    continue;
                }
                String name = string(names, nameOffset & 0xFFFFFFFFL);
                if (name.isEmpty() || name.startsWith(".L") || name.startsWith("$")) {
                    continue;
                }
                boolean global = (info >> 4) != 0;
                found.add(new ElfFunctionSymbol(name, value, size, type == STT_FUNC, global,
                        global ? null : sourceFile));
            }
        }
        return found;
    }
}
