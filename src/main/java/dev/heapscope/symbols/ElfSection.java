package dev.heapscope.symbols;

/** One ELF32 section header; {@code offset}/{@code sizeBytes} locate its bytes in the file. */
record ElfSection(String name, int type, int flags, int address, int offset, int sizeBytes, int link, int entrySize) {
    static final int SHT_SYMTAB = 2;
    static final int SHT_NOBITS = 8;
    static final int SHF_EXECINSTR = 0x4;

    boolean executable() {
        return (flags & SHF_EXECINSTR) != 0;
    }

    boolean hasFileBytes() {
        return type != SHT_NOBITS && type != 0;
    }

    /** Whether {@code address} lies in this section's address range (unsigned). */
    boolean containsAddress(int candidate) {
        long start = address & 0xFFFFFFFFL;
        long value = candidate & 0xFFFFFFFFL;
        return value >= start && value < start + (sizeBytes & 0xFFFFFFFFL);
    }
}
