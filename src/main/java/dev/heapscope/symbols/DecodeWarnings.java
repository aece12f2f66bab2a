package dev.heapscope.symbols;

import java.util.ArrayList;
import java.util.List;

/**
 * What could not be decoded when a lookup first needed it (a damaged unit: its addresses keep the symbol
 * table's names, without lines or inlined names). Each is logged and kept, one line each, so that a
 * caller can tell the user in its own words; the first {@value #KEPT} are kept. Thread-safe.
 */
final class DecodeWarnings {
    private static final int KEPT = 20;

    private final String sourceName;
    private final List<String> kept = new ArrayList<>();

    DecodeWarnings(String sourceName) {
        this.sourceName = sourceName;
    }

    /** Records that {@code what} was lost because of {@code cause}. */
    synchronized void add(String what, String cause) {
        String line = sourceName + ": " + what + ": " + cause;
        if (kept.size() < KEPT && !kept.contains(line)) {
            kept.add(line);
            // Asked for only now: setting up logging costs a command's start.
            System.getLogger(DecodeWarnings.class.getName()).log(System.Logger.Level.WARNING, line);
        }
    }

    synchronized List<String> all() {
        return List.copyOf(kept);
    }
}
