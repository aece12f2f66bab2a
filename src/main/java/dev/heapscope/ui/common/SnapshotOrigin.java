package dev.heapscope.ui.common;

import dev.heapscope.model.AgentSnapshot;
import dev.heapscope.model.HeapSnapshot;

/**
 * Where a heap snapshot came from, carried in its label so that it stays with the snapshot wherever it is
 * shown: the virtual board's own (exact sizes) or the HeapScope agent's on a serial board (sizes estimated from
 * Lua 5.3's layouts, possibly cut short).
 */
public final class SnapshotOrigin {
    static final String AGENT = "agent, estimated";
    static final String INCOMPLETE = "INCOMPLETE";

    private SnapshotOrigin() {
    }

    /** "before · agent, estimated", "agent, estimated, INCOMPLETE: board reset". */
    public static String agentLabel(String userLabel, AgentSnapshot snapshot) {
        String origin = AGENT + (snapshot.complete() ? "" : ", " + INCOMPLETE + ": " + shortWhy(snapshot.problem()));
        return userLabel == null || userLabel.isBlank() ? origin : userLabel.strip() + " · " + origin;
    }

    public static boolean byAgent(HeapSnapshot snapshot) {
        return snapshot.label() != null && snapshot.label().contains(AGENT);
    }

    public static boolean incomplete(HeapSnapshot snapshot) {
        return byAgent(snapshot) && snapshot.label().contains(", " + INCOMPLETE);
    }

    /** The reason in a few words, for a title; the status line has the whole sentence. */
    static String shortWhy(String problem) {
        String text = problem == null ? "" : problem.toLowerCase(java.util.Locale.ROOT);
        if (text.contains("cancel")) {
            return "cancelled";
        }
        if (text.startsWith("the board reset") || text.contains("board was reset")) {
            return "board reset";
        }
        if (text.contains("with an error")) {
            return "agent error";
        }
        if (text.contains("unreadable") || text.contains("were lost")) {
            return "damaged lines";
        }
        return "output cut";
    }
}
