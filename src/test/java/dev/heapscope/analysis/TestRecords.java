package dev.heapscope.analysis;

import dev.heapscope.model.CallChain;
import dev.heapscope.model.Dialect;
import dev.heapscope.model.Dump;
import dev.heapscope.model.Record;
import dev.heapscope.model.Region;

import java.util.List;

/** Builds records and dumps for tests, since analysis never parses text. */
public final class TestRecords {
    private TestRecords() {
    }

    /** A live internal-RAM record on CPU 0 allocated by {@code chainInnermostFirst}. */
    public static Record live(int sizeBytes, int address, int... chainInnermostFirst) {
        return new Record(sizeBytes, address, Region.INTERNAL, 0, 0, CallChain.of(chainInnermostFirst), false,
                CallChain.EMPTY, 0);
    }

    public static Record freed(int sizeBytes, int address, int... chainInnermostFirst) {
        return live(sizeBytes, address, chainInnermostFirst).withFreedBy(CallChain.of(0x400d9999));
    }

    public static Record at(Record record, int cpu, int ccount) {
        return new Record(record.sizeBytes(), record.address(), record.region(), cpu, ccount, record.caller(),
                record.freed(), record.freedBy(), record.lineNumber());
    }

    public static Record in(Record record, Region region) {
        return new Record(record.sizeBytes(), record.address(), region, record.cpu(), record.ccount(),
                record.caller(), record.freed(), record.freedBy(), record.lineNumber());
    }

    public static Dump dump(List<Record> records) {
        return dump(0, -1, records);
    }

    public static Dump dump(int index, long receivedAtMillis, List<Record> records) {
        return new Dump(index, Dialect.B, true, null, records, null, List.of(), 1, 1, receivedAtMillis);
    }
}
