package dev.heapscope.symbols;

import java.util.ArrayList;
import java.util.List;

/**
 * What could not be decoded when a lookup first needed it (a damaged unit: its addresses keep the symbol
 * table's names, without lines or inlined names). Each is kept, one line each, for the caller to tell the
 * user in its own words (the CLI on standard error, the app in its status bar); not logged, since a log
 * record on the console would print Java's logger format to a CLI user. The first {@value #KEPT} are
 * kept. Thread-safe.
 */
final class DecodeWarnings {
    private static final int KEPT = 20;

    private final String sourceName;
    private final List<String> kept = new ArrayList<>();
    private volatile int count; // read on every lookup by watchers: no lock, no copy

    DecodeWarnings(String sourceName) {
        this.sourceName = sourceName;
    }

    /** Records that {@code what} was lost because of {@code cause}. */
    synchronized void add(String what, String cause) {
        String line = sourceName + ": " + what + ": " + cause;
        if (kept.size() < KEPT && !kept.contains(line)) {
            kept.add(line);
            count = kept.size();
        }
    }

    int count() {
        return count;
    }

    synchronized List<String> all() {
        return List.copyOf(kept);
    }
}
