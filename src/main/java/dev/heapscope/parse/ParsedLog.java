package dev.heapscope.parse;

import dev.heapscope.model.Dump;
import dev.heapscope.model.Symbol;

import java.util.List;
import java.util.Optional;

/**
 * Everything read from one input: its dumps in order and the names host monitors printed.
 *
 * @param lines           lines read
 * @param truncatedLines  lines over 1 MiB whose excess was dropped
 */
public record ParsedLog(List<Dump> dumps, List<Symbol> symbols, long lines, long truncatedLines) {

    public ParsedLog {
        dumps = List.copyOf(dumps);
        symbols = List.copyOf(symbols);
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
}
