package dev.heapscope.cli;

import dev.heapscope.model.Dump;
import dev.heapscope.parse.ParsedLog;

import java.util.List;

/** Picks the dump a command works on: a 1-based number the user gave, or a sensible default. */
final class DumpSelector {
    private DumpSelector() {
    }

    /** The chosen dump, or why none could be chosen. */
    record Selection(Dump dump, String error, boolean usageError) {
        static Selection of(Dump dump) {
            return new Selection(dump, null, false);
        }
    }

    /**
     * @param number   the user's 1-based choice, or null for the default
     * @param sameFile both sides come from one log: default to its first (before) or last (after) complete dump
     * @param before   this is the "before" side
     */
    static Selection select(ParsedLog log, Integer number, boolean sameFile, boolean before) {
        List<Dump> dumps = log.dumps();
        if (dumps.isEmpty()) {
            return new Selection(null, "no heap trace dump in the input", false);
        }
        if (number != null) {
            if (number < 1 || number > dumps.size()) {
                return new Selection(null, "there is no dump #" + number + "; the input has " + dumps.size()
                        + " dump(s)", true);
            }
            return Selection.of(dumps.get(number - 1));
        }
        List<Dump> complete = dumps.stream().filter(Dump::complete).toList();
        List<Dump> candidates = complete.isEmpty() ? dumps : complete;
        if (sameFile && candidates.size() < 2) {
            return new Selection(null, "the input has only one " + (complete.isEmpty() ? "" : "complete ")
                    + "dump; give a second log or choose dumps with --before/--after", true);
        }
        return Selection.of(sameFile && before ? candidates.get(0) : candidates.get(candidates.size() - 1));
    }
}
