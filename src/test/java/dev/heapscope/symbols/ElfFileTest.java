package dev.heapscope.symbols;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ElfFileTest {
    private static final int ROUNDS = Integer.getInteger("heapscope.fuzzRounds", 400);

    @TempDir
    Path temp;

    private static byte[] xtensaBytes() throws IOException {
        return Files.readAllBytes(TestElves.path("app-xtensa-dwarf5.elf"));
    }

    @Test
    void readsTheMachineAndTheFunctionsOfAnXtensaElf() throws IOException {
        ElfFile elf = ElfFile.read(TestElves.path("app-xtensa-dwarf5.elf"));
        assertThat(elf.machine()).isEqualTo(ElfFile.EM_XTENSA);
        assertThat(elf.functionSymbols()).extracting(ElfFunctionSymbol::name)
                .contains("count_buffers", "leak_some_memory", "main", "checksum", "scale");
        assertThat(elf.functionSymbols()).filteredOn(s -> s.name().equals("count_buffers")).singleElement()
                .satisfies(s -> {
                    assertThat(s.global()).isFalse();
                    assertThat(s.sourceFile()).isEqualTo("app.c");
                    assertThat(s.sizeBytes()).isEqualTo(0x33);
                });
    }

    @Test
    void readsARiscVElf() throws IOException {
        assertThat(ElfFile.read(TestElves.path("app-riscv32-dwarf5.elf")).machine()).isEqualTo(ElfFile.EM_RISCV);
    }

    @Test
    void dwarf5FileNamesCarryTheirDirectory() throws IOException {
        ElfSymbolizer symbolizer = ElfSymbolizer.load(TestElves.path("app-xtensa-dwarf5.elf"));
        assertThat(symbolizer.resolve(0x400d0004)).get().satisfies(symbol -> {
            assertThat(symbol.function()).isEqualTo("count_buffers");
            assertThat(symbol.file()).isEqualTo("/firmware/app.c");
            assertThat(symbol.line()).isEqualTo(7);
            assertThat(symbol.frameLabel()).isEqualTo("count_buffers (app.c:7)");
        });
        assertThat(symbolizer.lineRowCount()).isPositive();
        assertThat(symbolizer.functionCount()).isEqualTo(5);
    }

    @Test
    void addressesOutsideEveryFunctionStayUnknown() throws IOException {
        ElfSymbolizer symbolizer = ElfSymbolizer.load(TestElves.path("app-xtensa-dwarf4.elf"));
        assertThat(symbolizer.resolve(0x400d0000)).as("the literal pool before the first function").isEmpty();
        assertThat(symbolizer.resolve(0x3ffb0000)).as("data RAM").isEmpty();
        assertThat(symbolizer.resolve(0xfffffff0)).as("top of the address space").isEmpty();
        assertThat(symbolizer.resolve(0)).isEmpty();
        assertThat(symbolizer.isCodeAddress(0x400d0000)).as("literals live in .text too").isTrue();
        assertThat(symbolizer.isCodeAddress(0x400d0040)).isTrue();
        assertThat(symbolizer.isCodeAddress(0x3ffb0000)).isFalse();
    }

    @Test
    void aTextFileIsNotAnElfFile() throws IOException {
        Path text = Files.writeString(temp.resolve("firmware.elf"), "I (331) app_init: hello\n");
        assertThatThrownBy(() -> ElfSymbolizer.load(text)).isInstanceOf(IOException.class)
                .hasMessageContaining("is not an ELF file");
    }

    @Test
    void aSixtyFourBitElfIsRefused() throws IOException {
        byte[] bytes = xtensaBytes();
        bytes[4] = 2;
        assertThatThrownBy(() -> ElfFile.parse(bytes, "host.elf")).isInstanceOf(IOException.class)
                .hasMessage("host.elf is a 64-bit ELF file; ESP32 firmware is 32-bit");
    }

    @Test
    void aBigEndianElfIsRefused() throws IOException {
        byte[] bytes = xtensaBytes();
        bytes[5] = 2;
        assertThatThrownBy(() -> ElfFile.parse(bytes, "be.elf")).isInstanceOf(IOException.class)
                .hasMessageContaining("big-endian");
    }

    @Test
    void aTruncatedElfIsRefusedAtEveryLength() throws IOException {
        byte[] bytes = xtensaBytes();
        for (int length : new int[]{0, 3, 20, 51, 52, 200, bytes.length / 2, bytes.length - 1}) {
            byte[] cut = Arrays.copyOf(bytes, length);
            assertThatThrownBy(() -> ElfSymbolizer.of(ElfFile.parse(cut, "cut.elf"))).as("length " + length)
                    .isInstanceOf(IOException.class).hasMessageContaining("cut.elf");
        }
    }

    @Test
    void aCorruptLineTableGivesAnIoExceptionNotACrash() throws IOException {
        byte[] bytes = xtensaBytes();
        ElfSection lines = ElfFile.parse(bytes, "ok.elf").section(".debug_line").orElseThrow();
        for (int i = 0; i < 8; i++) {
            bytes[lines.offset() + i] = (byte) 0xEE; // an absurd unit length and version
        }
        assertThatThrownBy(() -> ElfSymbolizer.of(ElfFile.parse(bytes, "bad.elf")))
                .isInstanceOf(IOException.class).hasMessageContaining("bad.elf");
    }

    @Test
    void aStrippedElfIsRefusedWithAHint() {
        assertThatThrownBy(() -> ElfSymbolizer.load(TestElves.path("app-xtensa-stripped.elf")))
                .isInstanceOf(IOException.class).hasMessageContaining("no function symbols");
    }

    @Test
    void garbageNeverThrowsAnythingButIoException() throws IOException {
        byte[] bytes = xtensaBytes();
        ElfFile intact = ElfFile.parse(bytes, "intact.elf");
        java.util.List<ElfSection> debug = java.util.stream.Stream.of(".debug_info", ".debug_abbrev", ".debug_line")
                .map(name -> intact.section(name).orElseThrow()).toList();
        java.util.Random random = new java.util.Random(6);
        for (int round = 0; round < ROUNDS; round++) {
            byte[] damaged = bytes.clone();
            for (int flips = 0; flips < 4; flips++) {
                if (round % 2 == 0) {
                    damaged[16 + random.nextInt(damaged.length - 16)] = (byte) random.nextInt(256);
                } else { // inside the DWARF, where most of the parsing happens
                    ElfSection section = debug.get(random.nextInt(debug.size()));
                    damaged[section.offset() + random.nextInt(section.sizeBytes())] = (byte) random.nextInt(256);
                }
            }
            try {
                ElfSymbolizer symbolizer = ElfSymbolizer.of(ElfFile.parse(damaged, "damaged.elf"));
                symbolizer.resolve(0x400d0040);
            } catch (IOException expected) {
                assertThat(expected.getMessage()).contains("damaged.elf");
            }
        }
    }

    @Test
    void anEmptyFileSaysSo() throws IOException {
        Path empty = Files.write(temp.resolve("empty.elf"), new byte[0]);
        assertThatThrownBy(() -> ElfSymbolizer.load(empty)).hasMessageContaining("not an ELF file");
    }
}
