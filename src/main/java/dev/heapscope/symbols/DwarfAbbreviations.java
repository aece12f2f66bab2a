package dev.heapscope.symbols;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One abbreviation table of {@code .debug_abbrev}: code to tag, children flag, attributes and forms. */
final class DwarfAbbreviations {
    private static final int FORM_IMPLICIT_CONST = 0x21;

    private final Map<Long, Entry> byCode;
    private final String sourceName;

    private DwarfAbbreviations(Map<Long, Entry> byCode, String sourceName) {
        this.byCode = byCode;
        this.sourceName = sourceName;
    }

    record Entry(int tag, boolean hasChildren, int[] attributes, int[] forms) {
    }

    static DwarfAbbreviations read(ElfFile elf, ElfSection section, long tableOffset) throws IOException {
        if (tableOffset < 0 || tableOffset >= (section.sizeBytes() & 0xFFFFFFFFL)) {
            throw new IOException(elf.sourceName() + ": abbreviation table offset " + tableOffset
                    + " lies outside .debug_abbrev");
        }
        ByteCursor cursor = elf.cursor(section);
        cursor.seek(section.offset() + (int) tableOffset);
        Map<Long, Entry> byCode = new HashMap<>();
        for (long code = cursor.uleb(); code != 0; code = cursor.uleb()) {
            int tag = (int) cursor.uleb();
            boolean children = cursor.u8() != 0;
            List<int[]> pairs = new ArrayList<>();
            while (true) {
                int attribute = (int) cursor.uleb();
                int form = (int) cursor.uleb();
                if (attribute == 0 && form == 0) {
                    break;
                }
                if (form == FORM_IMPLICIT_CONST) {
                    cursor.sleb(); // the value lives here, not in the entries; we never need it
                }
                pairs.add(new int[]{attribute, form});
            }
            int[] attributes = new int[pairs.size()];
            int[] forms = new int[pairs.size()];
            for (int i = 0; i < attributes.length; i++) {
                attributes[i] = pairs.get(i)[0];
                forms[i] = pairs.get(i)[1];
            }
            byCode.put(code, new Entry(tag, children, attributes, forms));
        }
        return new DwarfAbbreviations(byCode, elf.sourceName());
    }

    /** Whether any entry of this table has {@code tag}: when none does, no entry of its units can. */
    boolean hasTag(int tag) {
        for (Entry entry : byCode.values()) {
            if (entry.tag() == tag) {
                return true;
            }
        }
        return false;
    }

    Entry entry(long code) throws IOException {
        Entry entry = byCode.get(code);
        if (entry == null) {
            throw new IOException(sourceName + ": a debugging entry uses abbreviation " + code + ", which is not defined");
        }
        return entry;
    }
}
