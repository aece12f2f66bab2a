package dev.heapscope.symbols;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The compilation directory ({@code DW_AT_comp_dir}) of each compilation unit in {@code .debug_info},
 * keyed by the offset of its line program ({@code DW_AT_stmt_list}). DWARF 2 to 4 line tables name
 * files relative to it without saying what it is; addr2line prints the joined path, and so do we.
 * Only the first DIE of each unit is read.
 */
final class CompilationDirectories {
    private static final int DW_AT_STMT_LIST = 0x10;
    private static final int DW_AT_COMP_DIR = 0x1b;

    private final ElfFile elf;
    private final ElfSection abbreviations;
    private final Optional<ElfSection> strings;
    private final Optional<ElfSection> lineStrings;

    private CompilationDirectories(ElfFile elf, ElfSection abbreviations) {
        this.elf = elf;
        this.abbreviations = abbreviations;
        this.strings = elf.section(".debug_str");
        this.lineStrings = elf.section(".debug_line_str");
    }

    /** Line-program offset to compilation directory; empty without {@code .debug_info}. */
    static Map<Long, String> read(ElfFile elf) throws IOException {
        Map<Long, String> found = new HashMap<>();
        Optional<ElfSection> info = elf.section(".debug_info");
        Optional<ElfSection> abbreviations = elf.section(".debug_abbrev");
        if (info.isEmpty() || abbreviations.isEmpty()) {
            return found;
        }
        CompilationDirectories reader = new CompilationDirectories(elf, abbreviations.get());
        ByteCursor cursor = elf.cursor(info.get());
        while (cursor.hasMore()) {
            reader.readUnit(cursor, found);
        }
        return found;
    }

    private void readUnit(ByteCursor cursor, Map<Long, String> found) throws IOException {
        InfoUnitHeader header = InfoUnitHeader.read(cursor, elf.sourceName());
        if (header.isTypeUnit()) {
            cursor.seek(header.end()); // type units name no directory
            return;
        }
        long code = cursor.uleb();
        if (code != 0) {
            readFirstEntry(cursor, code, header.abbreviationOffset(),
                    new FormSizes(header.version(), header.offsetSize(), header.addressSize()), found);
        }
        cursor.seek(header.end());
    }

    private void readFirstEntry(ByteCursor die, long code, long abbreviationOffset, FormSizes sizes,
                                Map<Long, String> found) throws IOException {
        ByteCursor abbreviation = elf.cursor(abbreviations);
        abbreviation.seek(abbreviations.offset() + (int) Math.min(abbreviationOffset, abbreviations.sizeBytes()));
        while (true) {
            long entryCode = abbreviation.uleb();
            if (entryCode == 0) {
                throw new IOException(elf.sourceName() + ": abbreviation " + code + " is missing from .debug_abbrev");
            }
            abbreviation.uleb(); // tag
            abbreviation.u8(); // has children
            boolean wanted = entryCode == code;
            Long lineProgram = null;
            String directory = null;
            while (true) {
                int attribute = (int) abbreviation.uleb();
                int form = (int) abbreviation.uleb();
                if (attribute == 0 && form == 0) {
                    break;
                }
                if (form == 0x21) {
                    abbreviation.sleb(); // implicit_const keeps its value here, not in the DIE
                }
                if (!wanted) {
                    continue;
                }
                if (attribute == DW_AT_STMT_LIST) {
                    lineProgram = sizes.readUnsigned(die, form);
                } else if (attribute == DW_AT_COMP_DIR) {
                    directory = readString(die, form, sizes.offsetSize());
                } else {
                    sizes.skip(die, form);
                }
            }
            if (wanted) {
                if (lineProgram != null && directory != null) {
                    found.put(lineProgram, directory);
                }
                return;
            }
        }
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
