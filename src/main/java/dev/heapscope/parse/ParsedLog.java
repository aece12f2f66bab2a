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
 */
public record ParsedLog(List<Dump> dumps, List<Symbol> symbols, List<LineEvent> events,
                        Map<BoardEvent.Kind, Long> eventsLeftOut, long lines, long truncatedLines) {

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

    /** The kept events of one kind, in line order. */
    public List<LineEvent> events(BoardEvent.Kind kind) {
        return events.stream().filter(e -> e.kind() == kind).toList();
    }

    /** Events of {@code kind} over the cap, counted but not kept. */
    public long eventsLeftOut(BoardEvent.Kind kind) {
        return eventsLeftOut.getOrDefault(kind, 0L);
    }
}
