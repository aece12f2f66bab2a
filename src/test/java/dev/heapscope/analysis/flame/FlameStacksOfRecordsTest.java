package dev.heapscope.analysis.flame;

import dev.heapscope.analysis.CallTree;
import dev.heapscope.analysis.FrameNamer;
import dev.heapscope.analysis.Weight;
import dev.heapscope.model.Dump;
import dev.heapscope.parse.LogParser;
import dev.heapscope.parse.ParsedLog;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A log's records become the same frames by sort-and-merge as through a {@link CallTree} (empty chains included). */
class FlameStacksOfRecordsTest {

    @ParameterizedTest
    @ValueSource(strings = {"01-espressif-docs-v4-xtensa-leaks.txt", "02-espressif-docs-v44-riscv-empty-caller.txt",
            "dialect-b-all-psram-overflow.log", "dialect-c-idf55-freed.log", "nodemcu-session-idf51.log"})
    void everyDumpMergesToTheTreesFrames(String sample) throws Exception {
        ParsedLog log;
        try (InputStream in = getClass().getResourceAsStream("/logs/shared/" + sample)) {
            log = new LogParser().parse(in);
        }
        assertThat(log.dumps()).isNotEmpty();
        for (Dump dump : log.dumps()) {
            for (Weight weight : Weight.values()) {
                FlameStacks stacks = FlameStacks.ofRecords(dump.liveRecords(), weight, FrameNamer.hexOnly());
                CallTree tree = CallTree.of(dump.liveRecords(), weight, FrameNamer.hexOnly());
                assertThat(FlameFramesListing.of(FlameFrames.of(stacks, 0)))
                        .as(sample + " dump " + dump.index() + " " + weight).isEqualTo(FlameFramesListing.of(tree));
            }
        }
    }
}
