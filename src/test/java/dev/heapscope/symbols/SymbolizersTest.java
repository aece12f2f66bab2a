package dev.heapscope.symbols;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SymbolizersTest {
    @TempDir
    Path temp;

    @AfterEach
    void forget() {
        Symbolizers.clearCache();
    }

    @Test
    void anUnchangedFileIsParsedOnce() throws IOException {
        Path elf = Files.copy(TestElves.path("app-xtensa-dwarf4.elf"), temp.resolve("fw.elf"));
        ElfSymbolizer first = Symbolizers.forElf(elf);
        assertThat(Symbolizers.forElf(temp.resolve("./fw.elf"))).isSameAs(first);
    }

    @Test
    void aRebuiltFileIsReadAgain() throws IOException {
        Path elf = Files.copy(TestElves.path("app-xtensa-dwarf4.elf"), temp.resolve("fw.elf"));
        ElfSymbolizer first = Symbolizers.forElf(elf);
        assertThat(first.machine()).isEqualTo(ElfFile.EM_XTENSA);
        Files.copy(TestElves.path("app-riscv32-dwarf5.elf"), elf, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(elf, FileTime.fromMillis(Files.getLastModifiedTime(elf).toMillis() + 2000));
        ElfSymbolizer second = Symbolizers.forElf(elf);
        assertThat(second).isNotSameAs(first);
        assertThat(second.machine()).isEqualTo(ElfFile.EM_RISCV);
    }

    @Test
    void aMissingFileSaysSo() {
        assertThatThrownBy(() -> Symbolizers.forElf(temp.resolve("nope.elf")))
                .isInstanceOf(IOException.class).hasMessageEndingWith("nope.elf: no such file");
    }

    @Test
    void aDirectoryIsNotAnElf() {
        assertThatThrownBy(() -> Symbolizers.forElf(temp)).hasMessageContaining("is not a regular file");
    }
}
