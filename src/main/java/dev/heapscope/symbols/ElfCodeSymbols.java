package dev.heapscope.symbols;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The code symbols of {@code .symtab} in parallel arrays, their names left in the string table until
 * someone asks for one: a firmware ELF has tens of thousands of functions and a dump names a few of them,
 * so opening the file should not make a {@code String} per symbol. Which symbols count as code is
 * described at {@link ElfFile#functionSymbols()}.
 */
final class ElfCodeSymbols {
    private static final int SYMBOL_BYTES = 16;
    private static final int STT_NOTYPE = 0;
    private static final int STT_FUNC = 2;
    private static final int STT_FILE = 4;
    private static final int NO_FILE = -1;

    private final ElfFile elf;
    private final ElfFile.Bytes[] stringTables; // by section index; names are read from them on demand
    int count;
    int[] nameOffsets = new int[256];
    int[] addresses = new int[256];
    int[] sizes = new int[256];
    boolean[] typed = new boolean[256];
    boolean[] global = new boolean[256];
    int[] fileNameOffsets = new int[256]; // the STT_FILE name before a local symbol, or NO_FILE
    int[] tables = new int[256]; // index into stringTables

    private ElfCodeSymbols(ElfFile elf) {
        this.elf = elf;
        this.stringTables = new ElfFile.Bytes[elf.sections().size()];
    }

    static ElfCodeSymbols read(ElfFile elf) throws IOException {
        ElfCodeSymbols symbols = new ElfCodeSymbols(elf);
        List<ElfSection> sections = elf.sections();
        for (ElfSection table : sections) {
            if (table.type() == ElfSection.SHT_SYMTAB) {
                symbols.readTable(table);
            }
        }
        return symbols;
    }

    private void readTable(ElfSection table) throws IOException {
        List<ElfSection> sections = elf.sections();
        if (table.link() < 0 || table.link() >= sections.size()) {
            throw new IOException(elf.sourceName() + ": the symbol table's string table index is out of range");
        }
        ElfSection names = sections.get(table.link());
        ElfFile.Bytes entries = elf.bytesOf(table);
        ElfFile.Bytes text = elf.bytesOf(names);
        stringTables[table.link()] = text;
        long namesSize = names.sizeBytes() & 0xFFFFFFFFL;
        // With a NUL at the table's end every name in range can be read later; else read each now, so that
        // a damaged table is refused on opening rather than when a name is first shown.
        boolean terminated = namesSize > 0 && text.array()[text.start() + (int) namesSize - 1] == 0;
        int symbolCount = table.sizeBytes() / SYMBOL_BYTES;
        int sourceFile = NO_FILE;
        for (int i = 0; i < symbolCount; i++) {
            int at = i * SYMBOL_BYTES;
            int nameOffset = entries.u32(at);
            int info = entries.array()[entries.start() + at + 12] & 0xFF;
            int sectionIndex = entries.u32(at + 12) >>> 16;
            int type = info & 0xF;
            if (type == STT_FILE) {
                sourceFile = nameOffset == 0 ? NO_FILE : checked(names, nameOffset, namesSize, terminated);
                continue;
            }
            boolean code = type == STT_FUNC || (type == STT_NOTYPE && sectionIndex > 0
                    && sectionIndex < sections.size() && sections.get(sectionIndex).executable());
            if (!code || sectionIndex == 0 || nameOffset == 0) {
                continue;
            }
            int first = text.start() + checked(names, nameOffset, namesSize, terminated);
            byte initial = text.array()[first];
            if (initial == 0 || initial == '$' || (initial == '.' && text.array()[first + 1] == 'L')) {
                continue; // no name, or a compiler-local label
            }
            boolean isGlobal = (info >> 4) != 0;
            add(nameOffset, entries.u32(at + 4), entries.u32(at + 8), type == STT_FUNC, isGlobal,
                    isGlobal ? NO_FILE : sourceFile, table.link());
        }
    }

    /** Checks that a name can be read (as reading it would); returns its offset. */
    private int checked(ElfSection names, int nameOffset, long namesSize, boolean terminated) throws IOException {
        long offset = nameOffset & 0xFFFFFFFFL;
        if (offset >= namesSize) {
            throw new IOException(elf.sourceName() + ": a string offset " + offset + " lies outside " + names.name());
        }
        if (!terminated) {
            elf.string(names, offset); // refuses a name that runs off the table's end
        }
        return nameOffset;
    }

    private void add(int nameOffset, int address, int size, boolean isTyped, boolean isGlobal, int file, int table) {
        if (count == addresses.length) {
            int grown = count * 2;
            nameOffsets = Arrays.copyOf(nameOffsets, grown);
            addresses = Arrays.copyOf(addresses, grown);
            sizes = Arrays.copyOf(sizes, grown);
            typed = Arrays.copyOf(typed, grown);
            global = Arrays.copyOf(global, grown);
            fileNameOffsets = Arrays.copyOf(fileNameOffsets, grown);
            tables = Arrays.copyOf(tables, grown);
        }
        nameOffsets[count] = nameOffset;
        addresses[count] = address;
        sizes[count] = size;
        typed[count] = isTyped;
        global[count] = isGlobal;
        fileNameOffsets[count] = file;
        tables[count] = table;
        count++;
    }

    /** Reading cannot fail: {@link #read} checked that every name it kept ends inside its table. */
    String name(int symbol) {
        return string(stringTables[tables[symbol]], nameOffsets[symbol]);
    }

    /** The {@code STT_FILE} name before a local symbol, else null. */
    String sourceFile(int symbol) {
        int offset = fileNameOffsets[symbol];
        return offset == NO_FILE ? null : string(stringTables[tables[symbol]], offset);
    }

    private static String string(ElfFile.Bytes table, int offset) {
        byte[] array = table.array();
        int start = table.start() + offset;
        int end = start;
        while (array[end] != 0) {
            end++;
        }
        return new String(array, start, end - start, StandardCharsets.UTF_8);
    }

    List<ElfFunctionSymbol> toList() {
        List<ElfFunctionSymbol> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(new ElfFunctionSymbol(name(i), addresses[i], sizes[i], typed[i], global[i], sourceFile(i)));
        }
        return list;
    }
}
