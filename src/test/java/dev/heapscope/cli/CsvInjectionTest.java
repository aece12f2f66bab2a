package dev.heapscope.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A name the board printed that a spreadsheet would run as a formula reaches every CSV export as text. */
class CsvInjectionTest {
    private static final String FORMULA = "=cmd|' /C calc'!A0";

    private static Path logNaming(Path dir, String name) throws Exception {
        String log = """
                2 allocations trace (100 entry buffer)
                12 bytes (@ 0x3ffb5800) allocated CPU 0 ccount 0xe877f00c caller 0x400d3588:0x400d395c:
                0x400d3588: %s at /x/a.c:1

                0x400d395c: +sum at /x/b.c:2

                7 bytes (@ 0x3ffb9aa4) allocated CPU 0 ccount 0xe87a1220 caller 0x400d4010:
                0x400d4010: @user at /x/c.c:3

                19 bytes 'leaked' in trace (2 allocations)
                total allocations 2 total frees 0
                """.formatted(name);
        return Files.writeString(dir.resolve("formula.log"), log, StandardCharsets.UTF_8);
    }

    @Test
    void recordsCsvQuotesAFormulaNameSoASpreadsheetShowsIt(@TempDir Path dir) throws Exception {
        CliRunner csv = CliRunner.run("export", logNaming(dir, FORMULA).toString(), "--format", "csv");
        assertThat(csv.exitCode()).as(csv.err()).isZero();
        String[] rows = csv.out().split("\r\n");
        assertThat(rows).hasSize(3);
        // the names column holds "=cmd… <- +sum": its first character is the formula's, so the cell gets the quote
        assertThat(rows[1]).contains(",'" + FORMULA + " (a.c:1) <- +sum (b.c:2)");
        assertThat(rows[2]).contains(",'@user (c.c:3)");
        for (String row : rows) {
            assertThat(row).doesNotContain("," + FORMULA).doesNotContain(",@").doesNotContain(",+");
        }
    }

    @Test
    void leaksCsvQuotesEveryCellThatStartsLikeAFormula(@TempDir Path dir) throws Exception {
        for (String formula : new String[] {FORMULA, "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"}) {
            CliRunner leaks = CliRunner.run("export", logNaming(dir, formula.strip().isEmpty() ? "x" : formula).toString(),
                    "-f", "leaks-csv");
            assertThat(leaks.exitCode()).as(leaks.err()).isZero();
            String namesCell = leaks.out().split("\r\n")[1];
            assertThat(namesCell).as(formula).doesNotMatch("(?s).*,[=+\\-@\t\r].*");
        }
    }
}
