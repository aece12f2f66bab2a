package dev.heapscope.analysis;

import dev.heapscope.model.Record;

/** What a {@link CallTree} adds up per record: its size, or one per record. */
public enum Weight {
    BYTES("bytes"),
    COUNT("allocations");

    private final String unit;

    Weight(String unit) {
        this.unit = unit;
    }

    /** The word to show after a value: {@code bytes} or {@code allocations}. */
    public String unit() {
        return unit;
    }

    /** What {@code record} contributes. */
    public long of(Record record) {
        return this == BYTES ? record.sizeBytes() : 1;
    }
}
