package dev.heapscope.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.heapscope.analysis.SnapshotGrowth;
import dev.heapscope.model.AgentSnapshot;
import dev.heapscope.session.HuntAgentSnapshots;

import java.io.IOException;
import java.io.PrintStream;

/**
 * The agent's part of {@code hunt --agent}: which Lua paths hold what grew (the rows of {@link GrowthReport}),
 * or the one line saying why the agent could not tell. JSON: {@code snapshots} as in {@code run --snapshot}
 * (when both snapshots were taken), and {@code agent}: {@code before} and {@code after} (the fields of
 * {@code snapshot --json}'s {@code snapshot} without {@code paths}, or null), {@code problem} (or null) and
 * {@code grown}: [{@code path}, {@code count}, {@code bytes}], the paths that grew in bytes, most first.
 */
final class AgentHuntReport {
    private final HuntAgentSnapshots agent;
    private final GrowthReport growth;

    AgentHuntReport(HuntAgentSnapshots agent) {
        this.agent = agent;
        this.growth = !agent.compared() ? null : GrowthReport.ofAgent(
                SnapshotGrowth.between(agent.heapBefore(), agent.heapAfter()), agent.before(), agent.after());
    }

    /** One line each, for standard error too: why the agent could not tell, a cut snapshot, what it could not see. */
    java.util.List<String> warnings() {
        java.util.List<String> all = new java.util.ArrayList<>(growth == null ? java.util.List.of() : growth.warnings());
        if (agent.problem() != null) {
            all.add(agent.problem());
        }
        return all;
    }

    void writeText(PrintStream out) {
        if (growth != null) {
            growth.writeText(out);
        }
        if (agent.problem() != null) {
            out.println("Lua heap snapshots by the HeapScope agent: none (" + agent.problem() + ")");
        }
    }

    void writeJson(JsonGenerator json) throws IOException {
        if (growth != null) {
            growth.writeJson(json);
        }
        json.writeObjectFieldStart("agent");
        writeSnapshot(json, "before", agent.before());
        writeSnapshot(json, "after", agent.after());
        json.writeStringField("problem", agent.problem());
        json.writeArrayFieldStart("grown");
        if (growth != null) {
            for (SnapshotGrowth.Row row : growth.growth().grown()) {
                json.writeStartObject();
                json.writeStringField("path", row.path().grouped());
                json.writeNumberField("count", row.countGrown());
                json.writeNumberField("bytes", row.bytesGrown());
                json.writeEndObject();
            }
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeSnapshot(JsonGenerator json, String name, AgentSnapshot snapshot) throws IOException {
        if (snapshot == null) {
            json.writeNullField(name);
            return;
        }
        json.writeObjectFieldStart(name);
        SnapshotReport.writeSummary(json, snapshot);
        json.writeEndObject();
    }
}
