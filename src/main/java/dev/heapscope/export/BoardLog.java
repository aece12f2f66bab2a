package dev.heapscope.export;

import dev.heapscope.model.BoardEvent;
import dev.heapscope.model.LineEvent;
import dev.heapscope.parse.ParsedLog;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The board events the report shows (boot banners, resets, crashes, the firmware's ELF digest), taken
 * from the events the parser pass found: the report never reads the log text again. Feeds the board
 * section and the session timeline.
 */
final class BoardLog {
    /** A log with thousands of reboots still gives a readable report; the rest are only counted. */
    static final int MAX_EVENTS = 2000;
    private static final Set<BoardEvent.Kind> SHOWN = Set.of(BoardEvent.Kind.BANNER, BoardEvent.Kind.RESET,
            BoardEvent.Kind.CRASH, BoardEvent.Kind.ELF_SHA256);

    private final List<LineEvent> events;
    private final long eventsLeftOut;

    private BoardLog(List<LineEvent> events, long eventsLeftOut) {
        this.events = List.copyOf(events);
        this.eventsLeftOut = eventsLeftOut;
    }

    static BoardLog of(ParsedLog log) {
        List<LineEvent> shown = new ArrayList<>();
        long leftOut = 0;
        for (LineEvent event : log.events()) {
            if (!SHOWN.contains(event.kind())) {
                continue;
            }
            if (shown.size() < MAX_EVENTS) {
                shown.add(event);
            } else {
                leftOut++;
            }
        }
        for (BoardEvent.Kind kind : SHOWN) {
            leftOut += log.eventsLeftOut(kind); // the parser only counted these
        }
        return new BoardLog(shown, leftOut);
    }

    List<LineEvent> events() {
        return events;
    }

    long eventsLeftOut() {
        return eventsLeftOut;
    }

    /** The events of one kind, in line order. */
    <T extends BoardEvent> List<T> all(Class<T> kind) {
        return events.stream().map(LineEvent::event).filter(kind::isInstance).map(kind::cast).toList();
    }
}
