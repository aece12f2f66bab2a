package dev.heapscope.cli;

import dev.heapscope.session.SessionListener;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the agent's lines ({@code ~H…}) of a console stream while a snapshot is taken, for
 * {@code snapshot --save}: the raw lines, not a re-spelling of what was parsed, so a later HeapScope reads the
 * file with its own reader. Added before the agent's run starts, it sees every line before the run's reader does.
 */
final class AgentLineRecorder implements SessionListener {
    private final List<String> lines = new ArrayList<>();
    private boolean recording = true;

    @Override
    public synchronized void consoleLine(String line, long hostMillis) {
        if (!recording || line == null) {
            return;
        }
        // after a prompt ("> ") or blanks, as the agent's reader finds them
        String text = line.replaceFirst("^[> \t]+", "").stripTrailing();
        if (text.startsWith("~H")) {
            lines.add(text);
        }
    }

    /** The lines so far; the recorder goes quiet (the session keeps its listeners). */
    synchronized List<String> stop() {
        recording = false;
        return List.copyOf(lines);
    }
}
