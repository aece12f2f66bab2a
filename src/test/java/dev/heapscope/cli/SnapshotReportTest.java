package dev.heapscope.cli;

import dev.heapscope.model.AgentSnapshot;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotReportTest {
    private static AgentSnapshot snapshot(boolean complete) {
        return new AgentSnapshot(7, new AgentSnapshot.Visibility(true, false, false, true), 20000, List.of(
                new AgentSnapshot.Node(1, 0, "table", 100, "_G"),
                new AgentSnapshot.Node(2, 1, "table", 64, ".cache"),
                new AgentSnapshot.Node(3, 2, "table", 52, "[1]"),
                new AgentSnapshot.Node(4, 2, "table", 52, "[2]"),
                new AgentSnapshot.Node(5, 2, "table", 52, "[3]")), complete, complete ? null : "cut", 900);
    }

    @Test
    void biggestGroupedPathsComeFirst() {
        SnapshotReport report = new SnapshotReport(snapshot(true));
        assertThat(report.paths()).extracting(SnapshotReport.PathTotal::path)
                .containsExactly("_G.cache[*]", "_G", "_G.cache");
        assertThat(report.paths().get(0).count()).isEqualTo(3);
        assertThat(report.paths().get(0).bytes()).isEqualTo(156);
    }

    @Test
    void theTextSaysWhatWasNotVisibleAndWhenIncomplete() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new SnapshotReport(snapshot(false)).writeText(new PrintStream(bytes, true, StandardCharsets.UTF_8), 2);
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("INCOMPLETE").contains("upvalues not visible").contains("900 bytes")
                .contains("(1 more paths");
    }
}
