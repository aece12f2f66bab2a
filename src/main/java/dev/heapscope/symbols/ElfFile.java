package dev.heapscope.symbols;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A 32-bit little-endian ELF file (ESP32 firmware: Xtensa or RISC-V): its section headers and, through
 * {@link #functionSymbols()}, the code symbols of {@code .symtab}. The file is memory-mapped and a
 * section's bytes are copied out when a reader asks for that section (or {@link #keep} names it), so
 * the code and the debugging sections nobody reads ({@code .text}, {@code .debug_frame},
 * {@code .debug_loclists}: most of a firmware ELF) are never read. Anything else (not ELF, 64-bit,
 * big-endian, cut off) is refused with an {@link IOException} that says which. Immutable after reading
 * (the section copies are a cache).
 */
public final class ElfFile {
    static final int EM_XTENSA = 94;
    static final int EM_RISCV = 243;
    static final int EM_ARM = 40;
    private static final int HEADER_BYTES = 52;
    private static final int SECTION_HEADER_BYTES = 40;

    private final String sourceName;
    private final ByteBuffer data;
    private final byte[] whole; // the file's bytes when they are in the heap anyway, else null
    private final int machine;
    private final List<ElfSection> sections;
    private final Map<Long, byte[]> copies = new ConcurrentHashMap<>();

    private ElfFile(String sourceName, ByteBuffer data, byte[] whole, int machine, List<ElfSection> sections) {
        this.sourceName = sourceName;
        this.data = data;
        this.whole = whole;
        this.machine = machine;
        this.sections = sections;
    }

    /** Maps and checks {@code path}. */
    public static ElfFile read(Path path) throws IOException {
        if (File.separatorChar == '\\') {
            // Windows refuses to replace a mapped file: a rebuild while the app is open must still work.
            return parse(Files.readAllBytes(path), path.toString());
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE) {
                throw new IOException(path + " is " + size + " bytes: too large for firmware");
            }
            return parse(channel.map(FileChannel.MapMode.READ_ONLY, 0, size), null, path.toString());
        }
    }

    /** Checks and indexes {@code bytes}; {@code sourceName} appears in error messages. */
    public static ElfFile parse(byte[] bytes, String sourceName) throws IOException {
        return parse(ByteBuffer.wrap(bytes), bytes, sourceName);
    }

    private static ElfFile parse(ByteBuffer data, byte[] whole, String sourceName) throws IOException {
        int length = data.capacity();
        byte[] bytes = copy(data, 0, Math.min(length, HEADER_BYTES));
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
        if (length < HEADER_BYTES) {
            throw new IOException(sourceName + " is truncated: " + length + " bytes, shorter than an ELF header");
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
        long tableBytes = (long) sectionCount * sectionHeaderSize;
        if (sectionTableOffset + tableBytes > length) {
            throw new IOException(sourceName + " is truncated: its section headers end past the file's "
                    + length + " bytes");
        }
        byte[] table = copy(data, (int) sectionTableOffset, (int) tableBytes);
        int[][] raw = new int[sectionCount][];
        for (int i = 0; i < sectionCount; i++) {
            int at = (int) sectionTableOffset + i * sectionHeaderSize;
            ByteCursor entry = new ByteCursor(table, (int) sectionTableOffset, at, (int) (sectionTableOffset + tableBytes),
                    sourceName + " section header " + i);
            raw[i] = new int[]{entry.u32(), entry.u32(), entry.u32(), entry.u32(), entry.u32(), entry.u32(),
                    entry.u32(), entry.u32(), entry.u32(), entry.u32()};
            int type = raw[i][1];
            long end = (raw[i][4] & 0xFFFFFFFFL) + (raw[i][5] & 0xFFFFFFFFL);
            if (type != ElfSection.SHT_NOBITS && type != 0 && end > length) {
                throw new IOException(sourceName + " is truncated: section " + i + " ends at byte " + end
                        + " but the file has " + length);
            }
        }
        if (namesIndex >= sectionCount) {
            throw new IOException(sourceName + ": section-name table index " + namesIndex + " is out of range");
        }
        int namesOffset = raw[namesIndex][4];
        int namesEnd = namesOffset + raw[namesIndex][5];
        if (namesOffset < 0 || namesEnd < namesOffset || namesEnd > length) {
            throw new IOException(sourceName + ": the section-name table lies outside the file");
        }
        byte[] names = copy(data, namesOffset, namesEnd - namesOffset);
        List<ElfSection> sections = new ArrayList<>(sectionCount);
        for (int[] s : raw) {
            String name = stringAt(names, namesOffset, namesEnd, s[0], sourceName);
            sections.add(new ElfSection(name, s[1], s[2], s[3], s[4], s[5], s[6], s[9]));
        }
        return new ElfFile(sourceName, data, whole, machine, List.copyOf(sections));
    }

    private static byte[] copy(ByteBuffer data, int offset, int length) {
        byte[] copy = new byte[length];
        data.get(offset, copy);
        return copy;
    }

    private static String stringAt(byte[] bytes, int base, int tableEnd, int index, String sourceName)
            throws IOException {
        if (index < 0 || base + (long) index >= tableEnd) {
            throw new IOException(sourceName + ": a name points outside its string table");
        }
        return new ByteCursor(bytes, base, base + index, tableEnd, sourceName + " string table").cString();
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

    ByteCursor cursor(ElfSection section) throws IOException {
        int base = whole != null ? 0 : section.offset();
        return new ByteCursor(bytes(section), base, section.offset(), section.offset() + section.sizeBytes(),
                sourceName + " section " + section.name());
    }

    /** A section's bytes: {@code array[start]} is its first byte. */
    record Bytes(byte[] array, int start) {
        int u32(int index) {
            return (array[start + index] & 0xFF) | (array[start + index + 1] & 0xFF) << 8
                    | (array[start + index + 2] & 0xFF) << 16 | (array[start + index + 3] & 0xFF) << 24;
        }
    }

    /** For tight loops over a whole section (the symbol table), without a cursor call per field. */
    Bytes bytesOf(ElfSection section) throws IOException {
        return new Bytes(bytes(section), whole != null ? section.offset() : 0);
    }

    /**
     * Copies the named sections now: what a reader takes later then comes from the file as it was when
     * opened, even if it is rewritten in place meanwhile (a linker writes a new file, {@code cp} does not).
     */
    void keep(String... names) throws IOException {
        for (String name : names) {
            Optional<ElfSection> section = section(name);
            if (section.isPresent()) {
                bytes(section.get());
            }
        }
    }

    /** The bytes of {@code section}: the whole file's array, or a copy of the section (made once). */
    private byte[] bytes(ElfSection section) throws IOException {
        long start = section.offset() & 0xFFFFFFFFL;
        long size = section.sizeBytes() & 0xFFFFFFFFL;
        if (start + size > data.capacity()) {
            throw new IOException(sourceName + ": section " + section.name() + " lies outside the file");
        }
        if (whole != null) {
            return whole;
        }
        try {
            return copies.computeIfAbsent(start << 32 | size, key -> copy(data, (int) start, (int) size));
        } catch (InternalError e) {
            // The JVM's word for a mapped file that shrank under us (SIGBUS).
            throw new IOException(sourceName + " changed on disk while it was being read", e);
        }
    }

    /** A NUL-terminated string at {@code offset} in {@code section} (a string table). */
    String string(ElfSection section, long offset) throws IOException {
        if (offset < 0 || offset >= (section.sizeBytes() & 0xFFFFFFFFL)) {
            throw new IOException(sourceName + ": a string offset " + offset + " lies outside " + section.name());
        }
        ByteCursor cursor = cursor(section);
        cursor.seek(section.offset() + (int) offset);
        return cursor.cString();
    }

    /** A NUL-terminated string at absolute file offset {@code offset} (DW_FORM_string names). */
    String stringAtFileOffset(long offset) throws IOException {
        for (ElfSection section : sections) {
            long start = section.offset() & 0xFFFFFFFFL;
            if (section.hasFileBytes() && offset >= start && offset < start + (section.sizeBytes() & 0xFFFFFFFFL)) {
                ByteCursor cursor = cursor(section);
                cursor.seek((int) offset);
                return cursor.cString();
            }
        }
        throw new IOException(sourceName + ": a string offset " + offset + " lies outside the file's sections");
    }

    /**
     * Code symbols of {@code .symtab}: {@code STT_FUNC}, and {@code STT_NOTYPE} symbols defined in an
     * executable section (hand-written assembly), without compiler-local labels ({@code .L…}, {@code $…}).
     * Empty when the file has no symbol table (stripped).
     */
    List<ElfFunctionSymbol> functionSymbols() throws IOException {
        return ElfCodeSymbols.read(this).toList();
    }
}
