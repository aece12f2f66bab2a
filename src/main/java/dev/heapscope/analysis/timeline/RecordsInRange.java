package dev.heapscope.analysis.timeline;

import dev.heapscope.model.Dump;
import dev.heapscope.model.Record;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The records of one dump whose estimated allocation time falls in a range. Records without an
 * estimate cannot be placed, so they are left out and counted.
 *
 * @param kept         the records in the range, in the order given
 * @param unestimated  records left out because they have no time estimate
 * @param outside      records left out because their estimate is outside the range
 */
public record RecordsInRange(List<Record> kept, int unestimated, int outside) {

    /**
     * @param records records of {@code dump} (the same instances), e.g. its live ones
     * @param times   estimates covering {@code dump}; when they do not, every record counts as unestimated
     */
    public static RecordsInRange of(List<Record> records, Dump dump, DumpTimes times, TimeRange range) {
        double[] millis = times.millisOf(dump);
        Map<Record, Double> byRecord = new IdentityHashMap<>();
        if (millis != null) {
            List<Record> all = dump.records();
            for (int i = 0; i < all.size(); i++) {
                byRecord.put(all.get(i), millis[i]);
            }
        }
        List<Record> kept = new ArrayList<>();
        int unestimated = 0;
        int outside = 0;
        for (Record record : records) {
            Double estimate = byRecord.get(record);
            if (estimate == null || estimate.isNaN()) {
                unestimated++;
            } else if (range.containsMillis(estimate)) {
                kept.add(record);
            } else {
                outside++;
            }
        }
        return new RecordsInRange(List.copyOf(kept), unestimated, outside);
    }
}
