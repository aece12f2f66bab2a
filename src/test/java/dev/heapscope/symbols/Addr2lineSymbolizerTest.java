package dev.heapscope.symbols;

import dev.heapscope.model.Symbol;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The addr2line backend and the pure-Java ELF reader give the same answer for every address of the
 * test firmware (skipped where Debian's binutils-xtensa-lx106 is not installed; CI installs it).
 */
class Addr2lineSymbolizerTest {
    private static final Path ADDR2LINE = Path.of("/usr/bin/xtensa-lx106-elf-addr2line");

    private static Path elf(String name) throws Exception {
        return Path.of(Addr2lineSymbolizerTest.class.getResource("/elf/" + name).toURI());
    }

    @ParameterizedTest
    @ValueSource(strings = {"app-xtensa-dwarf2.elf", "app-xtensa-dwarf4.elf", "app-xtensa-dwarf5.elf",
            "app-xtensa-inline-dwarf4.elf", "app-xtensa-inline-dwarf5.elf", "app-xtensa-nodebug.elf"})
    void bothBackendsAgreeOnEveryAddress(String name) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(ADDR2LINE), "xtensa-lx106-elf-addr2line is not installed");
        Path elf = elf(name);
        List<String> golden = Files.readAllLines(elf.resolveSibling(name.replace(".elf", ".addr2line.txt")));
        int[] addresses = golden.stream().mapToInt(line -> (int) Long.parseLong(line.substring(2, 10), 16)).toArray();
        ElfSymbolizer java = ElfSymbolizer.load(elf);
        try (Addr2lineSymbolizer tool = Addr2lineSymbolizer.start(ADDR2LINE.toString(), elf)) {
            tool.resolveAll(addresses);
            int named = 0;
            for (int address : addresses) {
                Optional<Symbol> fromTool = tool.resolve(address);
                Optional<Symbol> fromJava = java.resolve(address);
                assertThat(fromJava.map(Symbol::function)).as("function at 0x%08x", address)
                        .isEqualTo(fromTool.map(Symbol::function));
                assertThat(fromJava.map(Symbol::line)).as("line at 0x%08x", address)
                        .isEqualTo(fromTool.map(Symbol::line));
                named += fromTool.isPresent() ? 1 : 0;
            }
            assertThat(named).as("the firmware has named code").isPositive();
        }
    }

    @Test
    void fiftyThousandAddressesInOneCallAllGetTheirAnswer() throws Exception {
        // at about 10,000 addresses written before any answer was read, both pipes filled and the call hung
        Assumptions.assumeTrue(Files.isExecutable(ADDR2LINE), "xtensa-lx106-elf-addr2line is not installed");
        Path elf = elf("app-xtensa-dwarf4.elf");
        List<String> golden = Files.readAllLines(elf.resolveSibling("app-xtensa-dwarf4.addr2line.txt"));
        int[] known = golden.stream().mapToInt(line -> (int) Long.parseLong(line.substring(2, 10), 16)).toArray();
        int first = java.util.Arrays.stream(known).min().orElseThrow();
        int[] addresses = java.util.stream.IntStream.range(0, 50_000).map(i -> first + i).toArray();
        ElfSymbolizer reader = ElfSymbolizer.load(elf);
        try (Addr2lineSymbolizer tool = Addr2lineSymbolizer.start(ADDR2LINE.toString(), elf)) {
            assertThat(java.util.concurrent.CompletableFuture.runAsync(() -> tool.resolveAll(addresses))
                    .get(5, java.util.concurrent.TimeUnit.MINUTES)).isNull();
            for (int address : known) {
                assertThat(tool.resolve(address).map(Symbol::function)).as("function at 0x%08x", address)
                        .isEqualTo(reader.resolve(address).map(Symbol::function));
            }
            int last = addresses[addresses.length - 1];
            assertThat(tool.resolve(last).map(Symbol::function)).as("the last address's answer, asked again")
                    .isEqualTo(reader.resolve(last).map(Symbol::function));
        }
    }

    @Test
    void answersParseUnknownsAndDiscriminators() {
        assertThat(Addr2lineSymbolizer.symbol(4, "??", "??:0")).isEmpty();
        Symbol symbol = Addr2lineSymbolizer.symbol(4, "test_func_74", "/idf/test_heap_trace.c:104 (discriminator 3)")
                .orElseThrow();
        assertThat(symbol.file()).isEqualTo("/idf/test_heap_trace.c");
        assertThat(symbol.line()).isEqualTo(104);
        assertThat(Addr2lineSymbolizer.symbol(4, "main", "??:?").orElseThrow().file()).isNull();
    }
}
