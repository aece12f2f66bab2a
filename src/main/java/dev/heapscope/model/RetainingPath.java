package dev.heapscope.model;

import java.util.List;

/**
 * How a live Lua object on the virtual board is reached from a root (the first path a breadth-first
 * marking found, so a shortest one), in two spellings.
 *
 * @param segments the path for grouping, one segment per step ({@code _G}, {@code .cache}, {@code [*]}):
 *                 integer and non-identifier keys collapsed to {@code [*]}, runs of three or more equal steps
 *                 folded into one ({@code (.next)+})
 * @param concrete the path of this very object ({@code _G.cache["req:7"].name})
 */
public record RetainingPath(List<String> segments, String concrete) {
    /** For an object no root reaches: garbage the collector has not freed yet. */
    public static final RetainingPath UNREACHABLE = new RetainingPath(List.of("(garbage, not yet collected)"),
            "(garbage, not yet collected)");

    public RetainingPath {
        if (segments == null || segments.isEmpty() || concrete == null) {
            throw new IllegalArgumentException("a retaining path needs at least its root and a concrete spelling");
        }
        segments = List.copyOf(segments);
    }

    /** The grouping spelling: {@code _G.cache[*].name}. */
    public String grouped() {
        return String.join("", segments);
    }

    /** This path followed by one more step (a firmware block owned by the object: {@code  ▸ FreeRTOS timer}). */
    public RetainingPath then(String segment) {
        List<String> longer = new java.util.ArrayList<>(segments);
        longer.add(segment);
        return new RetainingPath(longer, concrete + segment);
    }
}
