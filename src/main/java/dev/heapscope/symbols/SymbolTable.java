package dev.heapscope.symbols;

import dev.heapscope.model.Symbol;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Exact-address names: monitor decode lines from a log, or the simulator's published frames. */
public final class SymbolTable implements Symbolizer {
    private final Map<Integer, Symbol> byAddress = new HashMap<>();

    public void add(Symbol symbol) {
        byAddress.put(symbol.address(), symbol);
    }

    public int size() {
        return byAddress.size();
    }

    @Override
    public Optional<Symbol> resolve(int address) {
        return Optional.ofNullable(byAddress.get(address));
    }
}
