package dev.heapscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code analyze --json} of every shared sample against its reviewed golden output
 * (src/test/resources/golden/analyze): the whole JSON contract, not just the fields a test names.
 */
class AnalyzeGoldenJsonTest {

    @ParameterizedTest
    @ValueSource(strings = {"01-espressif-docs-v4-xtensa-leaks.txt", "02-espressif-docs-v44-riscv-empty-caller.txt",
            "03-espressif-docs-v55-riscv-freed-suffix.txt", "04-espressif-docs-v55-trace-all-freed-by.txt",
            "dialect-a-idf44-leaks.log", "dialect-b-all-psram-overflow.log", "dialect-c-idf55-freed.log",
            "incomplete-dump-panic-reboot.log", "nodemcu-session-idf51.log"})
    void analyzeJsonMatchesTheGoldenFile(String sample) throws Exception {
        CliRunner result = CliRunner.run("analyze", CliRunner.log("shared/" + sample), "--json");
        assertThat(result.exitCode()).isZero();
        ObjectMapper mapper = new ObjectMapper();
        JsonNode actual = mapper.readTree(result.out());
        JsonNode expected;
        try (InputStream in = getClass().getResourceAsStream("/golden/analyze/" + sample + ".json")) {
            expected = mapper.readTree(in);
        }
        assertThat(actual).isEqualTo(expected);
    }
}
