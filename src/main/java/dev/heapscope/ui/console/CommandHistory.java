package dev.heapscope.ui.console;

import java.util.ArrayList;
import java.util.List;

/**
 * Lines typed at the console, browsed with Up/Down like a shell: Up goes to older lines, Down back
 * to newer ones and finally to the line being typed. Repeating the previous line is stored once.
 */
public final class CommandHistory {
    private final int capacity;
    private final List<String> lines = new ArrayList<>();
    private int cursor;
    private String draft = "";

    public CommandHistory(int capacity) {
        this.capacity = capacity;
    }

    /** Remembers a sent line and puts the cursor after the newest. */
    public void add(String line) {
        if (!line.isBlank() && (lines.isEmpty() || !lines.get(lines.size() - 1).equals(line))) {
            lines.add(line);
            if (lines.size() > capacity) {
                lines.remove(0);
            }
        }
        cursor = lines.size();
        draft = "";
    }

    /** The older line to show, given what is in the field now; the field's text when there is none. */
    public String older(String current) {
        if (cursor == lines.size()) {
            draft = current;
        }
        if (cursor > 0) {
            cursor--;
        }
        return lines.isEmpty() ? current : lines.get(cursor);
    }

    /** The newer line, or the draft once past the newest. */
    public String newer() {
        if (cursor < lines.size()) {
            cursor++;
        }
        return cursor == lines.size() ? draft : lines.get(cursor);
    }

    public int size() {
        return lines.size();
    }
}
