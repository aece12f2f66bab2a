package dev.heapscope.ui.leaks;

import dev.heapscope.analysis.Holders;
import dev.heapscope.analysis.LeakRow;
import dev.heapscope.model.HeldBy;
import dev.heapscope.model.RetainingPath;
import dev.heapscope.model.Hex;
import dev.heapscope.model.Record;
import dev.heapscope.ui.common.FrameLabels;

import java.util.Locale;

/**
 * One line of the leak tree: a call chain's group, or one record of it under the group.
 *
 * @param where      top frame for a group; the block's address for a record
 * @param chain      every frame, innermost first
 * @param firstSeen  position in the dump's insertion order ({@code #12})
 * @param location   {@code /full/path/file.c:27} of the top frame when known, else null
 * @param heldBy     for a group the path holding most of its bytes (and how many other paths hold the rest);
 *                   for a record its own path; empty when unknown (a real board's dump)
 */
public record LeakLine(String where, int count, long bytes, double averageBytes, String region, String firstSeen,
                       String chain, boolean group, String location, String heldBy) {

    public static LeakLine of(LeakRow row, FrameLabels labels, HeldBy holders) {
        return new LeakLine(labels.topFrame(row.chain()), row.count(), row.totalBytes(), row.averageSizeBytes(),
                row.regions().name().toLowerCase(Locale.ROOT), "#" + row.firstSeen().index(),
                labels.describe(row.chain()), true, labels.topLocation(row.chain()).orElse(null),
                Holders.of(row.records(), holders).summary());
    }

    public static LeakLine of(Record record, int index, String chain, HeldBy holders) {
        return new LeakLine(Hex.of(record.address()), 1, record.sizeBytes(), record.sizeBytes(),
                record.region() == null ? "unknown" : record.region().label(), "record " + index + ", cpu " + record.cpu()
                + ", ccount " + record.ccountUnsigned(), chain, false, null,
                holders.pathOf(record).map(RetainingPath::concrete).orElse(""));
    }

    /** True when the filter text (case-insensitive) is in the top frame or the chain; blank matches all. */
    public boolean matches(String filter) {
        if (filter == null || filter.isBlank()) {
            return true;
        }
        String needle = filter.strip().toLowerCase(Locale.ROOT);
        return where.toLowerCase(Locale.ROOT).contains(needle) || chain.toLowerCase(Locale.ROOT).contains(needle)
                || heldBy.toLowerCase(Locale.ROOT).contains(needle);
    }

    /** Tab-separated, for the clipboard. */
    public String toTsv() {
        return String.join("\t", where, Integer.toString(count), Long.toString(bytes),
                String.format(Locale.ROOT, "%.1f", averageBytes), region, firstSeen, heldBy, chain);
    }
}
