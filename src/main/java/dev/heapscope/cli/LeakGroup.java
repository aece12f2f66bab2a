package dev.heapscope.cli;

import dev.heapscope.model.CallChain;
import dev.heapscope.model.Record;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Leaked records (live in the final dump, not in the first) grouped by call chain, largest first. */
record LeakGroup(CallChain chain, List<Record> records) {

    int count() {
        return records.size();
    }

    long bytes() {
        return records.stream().mapToLong(Record::sizeBytes).sum();
    }

    static List<LeakGroup> of(List<Record> leaked) {
        Map<CallChain, List<Record>> byChain = new LinkedHashMap<>();
        for (Record record : leaked) {
            byChain.computeIfAbsent(record.caller(), chain -> new ArrayList<>()).add(record);
        }
        List<LeakGroup> groups = new ArrayList<>();
        byChain.forEach((chain, records) -> groups.add(new LeakGroup(chain, List.copyOf(records))));
        groups.sort(Comparator.comparingLong(LeakGroup::bytes).reversed().thenComparing(LeakGroup::count,
                Comparator.reverseOrder()));
        return groups;
    }
}
