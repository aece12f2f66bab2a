package dev.heapscope.export;

import dev.heapscope.model.BoardEvent;
import dev.heapscope.parse.BoardEventDetector;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * What a console text says about the board itself (boot banners, resets, crashes, the firmware's ELF
 * digest), each with the 1-based line it was on, numbered as the parser numbers lines (CR, LF and CRLF
 * end a line). Read once by {@link #scan}; feeds the report's board section and session timeline.
 */
public final class BoardLog {
    /** A log with thousands of reboots still gives a readable report; the rest are only counted. */
    static final int MAX_EVENTS = 2000;

    private final List<LineEvent> events;
    private final long eventsLeftOut;

    private BoardLog(List<LineEvent> events, long eventsLeftOut) {
        this.events = List.copyOf(events);
        this.eventsLeftOut = eventsLeftOut;
    }

    /** Nothing known about the board (the report then says so). */
    public static BoardLog empty() {
        return new BoardLog(List.of(), 0);
    }

    /** Reads {@code text} to its end (the caller closes it) and keeps the board events it announces. */
    public static BoardLog scan(Reader text) throws IOException {
        BufferedReader in = text instanceof BufferedReader buffered ? buffered : new BufferedReader(text, 1 << 16);
        List<LineEvent> events = new ArrayList<>();
        long leftOut = 0;
        long lineNumber = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNumber++;
            BoardEvent event = BoardEventDetector.detect(line).orElse(null);
            if (event instanceof BoardEvent.Banner || event instanceof BoardEvent.Reset
                    || event instanceof BoardEvent.Crash || event instanceof BoardEvent.ElfSha256) {
                if (events.size() < MAX_EVENTS) {
                    events.add(new LineEvent(lineNumber, event));
                } else {
                    leftOut++;
                }
            }
        }
        return new BoardLog(events, leftOut);
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

    /** A board event and the 1-based input line that announced it. */
    record LineEvent(long lineNumber, BoardEvent event) {
    }
}
