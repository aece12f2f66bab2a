package dev.heapscope.symbols;

import dev.heapscope.model.Symbol;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Every address of the test firmware resolves as xtensa-lx106-elf-addr2line -f resolved it at build time. */
class ElfSymbolizerGoldenTest {

    @ParameterizedTest
    @ValueSource(strings = {"app-xtensa-dwarf2", "app-xtensa-dwarf4", "app-xtensa-dwarf5", "app-xtensa-nodebug",
            "app-riscv32-dwarf5", "app-xtensa-inline-dwarf4", "app-xtensa-inline-dwarf5",
            "app-riscv32-inline-dwarf5"})
    void everyAddressMatchesAddr2line(String name) throws IOException {
        ElfSymbolizer symbolizer = ElfSymbolizer.load(TestElves.path(name + ".elf"));
        List<String> golden = Files.readAllLines(TestElves.path(name + ".addr2line.txt"));
        assertThat(golden).hasSizeGreaterThan(200);
        int named = 0;
        for (String line : golden) {
            String[] parts = line.split(" ", 3);
            int address = Integer.parseUnsignedInt(parts[0].substring(2), 16);
            Optional<Symbol> symbol = symbolizer.resolve(address);
            String where = name + " " + parts[0];
            if (parts[1].equals("??")) {
                assertThat(symbol).as(where).isEmpty();
                continue;
            }
            named++;
            assertThat(symbol).as(where).isPresent();
            assertThat(symbol.get().function()).as(where).isEqualTo(parts[1]);
            int colon = parts[2].lastIndexOf(':');
            String file = parts[2].substring(0, colon);
            String lineText = parts[2].substring(colon + 1);
            if (file.equals("??")) {
                assertThat(symbol.get().file()).as(where).isNull();
            } else if (lineText.equals("?") && symbol.get().file() == null) {
                // addr2line names the STT_FILE of some global functions too; we only do it for locals
                assertThat(symbol.get().line()).as(where).isZero();
            } else if (lineText.equals("?")) {
                assertThat(symbol.get().file()).as(where + " (STT_FILE name)").isEqualTo(file);
            } else {
                assertThat(symbol.get().file()).as(where).isEqualTo(file);
            }
            int expectedLine = lineText.equals("?") ? 0 : Integer.parseInt(lineText);
            assertThat(symbol.get().line()).as(where).isEqualTo(expectedLine);
        }
        assertThat(named).as("addresses inside functions").isGreaterThan(200);
    }
}
