package dev.heapscope.cli;

import dev.heapscope.symbols.DamagedElves;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code analyze --elf} says on standard error, one line each, what part of the ELF it could not decode. */
class AnalyzeElfWarningsTest {
    @TempDir
    Path temp;

    private Path log() throws Exception {
        return Files.writeString(temp.resolve("session.log"), """
                ====== Heap Trace: 1 records (100 capacity) ======
                    40 bytes (@ 0x3ffb2a10, Internal) allocated CPU 0 ccount 0x11223344 caller 0x400d0004:0x400d0060
                ====== Heap Trace Summary ======
                Mode: Heap Trace All
                40 bytes alive in trace (1/1 allocations)
                records: 1 (100 capacity, 1 high water mark)
                total allocations: 1
                total frees: 0
                ================================
                """);
    }

    @Test
    void aDamagedLineProgramIsOneWarningLineAndTheNamesStay() throws Exception {
        Path elf = DamagedElves.withBrokenLineProgram(temp);
        for (String format : new String[] {"--folded", "--json", "--top"}) {
            String[] args = format.equals("--top")
                    ? new String[] {"analyze", log().toString(), "--elf", elf.toString(), "--top", "5"}
                    : new String[] {"analyze", log().toString(), format, "--elf", elf.toString()};
            CliRunner result = CliRunner.run(args);

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).as(format).contains("count_buffers").doesNotContain("app.c:");
            assertThat(result.err().lines().toList()).as(format).singleElement().asString()
                    .startsWith("heapscope: warning: ").contains(elf.getFileName().toString())
                    .contains("a line table is unreadable").contains("line_range 0")
                    .doesNotContain("Exception").doesNotContain("WARNING:");
        }
    }

    @Test
    void diffWarnsTheSameWay() throws Exception {
        Path elf = DamagedElves.withBrokenLineProgram(temp);
        String dump = Files.readString(log());
        Path twoDumps = Files.writeString(temp.resolve("two.log"), dump + dump.replace("40 bytes (@", "48 bytes (@"));
        CliRunner result = CliRunner.run("diff", twoDumps.toString(), "--elf", elf.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err().lines().toList()).singleElement().asString().startsWith("heapscope: warning: ")
                .contains("line_range 0");
    }

    @Test
    void anIntactElfWarnsNothing() throws Exception {
        Path intact = Path.of(getClass().getResource("/elf/app-xtensa-dwarf5.elf").toURI());
        CliRunner result = CliRunner.run("analyze", log().toString(), "--folded", "--elf", intact.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("count_buffers (app.c:");
        assertThat(result.err()).isEmpty();
    }
}
