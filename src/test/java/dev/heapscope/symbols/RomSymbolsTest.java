package dev.heapscope.symbols;

import dev.heapscope.model.Symbol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RomSymbolsTest {
    @TempDir
    Path temp;

    @Test
    void provideLinesAndAliasesBecomeNames() throws IOException {
        RomSymbols rom = RomSymbols.read(List.of(TestElves.path("esp32-test.rom.ld")));
        assertThat(rom.size()).as("four addresses; the alias shares one").isEqualTo(4);
        assertThat(rom.resolve(0x40007d54)).get().extracting(Symbol::function)
                .as("an alias (esp_rom_printf = ets_printf) never hides the direct name").isEqualTo("ets_printf");
        assertThat(rom.resolve(0x40007d60)).get().extracting(Symbol::function).isEqualTo("ets_printf");
        assertThat(rom.resolve(0x40008534 + 10)).get().extracting(Symbol::function).isEqualTo("ets_delay_us");
        assertThat(rom.resolve(0x4000bba4)).get().extracting(Symbol::function).isEqualTo("abort");
    }

    @Test
    void addressesBeforeTheFirstOrFarPastTheLastSymbolStayUnknown() throws IOException {
        RomSymbols rom = RomSymbols.read(List.of(TestElves.path("esp32-test.rom.ld")));
        assertThat(rom.resolve(0x40000000)).isEmpty();
        assertThat(rom.resolve(0x4000bba4 + RomSymbols.MAX_FUNCTION_BYTES)).isEmpty();
        assertThat(rom.resolve(0x400d0000)).isEmpty();
    }

    @Test
    void aFileWithoutAssignmentsIsRefused() throws IOException {
        Path notLd = Files.writeString(temp.resolve("sdkconfig"), "CONFIG_HEAP_TRACING_STANDALONE=y\n");
        assertThatThrownBy(() -> RomSymbols.read(List.of(notLd))).isInstanceOf(IOException.class)
                .hasMessageContaining("no PROVIDE");
    }

    @Test
    void laterScriptsDoNotRenameEarlierSymbols() throws IOException {
        Path first = Files.writeString(temp.resolve("a.ld"), "PROVIDE ( alpha = 0x40001000 );\n");
        Path second = Files.writeString(temp.resolve("b.ld"), "PROVIDE ( alpha = 0x40002000 );\nPROVIDE(beta=0x40003000);\n");
        RomSymbols rom = RomSymbols.read(List.of(first, second));
        assertThat(rom.resolve(0x40001004)).get().extracting(Symbol::function).isEqualTo("alpha");
        assertThat(rom.resolve(0x40002004)).isEmpty();
        assertThat(rom.resolve(0x40003000)).get().extracting(Symbol::function).isEqualTo("beta");
    }
}
