package dev.heapscope.cli;

import dev.heapscope.model.CallChain;
import dev.heapscope.model.Record;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Leaked records (live in the final dump, not in the first) grouped by call chain, largest first. */
record LeakGroup(CallChain chain, int count, long bytes) {

    static List<LeakGroup> of(List<Record> leaked) {
        Map<CallChain, long[]> totals = new LinkedHashMap<>();
        for (Record record : leaked) {
            long[] sum = totals.computeIfAbsent(record.caller(), chain -> new long[2]);
            sum[0]++;
            sum[1] += record.sizeBytes();
        }
        List<LeakGroup> groups = new ArrayList<>();
        totals.forEach((chain, sum) -> groups.add(new LeakGroup(chain, (int) sum[0], sum[1])));
        groups.sort(Comparator.comparingLong(LeakGroup::bytes).reversed().thenComparing(LeakGroup::count,
                Comparator.reverseOrder()));
        return groups;
    }
}
