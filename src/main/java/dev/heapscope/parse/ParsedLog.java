package dev.heapscope.parse;

import dev.heapscope.model.BoardEvent;
import dev.heapscope.model.Dump;
import dev.heapscope.model.LineEvent;
import dev.heapscope.model.Symbol;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything read from one input in one pass: its dumps in order, the names host monitors printed and
 * what the board said about itself (boots, resets, crashes, its firmware digest), each with its line.
 *
 * @param events          board events in line order, as {@link BoardEvents} keeps them
 * @param eventsLeftOut   per kind, events over {@link BoardEvents#MAX_PER_KIND} that were only counted
 * @param lines           lines read
 * @param truncatedLines  lines over 1 MiB whose excess was dropped
 * @param symbolsLeftOut  monitor names read past the {@link LogParser#MAX_SYMBOLS} kept, only counted
 */
public record ParsedLog(List<Dump> dumps, List<Symbol> symbols, List<LineEvent> events,
                        Map<BoardEvent.Kind, Long> eventsLeftOut, long lines, long truncatedLines, long symbolsLeftOut) {

    /** A log whose monitor names were all kept. */
    public ParsedLog(List<Dump> dumps, List<Symbol> symbols, List<LineEvent> events,
                     Map<BoardEvent.Kind, Long> eventsLeftOut, long lines, long truncatedLines) {
        this(dumps, symbols, events, eventsLeftOut, lines, truncatedLines, 0);
    }

    public ParsedLog {
        dumps = List.copyOf(dumps);
        symbols = List.copyOf(symbols);
        events = List.copyOf(events);
        eventsLeftOut = Map.copyOf(eventsLeftOut);
    }

    /** The last dump that reached its summary, else the last dump of any kind. */
    public Optional<Dump> lastCompleteDump() {
        for (int i = dumps.size() - 1; i >= 0; i--) {
            if (dumps.get(i).complete()) {
                return Optional.of(dumps.get(i));
            }
        }
        return dumps.isEmpty() ? Optional.empty() : Optional.of(dumps.get(dumps.size() - 1));
    }

    /** Dumps read, kept or not: a streamed log keeps the first ones and the last (complete) one. */
    public int dumpCount() {
        return dumps.isEmpty() ? 0 : dumps.get(dumps.size() - 1).index() + 1;
    }

    /** Dumps read but not kept ({@link LogParser#MAX_STREAMED_DUMPS}); 0 for a log parsed whole. */
    public int dumpsLeftOut() {
        return dumpCount() - dumps.size();
    }

    /** The kept dump of this {@link Dump#index()}, or null when it was not kept. */
    public Dump dump(int index) {
        if (index >= 0 && index < dumps.size() && dumps.get(index).index() == index) {
            return dumps.get(index);
        }
        for (int i = dumps.size() - 1; i >= 0 && i >= dumps.size() - 2; i--) {
            if (dumps.get(i).index() == index) {
                return dumps.get(i);
            }
        }
        return null;
    }

    /** The kept events of one kind, in line order. */
    public List<LineEvent> events(BoardEvent.Kind kind) {
        return events.stream().filter(e -> e.kind() == kind).toList();
    }

    /** Events of {@code kind} over the cap, counted but not kept. */
    public long eventsLeftOut(BoardEvent.Kind kind) {
        return eventsLeftOut.getOrDefault(kind, 0L);
    }
}
