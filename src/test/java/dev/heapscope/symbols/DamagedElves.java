package dev.heapscope.symbols;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Copies of the committed test firmware with one part broken on purpose, for tests outside this package
 * (the CLI's and the app's) that check how a damaged ELF is reported.
 */
public final class DamagedElves {
    /** An address in app.c's unit of app-xtensa-dwarf5.elf (count_buffers). */
    public static final int IN_APP_C = 0x400d0004;

    private DamagedElves() {
    }

    /**
     * app-xtensa-dwarf5.elf with app.c's line program made undecodable (its DWARF 5 line_range, which must
     * not be 0, set to 0): its functions keep their names, a lookup there loses its line and warns.
     */
    public static Path withBrokenLineProgram(Path directory) throws IOException {
        byte[] bytes = Files.readAllBytes(TestElves.path("app-xtensa-dwarf5.elf"));
        ElfSection lines = ElfFile.parse(bytes, "copy.elf").section(".debug_line").orElseThrow();
        bytes[lines.offset() + 16] = 0;
        return Files.write(Files.createTempFile(directory, "damaged", ".elf"), bytes);
    }
}
