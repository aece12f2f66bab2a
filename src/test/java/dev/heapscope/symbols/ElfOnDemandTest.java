package dev.heapscope.symbols;

import dev.heapscope.model.Symbol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Line programs are decoded only for the units an address lies in, and the answers are those of the
 * whole file, also when the file's range tables are missing, leave a unit out or overlap. The test ELFs
 * have two units (app.c, util.c) or three (with inline.c); damaged copies are written to files, so the
 * memory-mapped path is the one tested.
 */
class ElfOnDemandTest {
    @TempDir
    Path temp;

    @Test
    void openingDecodesNoLineProgramAndOneAddressDecodesOnlyItsUnit() throws IOException {
        ElfSymbolizer symbolizer = ElfSymbolizer.load(TestElves.path("app-xtensa-dwarf5.elf"));
        assertThat(symbolizer.decodedLinePrograms()).isZero();

        assertThat(symbolizer.resolve(0x400d0004)).get().extracting(Symbol::line).isEqualTo(7);
        assertThat(symbolizer.decodedLinePrograms()).isEqualTo(1);
        symbolizer.resolve(0x400d0010);
        assertThat(symbolizer.decodedLinePrograms()).as("the same unit again").isEqualTo(1);

        int inUtil = firstAddressIn("app-xtensa-dwarf5", "util.c");
        assertThat(symbolizer.resolve(inUtil)).get().extracting(Symbol::file).asString().endsWith("util.c");
        assertThat(symbolizer.decodedLinePrograms()).isEqualTo(2);
    }

    @Test
    void anAddressOutsideEveryFunctionDecodesNothing() throws IOException {
        ElfSymbolizer symbolizer = ElfSymbolizer.load(TestElves.path("app-xtensa-dwarf4.elf"));
        assertThat(symbolizer.resolve(0x3ffb0000)).isEmpty();
        assertThat(symbolizer.decodedLinePrograms()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"app-xtensa-dwarf2", "app-xtensa-dwarf4", "app-xtensa-dwarf5", "app-riscv32-dwarf5",
            "app-xtensa-inline-dwarf4", "app-xtensa-inline-dwarf5", "app-riscv32-inline-dwarf5"})
    void withoutArangesTheUnitsOwnEntriesSayWhereTheirCodeIs(String name) throws IOException {
        byte[] bytes = bytesOf(name);
        rename(bytes, ".debug_aranges", ".debug_arangez");
        ElfSymbolizer damaged = ElfSymbolizer.load(write(bytes));
        assertSameAnswers(name, damaged);

        ElfSymbolizer fresh = ElfSymbolizer.load(write(bytes));
        fresh.resolve(firstAddressIn(name, "util.c"));
        assertThat(fresh.decodedLinePrograms()).as("still one unit per address").isEqualTo(1);
    }

    @Test
    void aUnitTheArangesLeaveOutFallsBackToItsOwnEntry() throws IOException {
        byte[] bytes = bytesOf("app-xtensa-dwarf5");
        ElfSection aranges = section(bytes, ".debug_aranges");
        putU32(bytes, aranges.offset() + 6, 0x7FFFFFF0); // the first set now names no unit: app.c is left out
        ElfSymbolizer damaged = ElfSymbolizer.load(write(bytes));
        assertSameAnswers("app-xtensa-dwarf5", damaged);

        ElfSymbolizer fresh = ElfSymbolizer.load(write(bytes));
        fresh.resolve(0x400d0004);
        assertThat(fresh.decodedLinePrograms()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"app-xtensa-dwarf5", "app-xtensa-inline-dwarf5", "app-riscv32-inline-dwarf5"})
    void overlappingRangesAnswerAsOneTableWould(String name) throws IOException {
        byte[] bytes = bytesOf(name);
        ElfSection aranges = section(bytes, ".debug_aranges");
        int low = firstAddressIn(name, "app.c") & ~0xFFFF;
        // app.c's set (tuples start at byte 16 of the set) now claims the 64 KiB all the code lies in
        putU32(bytes, aranges.offset() + 16, low);
        putU32(bytes, aranges.offset() + 20, 0x10000);
        ElfSymbolizer damaged = ElfSymbolizer.load(write(bytes));
        assertSameAnswers(name, damaged);

        ElfSymbolizer fresh = ElfSymbolizer.load(write(bytes));
        fresh.resolve(firstAddressIn(name, "util.c"));
        assertThat(fresh.decodedLinePrograms()).as("app.c claims util.c's code too: both are asked").isEqualTo(2);
    }

    @Test
    void aUnitNothingDescribesIsAskedAboutEveryAddress() throws IOException {
        byte[] bytes = bytesOf("app-xtensa-dwarf5");
        rename(bytes, ".debug_aranges", ".debug_arangez");
        // In the compile units' abbreviations (low_pc addr, high_pc data4, stmt_list sec_offset), low_pc and
        // high_pc become attributes we do not read, so neither unit says where its code is.
        ElfSection abbreviations = section(bytes, ".debug_abbrev");
        int patched = 0;
        for (int i = abbreviations.offset(); i + 6 <= abbreviations.offset() + abbreviations.sizeBytes(); i++) {
            if (bytes[i] == 0x11 && bytes[i + 1] == 0x01 && bytes[i + 2] == 0x12 && bytes[i + 3] == 0x06
                    && bytes[i + 4] == 0x10 && bytes[i + 5] == 0x17) {
                bytes[i] = 0x3a;
                bytes[i + 2] = 0x3b;
                patched++;
            }
        }
        assertThat(patched).as("both units' abbreviations").isEqualTo(2);
        ElfSymbolizer damaged = ElfSymbolizer.load(write(bytes));
        assertSameAnswers("app-xtensa-dwarf5", damaged);

        ElfSymbolizer fresh = ElfSymbolizer.load(write(bytes));
        fresh.resolve(0x400d0004);
        assertThat(fresh.decodedLinePrograms()).isEqualTo(2);
    }

    @Test
    void lookupsSeeTheFileAsItWasWhenOpenedEvenIfItIsOverwrittenInPlace() throws IOException {
        byte[] bytes = bytesOf("app-xtensa-inline-dwarf5");
        Path file = write(bytes);
        ElfSymbolizer opened = ElfSymbolizer.load(file);
        Files.write(file, new byte[bytes.length]); // same file, same length, nothing but zeros now (as cp would)
        assertSameAnswers("app-xtensa-inline-dwarf5", opened);
    }

    @Test
    void aDamagedLineProgramCostsOnlyItsOwnLinesAndSaysSo() throws IOException {
        byte[] bytes = bytesOf("app-xtensa-dwarf5");
        ElfSection lines = section(bytes, ".debug_line");
        bytes[lines.offset() + 16] = 0; // app.c's program (the first): DWARF 5 line_range, which must not be 0
        ElfSymbolizer damaged = ElfSymbolizer.load(write(bytes));
        assertThat(damaged.warnings()).isEmpty();

        Symbol inApp = damaged.resolve(0x400d0004).orElseThrow();
        assertThat(inApp.function()).isEqualTo("count_buffers");
        assertThat(inApp.line()).as("no line from a program that cannot be decoded").isZero();
        int inUtil = firstAddressIn("app-xtensa-dwarf5", "util.c");
        ElfSymbolizer intact = ElfSymbolizer.load(TestElves.path("app-xtensa-dwarf5.elf"));
        assertThat(damaged.resolve(inUtil)).isEqualTo(intact.resolve(inUtil));
        assertThat(damaged.warnings()).singleElement().asString()
                .contains("damaged").contains("a line table is unreadable").contains("line_range 0");
    }

    @Test
    void countsThatNeedEveryUnitStillCountThemAll() throws IOException {
        ElfSymbolizer lazy = ElfSymbolizer.load(TestElves.path("app-xtensa-inline-dwarf5.elf"));
        assertThat(lazy.lineRowCount()).isPositive();
        assertThat(lazy.decodedLinePrograms()).isEqualTo(3);
        assertThat(lazy.inlinedSegmentCount()).isPositive();
    }

    /** Every golden address resolves in {@code damaged} exactly as in the intact file. */
    private static void assertSameAnswers(String name, ElfSymbolizer damaged) throws IOException {
        ElfSymbolizer intact = ElfSymbolizer.load(TestElves.path(name + ".elf"));
        List<Integer> addresses = goldenAddresses(name);
        assertThat(addresses).hasSizeGreaterThan(200);
        for (int address : addresses) {
            Optional<Symbol> expected = intact.resolve(address);
            assertThat(damaged.resolve(address)).as(name + " 0x" + Integer.toHexString(address)).isEqualTo(expected);
        }
    }

    private static List<Integer> goldenAddresses(String name) throws IOException {
        List<Integer> addresses = new ArrayList<>();
        for (String line : Files.readAllLines(TestElves.path(name + ".addr2line.txt"))) {
            addresses.add(Integer.parseUnsignedInt(line.substring(2, line.indexOf(' ')), 16));
        }
        return addresses;
    }

    private static int firstAddressIn(String name, String file) throws IOException {
        for (String line : Files.readAllLines(TestElves.path(name + ".addr2line.txt"))) {
            if (line.contains(file + ":") && !line.endsWith(":?")) {
                return Integer.parseUnsignedInt(line.substring(2, line.indexOf(' ')), 16);
            }
        }
        throw new AssertionError("no address of " + file + " in " + name);
    }

    private static byte[] bytesOf(String name) throws IOException {
        return Files.readAllBytes(TestElves.path(name + ".elf"));
    }

    private Path write(byte[] bytes) throws IOException {
        return Files.write(Files.createTempFile(temp, "damaged", ".elf"), bytes);
    }

    private static ElfSection section(byte[] bytes, String name) throws IOException {
        return ElfFile.parse(bytes, "copy.elf").section(name).orElseThrow();
    }

    /** Renames a section in the section-name table (same length). */
    private static void rename(byte[] bytes, String from, String to) {
        byte[] needle = (from + "\0").getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length)) {
                byte[] replacement = to.getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(replacement, 0, bytes, i, replacement.length);
                return;
            }
        }
        throw new AssertionError(from + " not found");
    }

    private static void putU32(byte[] bytes, int at, int value) {
        for (int i = 0; i < 4; i++) {
            bytes[at + i] = (byte) (value >>> 8 * i);
        }
    }
}
