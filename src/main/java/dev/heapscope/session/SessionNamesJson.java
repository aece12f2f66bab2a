package dev.heapscope.session;

import dev.heapscope.model.RetainingPath;
import dev.heapscope.model.Symbol;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code names.json}, the names and retaining paths of a saved session. A session file is hostile input:
 * the entry is bounded in bytes, entries and string lengths, and anything malformed is refused with one
 * line naming the entry. Paths are stored once and referred to by number, as many records share one.
 */
final class SessionNamesJson {
    /** Larger than any real session's entry (a full trace buffer of 100,000 records is about 10 MiB). */
    static final int MAX_BYTES = 64 << 20;
    static final int MAX_ENTRIES = 1 << 20;
    private static final int MAX_TEXT = 4096;
    private static final int MAX_SEGMENTS = 256;

    private SessionNamesJson() {
    }

    record SymbolEntry(long address, String function, String file, int line) {
    }

    record PathEntry(List<String> segments, String concrete) {
    }

    /** @param held {@code [address, ccount, index into paths]} per record */
    record Names(List<SymbolEntry> symbols, List<PathEntry> paths, List<long[]> held) {
    }

    static byte[] write(SessionNames names) throws IOException {
        List<SymbolEntry> symbols = new ArrayList<>();
        for (Symbol s : names.symbols()) {
            symbols.add(new SymbolEntry(s.address() & 0xffffffffL, s.function(), s.file(), s.line()));
        }
        List<PathEntry> paths = new ArrayList<>();
        Map<RetainingPath, Integer> numbers = new HashMap<>();
        List<long[]> held = new ArrayList<>();
        names.paths().forEach((key, path) -> {
            int number = numbers.computeIfAbsent(path, p -> {
                paths.add(new PathEntry(p.segments(), p.concrete()));
                return paths.size() - 1;
            });
            held.add(new long[] {key >>> 32, key & 0xffffffffL, number});
        });
        return SessionJson.writeCompact(new Names(symbols, paths, held));
    }

    static SessionNames read(byte[] json) throws IOException {
        if (json.length > MAX_BYTES) {
            throw new IOException(SessionJson.NAMES + " is larger than the " + MAX_BYTES / (1 << 20)
                    + " MiB the names of a session may take");
        }
        Names names;
        try {
            names = SessionJson.read(json, Names.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException(SessionJson.NAMES + " is not readable JSON of names (line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")");
        }
        if (names == null) {
            throw malformed("it is empty");
        }
        List<Symbol> symbols = new ArrayList<>();
        for (SymbolEntry entry : bounded(names.symbols(), "names")) {
            if (entry == null || entry.address() < 0 || entry.address() > 0xffffffffL || entry.line() < 0) {
                throw malformed("a name has no valid address or line");
            }
            symbols.add(new Symbol((int) entry.address(), text(entry.function(), false), text(entry.file(), true),
                    entry.line()));
        }
        List<RetainingPath> paths = new ArrayList<>();
        for (PathEntry entry : bounded(names.paths(), "paths")) {
            if (entry == null || entry.segments() == null || entry.segments().isEmpty()
                    || entry.segments().size() > MAX_SEGMENTS) {
                throw malformed("a retaining path has no steps or too many");
            }
            entry.segments().forEach(segment -> text(segment, false));
            paths.add(new RetainingPath(entry.segments(), text(entry.concrete(), false)));
        }
        Map<Long, RetainingPath> held = new HashMap<>();
        for (long[] entry : bounded(names.held(), "held records")) {
            if (entry == null || entry.length != 3 || entry[0] < 0 || entry[0] > 0xffffffffL || entry[2] < 0
                    || entry[2] >= paths.size()) {
                throw malformed("a held record does not name its block and path");
            }
            held.put(SessionNames.key((int) entry[0], (int) entry[1]), paths.get((int) entry[2]));
        }
        return new SessionNames(symbols, held);
    }

    private static <T> List<T> bounded(List<T> list, String what) {
        if (list == null) {
            return List.of();
        }
        if (list.size() > MAX_ENTRIES) {
            throw new MalformedNames("more than " + MAX_ENTRIES + " " + what);
        }
        return list;
    }

    private static String text(String value, boolean optional) {
        if (value == null && optional) {
            return null;
        }
        if (value == null || value.length() > MAX_TEXT) {
            throw new MalformedNames("a name or path is missing or longer than " + MAX_TEXT + " characters");
        }
        return value;
    }

    private static MalformedNames malformed(String why) {
        return new MalformedNames(why);
    }

    /** Unchecked inside the loops, turned into a one-line IOException by {@link #readChecked}. */
    private static final class MalformedNames extends RuntimeException {
        MalformedNames(String message) {
            super(message);
        }
    }

    /** As {@link #read}, with every refusal one line starting with the entry's name. */
    static SessionNames readChecked(byte[] json) throws IOException {
        try {
            return read(json);
        } catch (MalformedNames e) {
            throw new IOException(SessionJson.NAMES + " is malformed: " + e.getMessage());
        }
    }
}
