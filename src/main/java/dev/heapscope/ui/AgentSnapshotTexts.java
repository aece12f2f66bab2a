package dev.heapscope.ui;

import dev.heapscope.model.AgentSnapshot;
import dev.heapscope.model.HeapSnapshot;

import java.util.Locale;

/** What the status line says when an agent snapshot is in: what came back, what the agent could not see, why it is cut. */
final class AgentSnapshotTexts {
    private AgentSnapshotTexts() {
    }

    static String done(HeapSnapshot snapshot, AgentSnapshot agent) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "Heap snapshot %s: %,d objects, ~%,d bytes",
                snapshot.title(), agent.objects().size(), agent.totalBytes()));
        if (agent.agentBytes() >= 0) {
            text.append(String.format(Locale.ROOT, "; agent's own %,d bytes left out", agent.agentBytes()));
        }
        String missing = agent.visible().missing();
        if (!missing.isEmpty()) {
            text.append("; ").append(missing);
        }
        if (!agent.complete()) {
            text.append("; INCOMPLETE: ").append(agent.problem() == null ? "the output was cut" : agent.problem());
        }
        return text.toString();
    }
}
