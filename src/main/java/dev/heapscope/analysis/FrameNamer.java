package dev.heapscope.analysis;

import dev.heapscope.model.Hex;
import dev.heapscope.model.Symbol;
import dev.heapscope.symbols.Symbolizer;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a code address into the label a flame graph or a folded-stacks line shows: the symbol's
 * {@link Symbol#frameLabel()} when the {@link Symbolizer} knows the address, else {@code 0x400d1234}.
 * Labels are {@linkplain #sanitize(String) sanitized} so they never contain {@code ;} or line breaks
 * (the folded format's separators). Results are cached per address, up to {@link #MAX_CACHED} of them:
 * a hostile log of 9 million distinct frames filled the cache to a gigabyte, so a full cache starts over.
 * Not thread-safe: one namer belongs to one analysis job.
 */
public final class FrameNamer {
    /** Labels cached at most: real firmware has tens of thousands of functions. */
    static final int MAX_CACHED = 1 << 20;

    private final Symbolizer symbolizer;
    private final int maxCached;
    private final Map<Integer, String> labels = new HashMap<>();

    public FrameNamer(Symbolizer symbolizer) {
        this(symbolizer, MAX_CACHED);
    }

    FrameNamer(Symbolizer symbolizer, int maxCached) {
        this.symbolizer = symbolizer == null ? Symbolizer.NONE : symbolizer;
        this.maxCached = maxCached;
    }

    /** A namer that shows every address in hex. */
    public static FrameNamer hexOnly() {
        return new FrameNamer(Symbolizer.NONE);
    }

    /** The label for {@code address}; never null, never empty, never containing {@code ;} or a line break. */
    public String name(int address) {
        String known = labels.get(address);
        if (known == null) {
            known = lookUp(address);
            if (labels.size() >= maxCached) {
                labels.clear();
            }
            labels.put(address, known);
        }
        return known;
    }

    /** Labels in the cache now. */
    int cached() {
        return labels.size();
    }

    private String lookUp(int address) {
        Optional<Symbol> symbol = symbolizer.resolve(address);
        if (symbol.isPresent() && symbol.get().function() != null && !symbol.get().function().isBlank()) {
            return sanitize(symbol.get().frameLabel());
        }
        // An unknown address outside every code region is flagged: it cannot be a real return address.
        return dev.heapscope.symbols.CodeRegions.isCode(address) ? Hex.of(address) : Hex.of(address) + " (not code)";
    }

    /**
     * Makes any text safe as one frame of a folded stack: {@code ;} becomes {@code ,}, line breaks and
     * tabs become spaces, surrounding whitespace is dropped, an empty result becomes {@code ?}, and a
     * leading {@code #} (which a folded-stacks reader takes for a comment) gets a {@code _} in front.
     */
    public static String sanitize(String label) {
        if (label == null) {
            return "?";
        }
        StringBuilder out = null;
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            char replacement = switch (c) {
                case ';' -> ',';
                case '\n', '\r', '\t', '\u000B', '\f', '\u0085', '\u2028', '\u2029' -> ' ';
                default -> c;
            };
            if (replacement != c && out == null) {
                out = new StringBuilder(label.length()).append(label, 0, i);
            }
            if (out != null) {
                out.append(replacement);
            }
        }
        String clean = (out == null ? label : out.toString()).strip();
        if (clean.isEmpty()) {
            return "?";
        }
        return clean.charAt(0) == '#' ? "_" + clean : clean;
    }
}
