package dev.heapscope.analysis;

import dev.heapscope.model.HeldBy;
import dev.heapscope.model.Record;
import dev.heapscope.model.RetainingPath;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What holds a group of records alive, by grouped retaining path: the paths with their record counts and
 * bytes, most bytes first (then most records, then the path's text: a stable order). Empty when the
 * source knows no paths (a real board's dump). Immutable.
 */
public final class Holders {
    /** One grouped path and what it holds of the group. */
    public record Holder(RetainingPath path, int count, long bytes) {
    }

    private final List<Holder> holders;

    private Holders(List<Holder> holders) {
        this.holders = List.copyOf(holders);
    }

    public static Holders of(List<Record> records, HeldBy heldBy) {
        Map<String, long[]> totals = new LinkedHashMap<>();
        Map<String, RetainingPath> first = new LinkedHashMap<>();
        for (Record record : records) {
            Optional<RetainingPath> path = heldBy.pathOf(record);
            if (path.isPresent()) {
                String grouped = path.get().grouped();
                first.putIfAbsent(grouped, path.get());
                long[] sum = totals.computeIfAbsent(grouped, k -> new long[2]);
                sum[0]++;
                sum[1] += record.sizeBytes();
            }
        }
        List<Holder> holders = new ArrayList<>();
        totals.forEach((grouped, sum) -> holders.add(new Holder(first.get(grouped), (int) sum[0], sum[1])));
        holders.sort(Comparator.comparingLong(Holder::bytes).reversed()
                .thenComparing(Comparator.comparingInt(Holder::count).reversed())
                .thenComparing(h -> h.path().grouped()));
        return new Holders(holders);
    }

    public List<Holder> all() {
        return holders;
    }

    public boolean isEmpty() {
        return holders.isEmpty();
    }

    /**
     * One line for a table cell: the main holder's grouped path, plus how many other paths hold the rest
     * ({@code _G.cache[*] (+2 other paths)}); empty when unknown.
     */
    public String summary() {
        if (holders.isEmpty()) {
            return "";
        }
        String main = holders.get(0).path().grouped();
        int others = holders.size() - 1;
        return others == 0 ? main : main + " (+" + others + " other path" + (others == 1 ? ")" : "s)");
    }
}
