package dev.heapscope.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.heapscope.model.AgentSnapshot;
import dev.heapscope.model.HeapSnapshot;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One agent snapshot by grouped retaining path, biggest first (then the path's text). JSON fields, under
 * {@code snapshot}: {@code complete}, {@code problem} (or null), {@code notVisible} (what the firmware hid, or
 * ""), {@code objects}, {@code bytes} (estimated), {@code luaBytes} (collectgarbage("count") before the walk),
 * {@code agentPeakBytes} (-1 when unknown) and {@code paths}: [{@code path}, {@code count}, {@code bytes}],
 * {@code path} spelt as in a run's {@code snapshots.growth}.
 */
final class SnapshotReport {
    record PathTotal(String path, int count, long bytes) {
    }

    private final AgentSnapshot agent;
    private final List<PathTotal> paths;

    SnapshotReport(AgentSnapshot agent) {
        this.agent = agent;
        HeapSnapshot model = agent.toHeapSnapshot(1, "agent", 0);
        Map<String, long[]> totals = new LinkedHashMap<>();
        for (HeapSnapshot.HeapObject object : model.objects()) {
            long[] t = totals.computeIfAbsent(object.path().grouped(), k -> new long[2]);
            t[0]++;
            t[1] += object.sizeBytes();
        }
        List<PathTotal> rows = new ArrayList<>();
        totals.forEach((path, t) -> rows.add(new PathTotal(path, (int) t[0], t[1])));
        rows.sort(Comparator.comparingLong(PathTotal::bytes).reversed().thenComparing(PathTotal::path));
        this.paths = List.copyOf(rows);
    }

    List<PathTotal> paths() {
        return paths;
    }

    void writeText(PrintStream out, int limit) {
        out.printf("Lua heap snapshot: %,d objects, about %,d bytes (Lua reported %,d bytes in use)%s%n",
                agent.objects().size(), agent.totalBytes(), agent.luaBytes(),
                agent.complete() ? "" : " - INCOMPLETE");
        if (!agent.visible().missing().isEmpty()) {
            out.println("Not visible: " + agent.visible().missing());
        }
        if (agent.agentBytes() >= 0) {
            out.printf("The agent's own peak memory: %,d bytes (not in the snapshot)%n", agent.agentBytes());
        }
        out.printf("%10s %8s  %s%n", "bytes", "objects", "held by");
        for (PathTotal row : paths.subList(0, Math.min(limit, paths.size()))) {
            out.printf("%,10d %,8d  %s%n", row.bytes(), row.count(), row.path());
        }
        if (paths.size() > limit) {
            out.printf("(%,d more paths; --json lists them all)%n", paths.size() - limit);
        }
    }

    /** The fields of {@code snapshot} before its {@code paths}, for reports that show a snapshot without them. */
    static void writeSummary(JsonGenerator json, AgentSnapshot agent) throws java.io.IOException {
        json.writeBooleanField("complete", agent.complete());
        json.writeStringField("problem", agent.problem());
        json.writeStringField("notVisible", agent.visible().missing());
        json.writeNumberField("objects", agent.objects().size());
        json.writeNumberField("bytes", agent.totalBytes());
        json.writeNumberField("luaBytes", agent.luaBytes());
        json.writeNumberField("agentPeakBytes", agent.agentBytes());
    }

    void writeJson(JsonGenerator json) throws java.io.IOException {
        json.writeObjectFieldStart("snapshot");
        writeSummary(json, agent);
        json.writeArrayFieldStart("paths");
        for (PathTotal row : paths) {
            json.writeStartObject();
            json.writeStringField("path", row.path());
            json.writeNumberField("count", row.count());
            json.writeNumberField("bytes", row.bytes());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }
}
