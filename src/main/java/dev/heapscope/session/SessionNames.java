package dev.heapscope.session;

import dev.heapscope.model.CallChain;
import dev.heapscope.model.Dump;
import dev.heapscope.model.HeldBy;
import dev.heapscope.model.Record;
import dev.heapscope.model.RetainingPath;
import dev.heapscope.model.Symbol;
import dev.heapscope.symbols.SymbolTable;
import dev.heapscope.symbols.Symbolizer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The names and retaining paths a live session showed for its dumps, kept with the session: the virtual
 * board's symbol table (its Lua frames and C functions exist only in the board's memory), names from a
 * firmware ELF or ROM scripts, and what held each record's block. Only what the dumps use is kept, so
 * the size follows the dumps, not the board. Immutable.
 */
public final class SessionNames {
    public static final SessionNames NONE = new SessionNames(List.of(), Map.of());

    private final List<Symbol> symbols;
    private final Map<Long, RetainingPath> heldBy;

    SessionNames(List<Symbol> symbols, Map<Long, RetainingPath> heldBy) {
        this.symbols = List.copyOf(symbols);
        this.heldBy = Map.copyOf(heldBy);
    }

    /** What {@code names} and {@code holders} say about every frame and record of {@code dumps}. */
    public static SessionNames of(List<Dump> dumps, Symbolizer names, HeldBy holders) {
        Map<Integer, Symbol> used = new TreeMap<>(Integer::compareUnsigned);
        Map<Long, RetainingPath> held = new LinkedHashMap<>();
        for (Dump dump : dumps) {
            for (Record record : dump.records()) {
                name(record.caller(), names, used);
                name(record.freedBy(), names, used);
                holders.pathOf(record).ifPresent(path -> held.put(key(record.address(), record.ccount()), path));
            }
        }
        return new SessionNames(new ArrayList<>(used.values()), held);
    }

    private static void name(CallChain chain, Symbolizer names, Map<Integer, Symbol> used) {
        for (int i = 0; i < chain.depth(); i++) {
            int address = chain.frame(i);
            if (!used.containsKey(address)) {
                names.resolve(address).ifPresent(symbol -> used.put(address, symbol));
            }
        }
    }

    static long key(int address, int ccount) {
        return (long) address << 32 | (ccount & 0xffffffffL);
    }

    public List<Symbol> symbols() {
        return symbols;
    }

    /** The saved paths by record key ({@code address << 32 | ccount}). */
    Map<Long, RetainingPath> paths() {
        return heldBy;
    }

    public boolean isEmpty() {
        return symbols.isEmpty() && heldBy.isEmpty();
    }

    /** The saved names, then {@code fallback} (the names a monitor printed into the transcript). */
    public Symbolizer symbolizer(Symbolizer fallback) {
        SymbolTable table = new SymbolTable();
        symbols.forEach(table::add);
        return table.orElse(fallback);
    }

    /** What held each saved record's block; unknown for the others (a real board's dump). */
    public HeldBy heldBy() {
        if (heldBy.isEmpty()) {
            return HeldBy.UNKNOWN;
        }
        return record -> Optional.ofNullable(heldBy.get(key(record.address(), record.ccount())));
    }

    /** The saved names first, then the transcript's own where an address has no saved name. */
    List<Symbol> mergedWith(List<Symbol> fromTranscript) {
        if (symbols.isEmpty()) {
            return fromTranscript;
        }
        Map<Integer, Symbol> merged = new HashMap<>();
        fromTranscript.forEach(s -> merged.put(s.address(), s));
        symbols.forEach(s -> merged.put(s.address(), s));
        List<Symbol> all = new ArrayList<>(merged.values());
        all.sort((a, b) -> Integer.compareUnsigned(a.address(), b.address()));
        return all;
    }
}
