package dev.heapscope.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.heapscope.analysis.SnapshotGrowth;
import dev.heapscope.model.AgentSnapshot;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * What grew between two Lua heap snapshots, by grouped retaining path: the rows {@code run --snapshot} prints
 * for the virtual board's own snapshots, and the same rows for two snapshots by the HeapScope agent
 * ({@code snapshot --since}, {@code diff} of two saved snapshots, {@code hunt --agent}). JSON, the object
 * {@code snapshots}: {@code beforeBytes}, {@code beforeObjects}, {@code afterBytes}, {@code afterObjects},
 * {@code growth}: [{@code path}, {@code countBefore}, {@code bytesBefore}, {@code countAfter},
 * {@code bytesAfter}]; for the agent's snapshots also {@code source} ("agent": bytes are estimates),
 * {@code beforeComplete}, {@code afterComplete} and {@code warnings} (one line each).
 */
final class GrowthReport {
    private static final int TEXT_ROWS = 20;

    private final SnapshotGrowth growth;
    private final boolean byAgent;
    private final List<String> warnings;
    private final boolean beforeComplete;
    private final boolean afterComplete;

    private GrowthReport(SnapshotGrowth growth, boolean byAgent, List<String> warnings, boolean beforeComplete,
                         boolean afterComplete) {
        this.growth = growth;
        this.byAgent = byAgent;
        this.warnings = List.copyOf(warnings);
        this.beforeComplete = beforeComplete;
        this.afterComplete = afterComplete;
    }

    /** The virtual board's own snapshots: exact sizes, always complete. */
    static GrowthReport ofBoard(SnapshotGrowth growth) {
        return new GrowthReport(growth, false, List.of(), true, true);
    }

    /** Two agent snapshots, compared even when cut, with a warning for each that is incomplete or half blind. */
    static GrowthReport ofAgent(AgentSnapshot before, String beforeLabel, AgentSnapshot after, String afterLabel) {
        return ofAgent(SnapshotGrowth.between(before.toHeapSnapshot(1, beforeLabel, 0),
                after.toHeapSnapshot(2, afterLabel, 0)), before, after);
    }

    /** As above, the growth already computed from {@code before} and {@code after}. */
    static GrowthReport ofAgent(SnapshotGrowth growth, AgentSnapshot before, AgentSnapshot after) {
        List<String> warnings = new ArrayList<>();
        warn(warnings, before, growth.before().title());
        warn(warnings, after, growth.after().title());
        return new GrowthReport(growth, true, warnings, before.complete(), after.complete());
    }

    private static void warn(List<String> warnings, AgentSnapshot snapshot, String title) {
        if (!snapshot.complete()) {
            warnings.add("snapshot " + title + " is incomplete, so what grew may be over- or under-counted: "
                    + (snapshot.problem() == null ? "its end line never came" : snapshot.problem()));
        }
        if (!snapshot.visible().missing().isEmpty()) {
            warnings.add("snapshot " + title + ": " + snapshot.visible().missing());
        }
    }

    SnapshotGrowth growth() {
        return growth;
    }

    List<String> warnings() {
        return warnings;
    }

    void writeText(PrintStream out) {
        out.printf("%s %s and %s (each after a full collection): %,d -> %,d bytes of Lua objects%s%n",
                byAgent ? "Lua heap snapshots by the HeapScope agent" : "Heap snapshots",
                growth.before().title(), growth.after().title(), growth.before().totalBytes(),
                growth.after().totalBytes(), byAgent ? " (estimated)" : "");
        warnings.forEach(w -> out.println("warning: " + w));
        List<SnapshotGrowth.Row> grown = growth.grown();
        if (grown.isEmpty()) {
            out.println("Nothing grew.");
            return;
        }
        out.printf("%8s %6s  %s%n", "+BYTES", "+COUNT", "HELD BY");
        for (SnapshotGrowth.Row row : grown.subList(0, Math.min(TEXT_ROWS, grown.size()))) {
            out.printf("%8d %6d  %s%n", row.bytesGrown(), row.countGrown(), row.path().grouped());
        }
        if (grown.size() > TEXT_ROWS) {
            out.printf("(%d more paths grew)%n", grown.size() - TEXT_ROWS);
        }
    }

    /** The object {@code snapshots} (see the class comment). */
    void writeJson(JsonGenerator json) throws IOException {
        json.writeObjectFieldStart("snapshots");
        json.writeNumberField("beforeBytes", growth.before().totalBytes());
        json.writeNumberField("beforeObjects", growth.before().objects().size());
        json.writeNumberField("afterBytes", growth.after().totalBytes());
        json.writeNumberField("afterObjects", growth.after().objects().size());
        json.writeArrayFieldStart("growth");
        for (SnapshotGrowth.Row row : growth.rows()) {
            json.writeStartObject();
            json.writeStringField("path", row.path().grouped());
            json.writeNumberField("countBefore", row.countBefore());
            json.writeNumberField("bytesBefore", row.bytesBefore());
            json.writeNumberField("countAfter", row.countAfter());
            json.writeNumberField("bytesAfter", row.bytesAfter());
            json.writeEndObject();
        }
        json.writeEndArray();
        if (byAgent) {
            json.writeStringField("source", "agent");
            json.writeBooleanField("beforeComplete", beforeComplete);
            json.writeBooleanField("afterComplete", afterComplete);
            json.writeArrayFieldStart("warnings");
            for (String warning : warnings) {
                json.writeString(warning);
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }
}
