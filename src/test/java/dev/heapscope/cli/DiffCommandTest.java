package dev.heapscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DiffCommandTest {
    private static final String SESSION = CliRunner.log("shared/nodemcu-session-idf51.log");

    @Test
    void oneLogComparesItsFirstAndLastCompleteDumps() throws Exception {
        CliRunner result = CliRunner.run("diff", SESSION, "--json");
        assertThat(result.exitCode()).isZero();
        JsonNode diff = new ObjectMapper().readTree(result.out());
        assertThat(diff.get("beforeDump").asInt()).isZero();
        assertThat(diff.get("afterDump").asInt()).isEqualTo(1);
        assertThat(diff.get("byteDelta").asLong()).isEqualTo(1136);
        assertThat(diff.get("survived").asInt()).isEqualTo(1);
        assertThat(diff.get("appeared").asInt()).isEqualTo(5);
        JsonNode top = diff.get("rows").get(0);
        assertThat(top.get("status").asText()).isEqualTo("new");
        assertThat(top.get("afterBytes").asLong()).isEqualTo(1024);
        assertThat(top.get("caller").get(0).asText()).isEqualTo("0x400d2e10");
    }

    @Test
    void twoLogsCompareTheirLastCompleteDumps() {
        CliRunner result = CliRunner.run("diff", CliRunner.log("shared/dialect-c-idf55-freed.log"), SESSION);
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("before: dump #1 (148 bytes live")
                .contains("after:  dump #2 (1176 bytes live");
    }

    @Test
    void dumpNumbersSelectDumpsAndOutOfRangeIsAUsageError() {
        CliRunner swapped = CliRunner.run("diff", SESSION, "--before", "2", "--after", "1");
        assertThat(swapped.out()).contains("change: -1136 bytes");
        CliRunner bad = CliRunner.run("diff", SESSION, "--before", "7");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("there is no dump #7; the input has 2 dump(s)");
    }

    @Test
    void aSingleDumpLogNeedsASecondInput() {
        CliRunner result = CliRunner.run("diff", CliRunner.log("shared/dialect-c-idf55-freed.log"));
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("only one complete dump");
    }
}
