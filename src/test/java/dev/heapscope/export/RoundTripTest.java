package dev.heapscope.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heapscope.analysis.CallTree;
import dev.heapscope.analysis.FoldedImport;
import dev.heapscope.analysis.FoldedStacksReader;
import dev.heapscope.analysis.FrameNamer;
import dev.heapscope.analysis.Weight;
import dev.heapscope.model.CallChain;
import dev.heapscope.model.Dump;
import dev.heapscope.model.Hex;
import dev.heapscope.model.Record;
import dev.heapscope.model.Region;
import dev.heapscope.parse.ParsedLog;
import dev.heapscope.symbols.SymbolTable;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Export, import with what reads the format back, compare with the model (every shared sample). */
class RoundTripTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void foldedExportReadsBackToTheSameCallTreeForEveryDumpAndWeight() throws IOException {
        for (Path file : ExportFixtures.sharedLogs()) {
            ParsedLog log = ExportFixtures.parse(file);
            SymbolTable names = new SymbolTable();
            log.symbols().forEach(names::add);
            for (Dump dump : log.dumps()) {
                for (Weight weight : Weight.values()) {
                    CallTree tree = CallTree.of(dump.liveRecords(), weight, new FrameNamer(names));
                    FoldedImport back = FoldedStacksReader.read(FoldedWriter.toText(tree), weight);
                    assertThat(back.problems()).isEmpty();
                    assertThat(back.tree()).as(file + " dump " + dump.index() + " " + weight).isEqualTo(tree);
                }
            }
        }
    }

    @Test
    void jsonExportReadsBackToTheSameRecords() throws IOException {
        for (Path file : ExportFixtures.sharedLogs()) {
            ParsedLog log = ExportFixtures.parse(file);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            new JsonWriter().write(bytes, log.dumps(), false);
            JsonNode dumps = JSON.readTree(bytes.toByteArray()).get("dumps");
            assertThat(dumps.size()).isEqualTo(log.dumps().size());
            for (Dump dump : log.dumps()) {
                JsonNode node = dumps.get(dump.index());
                assertThat(node.get("complete").asBoolean()).isEqualTo(dump.complete());
                assertThat(node.get("dialect").asText()).isEqualTo(dump.dialect().name());
                List<Record> back = new ArrayList<>();
                node.get("records").forEach(record -> back.add(recordOf(record)));
                assertThat(back).as(file + " dump " + dump.index()).isEqualTo(dump.records());
            }
        }
    }

    @Test
    void speedscopeExportRebuildsTheSameStacksAndTotals() throws IOException {
        for (Path file : ExportFixtures.sharedLogs()) {
            ParsedLog log = ExportFixtures.parse(file);
            for (Dump dump : log.dumps()) {
                CallTree tree = CallTree.of(dump.liveRecords(), Weight.BYTES, FrameNamer.hexOnly());
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                SpeedscopeWriter.write(bytes, "x", List.of(new SpeedscopeWriter.Profile("d", tree)), 0);
                JsonNode exported = JSON.readTree(bytes.toByteArray());
                CallTree back = SpeedscopeWriterTest.rebuild(exported, 0, Weight.BYTES);
                assertThat(back).isEqualTo(tree);
                assertThat(back.totalValue()).isEqualTo(dump.liveBytes());
            }
        }
    }

    private static Record recordOf(JsonNode json) {
        Region region = json.get("region").isNull() ? null
                : json.get("region").asText().equals("PSRAM") ? Region.PSRAM : Region.INTERNAL;
        long line = json.has("line") ? json.get("line").asLong() : 0;
        return new Record(json.get("size").asInt(), hex(json.get("address")), region, json.get("cpu").asInt(),
                hex(json.get("ccount")), chain(json.get("caller")), json.get("freed").asBoolean(),
                chain(json.get("freedBy")), line);
    }

    private static int hex(JsonNode text) {
        long value = Hex.parse(text.asText());
        assertThat(value).isNotNegative();
        return (int) value;
    }

    private static CallChain chain(JsonNode addresses) {
        int[] frames = new int[addresses.size()];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = hex(addresses.get(i));
        }
        return CallChain.of(frames);
    }
}
