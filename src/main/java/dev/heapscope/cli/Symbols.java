package dev.heapscope.cli;

import dev.heapscope.parse.ParsedLog;
import dev.heapscope.symbols.SymbolTable;
import dev.heapscope.symbols.Symbolizer;

/** The names a log itself carries (host monitors' decoded addresses). */
final class Symbols {
    private Symbols() {
    }

    static Symbolizer of(ParsedLog log) {
        SymbolTable table = new SymbolTable();
        log.symbols().forEach(table::add);
        return table;
    }
}
