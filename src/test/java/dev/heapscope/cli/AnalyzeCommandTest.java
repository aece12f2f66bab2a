package dev.heapscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heapscope.analysis.CallTree;
import dev.heapscope.analysis.FoldedStacksReader;
import dev.heapscope.analysis.Weight;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class AnalyzeCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void jsonFollowsTheDocumentedContract() throws Exception {
        CliRunner result = CliRunner.run("analyze", CliRunner.log("shared/dialect-b-all-psram-overflow.log"), "--json");
        assertThat(result.exitCode()).isZero();
        JsonNode dump = JSON.readTree(result.out()).get("dumps").get(0);
        assertThat(dump.get("dialect").asText()).isEqualTo("B");
        assertThat(dump.get("complete").asBoolean()).isTrue();
        assertThat(dump.get("header").get("records").asInt()).isEqualTo(4);
        assertThat(dump.get("header").get("capacity").asInt()).isEqualTo(4);
        JsonNode first = dump.get("records").get(0);
        assertThat(first.get("size").asInt()).isEqualTo(64);
        assertThat(first.get("address").asText()).isEqualTo("0x3ffb2a10");
        assertThat(first.get("region").asText()).isEqualTo("Internal");
        assertThat(first.get("cpu").asInt()).isZero();
        assertThat(first.get("ccount").asText()).isEqualTo("0x11223344");
        assertThat(first.get("caller")).extracting(JsonNode::asText)
                .containsExactly("0x400d1234", "0x400d5678", "0x400d9abc");
        assertThat(first.get("freed").asBoolean()).isTrue();
        assertThat(first.get("freedBy")).extracting(JsonNode::asText).containsExactly("0x400d2000", "0x400d5690");
        assertThat(dump.get("records").get(1).get("region").asText()).isEqualTo("PSRAM");
        JsonNode summary = dump.get("summary");
        assertThat(summary.get("mode").asText()).isEqualTo("all");
        assertThat(summary.get("bytes").asLong()).isEqualTo(135168);
        assertThat(summary.get("allocations").asInt()).isEqualTo(2);
        assertThat(summary.get("totalAllocations").asLong()).isEqualTo(6);
        assertThat(summary.get("totalFrees").asLong()).isEqualTo(2);
        assertThat(summary.get("capacity").asInt()).isEqualTo(4);
        assertThat(summary.get("highWaterMark").asInt()).isEqualTo(4);
        assertThat(summary.get("overflowed").asBoolean()).isTrue();
        assertThat(dump.get("warnings")).isNotEmpty();
    }

    @Test
    void jsonOfDialectAHasNullRegionAndNullHighWaterMark() throws Exception {
        CliRunner result = CliRunner.run("analyze", CliRunner.log("shared/dialect-a-idf44-leaks.log"), "--json");
        JsonNode dump = JSON.readTree(result.out()).get("dumps").get(0);
        assertThat(dump.get("records").get(0).get("region").isNull()).isTrue();
        assertThat(dump.get("summary").get("highWaterMark").isNull()).isTrue();
        assertThat(dump.get("summary").get("mode").asText()).isEqualTo("leaks");
    }

    @Test
    void anIncompleteDumpHasANullSummary() throws Exception {
        CliRunner result = CliRunner.run("analyze", CliRunner.log("shared/incomplete-dump-panic-reboot.log"), "--json");
        JsonNode dump = JSON.readTree(result.out()).get("dumps").get(0);
        assertThat(dump.get("complete").asBoolean()).isFalse();
        assertThat(dump.get("summary").isNull()).isTrue();
        assertThat(dump.get("records")).hasSize(2);
    }

    @Test
    void foldedOutputRoundTripsIntoTheSameCallTree() throws Exception {
        CliRunner result = CliRunner.run("analyze", CliRunner.log("shared/nodemcu-session-idf51.log"), "--folded");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out().lines()).containsExactlyInAnyOrder(
                "0x4008c2f0;0x400d3a44;0x400d2e10 1024",
                "0x400e5f08;0x400e1d50;0x400e1a2c 96",
                "0x400f3c12;0x400e1d50;0x400e1a2c 40",
                "0x400e6120;0x400e1d50;0x400e1a2c 16");
        CallTree tree = FoldedStacksReader.read(result.out(), Weight.BYTES).tree();
        assertThat(tree.totalValue()).isEqualTo(1176);
    }

    @Test
    void foldedUsesMonitorNamesAndCountsWithCount() {
        CliRunner result = CliRunner.run("analyze", CliRunner.log("shared/01-espressif-docs-v4-xtensa-leaks.txt"),
                "--folded", "--count");
        assertThat(result.out().lines()).containsExactlyInAnyOrder(
                "blink_task (blink.c:52);leak_some_memory (blink.c:27) 1",
                "blink_task (blink.c:52);leak_some_memory (blink.c:29) 1");
    }

    @Test
    void textReportListsDumpsWarningsAndTheLeakTable() {
        CliRunner result = CliRunner.run("analyze", CliRunner.log("shared/dialect-a-idf44-leaks.log"));
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("1 dump(s), 1 complete")
                .contains("dialect A")
                .contains("overflowed")
                .contains("147 bytes in 3 allocations")
                .contains("get_desc_for_int (intr_alloc.c:147)");
    }

    @Test
    void aLogWithoutDumpsSaysSoInText(@TempDir Path dir) throws Exception {
        Path empty = Files.writeString(dir.resolve("boot.log"), "I (10) boot: nothing here\n");
        CliRunner text = CliRunner.run("analyze", empty.toString());
        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).contains("No heap trace dump found");
        CliRunner folded = CliRunner.run("analyze", empty.toString(), "--folded");
        assertThat(folded.exitCode()).isEqualTo(2);
        assertThat(folded.err()).contains("no heap trace dump");
    }

    @Test
    void aMissingFileIsExitCodeTwoWithOneLineOnStderr() {
        CliRunner result = CliRunner.run("analyze", "/no/such/file.log");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("heapscope: /no/such/file.log: no such file");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void usageErrorsAreExitCodeOne() {
        assertThat(CliRunner.run("analyze").exitCode()).isEqualTo(1);
        assertThat(CliRunner.run("analyze", "x.log", "--json", "--folded").exitCode()).isEqualTo(1);
        assertThat(CliRunner.run("frobnicate").exitCode()).isEqualTo(1);
    }

    @Test
    void helpListsTheCommands() {
        CliRunner result = CliRunner.run("--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("analyze").contains("diff");
    }
}
