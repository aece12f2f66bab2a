package dev.heapscope.sim;

import dev.heapscope.model.HeldBy;
import dev.heapscope.model.Record;
import dev.heapscope.model.RetainingPath;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What held each live record's block when the virtual board printed a dump: filled on the board thread
 * as {@code heaptrace.dump()} runs, read by sessions, views and the CLI on theirs. A record is known by
 * its address and ccount (the same block printed again keeps both). Keeps the newest
 * {@value #CAPACITY} records, across reboots of the board.
 */
public final class RetentionIndex implements HeldBy {
    static final int CAPACITY = 100_000;

    private final Map<Long, RetainingPath> paths = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, RetainingPath> eldest) {
            return size() > CAPACITY;
        }
    };

    private static long key(int address, int ccount) {
        return (long) address << 32 | (ccount & 0xffffffffL);
    }

    synchronized void put(int address, int ccount, RetainingPath path) {
        long key = key(address, ccount);
        paths.remove(key); // re-inserted as newest
        paths.put(key, path);
    }

    /** Remembers what holds each of {@code live}; the paths are computed only when there is a live record. */
    void record(java.util.List<Record> live, java.util.function.Supplier<Map<Integer, RetainingPath>> paths) {
        if (live.isEmpty()) {
            return;
        }
        Map<Integer, RetainingPath> byAddress = paths.get();
        for (Record record : live) {
            RetainingPath path = byAddress.get(record.address());
            if (path != null) {
                put(record.address(), record.ccount(), path);
            }
        }
    }

    @Override
    public synchronized Optional<RetainingPath> pathOf(Record record) {
        return Optional.ofNullable(paths.get(key(record.address(), record.ccount())));
    }

    synchronized int size() {
        return paths.size();
    }
}
