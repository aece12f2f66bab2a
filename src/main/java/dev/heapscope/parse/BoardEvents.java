package dev.heapscope.parse;

import dev.heapscope.model.BoardEvent;
import dev.heapscope.model.LineEvent;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The board events of one console text as the parser pass keeps them, in line order: what a log file's
 * {@link ParsedLog} and a live session's snapshot carry, by the same rules.
 *
 * <p>IDF log lines are not kept: they are ordinary output, and a chatty driver would bury the few resets
 * among thousands of them (a digest inside a log line is its own event and is kept). Each kind keeps its
 * first {@value #MAX_PER_KIND} events and only counts the rest, so a reboot loop or an error printed
 * every second stays bounded without crowding out the rarer kinds.
 *
 * <p>Owned by one thread (the session's or a file reader's).
 */
public final class BoardEvents {
    public static final int MAX_PER_KIND = 2000;

    private final List<LineEvent> kept = new ArrayList<>();
    private final int[] keptPerKind = new int[BoardEvent.Kind.values().length];
    private final long[] leftOutPerKind = new long[BoardEvent.Kind.values().length];

    /** The event {@code line} announces, if any, after keeping it (or counting it, over the cap). */
    public Optional<BoardEvent> scan(String line, long lineNumber) {
        Optional<BoardEvent> event = BoardEventDetector.detect(line);
        event.ifPresent(found -> add(new LineEvent(lineNumber, found)));
        return event;
    }

    /** Keeps an event found by {@link BoardEventDetector} (or counts it, over the cap). */
    public void add(LineEvent event) {
        BoardEvent.Kind kind = event.kind();
        if (kind == BoardEvent.Kind.LOG_LINE) {
            return;
        }
        if (keptPerKind[kind.ordinal()] < MAX_PER_KIND) {
            keptPerKind[kind.ordinal()]++;
            kept.add(event);
        } else {
            leftOutPerKind[kind.ordinal()]++;
        }
    }

    /** The kept events, in line order (a copy). */
    public List<LineEvent> list() {
        return List.copyOf(kept);
    }

    /** How many events of each kind were over the cap and only counted; kinds with none are absent. */
    public Map<BoardEvent.Kind, Long> leftOut() {
        Map<BoardEvent.Kind, Long> counts = new EnumMap<>(BoardEvent.Kind.class);
        for (BoardEvent.Kind kind : BoardEvent.Kind.values()) {
            if (leftOutPerKind[kind.ordinal()] > 0) {
                counts.put(kind, leftOutPerKind[kind.ordinal()]);
            }
        }
        return counts;
    }
}
