package dev.heapscope.symbols;

import dev.heapscope.model.Symbol;

import java.util.Optional;

/**
 * Turns code addresses into names. Implementations: names printed by host monitors into a log,
 * the simulator's table of Lua frames, an ELF file. Unknown addresses stay unknown: a symbolizer
 * never guesses a name.
 */
public interface Symbolizer {

    Optional<Symbol> resolve(int address);

    /** A symbolizer that knows nothing. */
    Symbolizer NONE = address -> Optional.empty();

    /** Asks this one first, then {@code fallback}. */
    default Symbolizer orElse(Symbolizer fallback) {
        return address -> {
            Optional<Symbol> found = resolve(address);
            return found.isPresent() ? found : fallback.resolve(address);
        };
    }
}
