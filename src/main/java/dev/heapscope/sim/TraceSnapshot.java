package dev.heapscope.sim;

import dev.heapscope.model.Record;
import dev.heapscope.model.TraceMode;

import java.util.List;

/**
 * The heap trace state a dump prints, as ESP-IDF holds it: records in insertion order, oldest first.
 * Counters are unsigned 32-bit values, as the firmware's {@code size_t}.
 *
 * @param mode             the mode of the last start ({@code ALL} before any start, as in IDF)
 * @param stackDepth       {@code CONFIG_HEAP_TRACING_STACK_DEPTH}: slots per chain
 * @param count            the record count the firmware believes in; more than {@code records.size()}
 *                         only for a corrupt list (the dump then prints the corruption error)
 * @param capacity         records the buffer holds
 * @param highWaterMark    most records held at once since boot
 * @param totalAllocations allocations traced since the last start
 * @param totalFrees       frees counted since the last start
 * @param overflowed       the oldest record was dropped at least once since the last start
 * @param records          the records, oldest first
 */
public record TraceSnapshot(TraceMode mode, int stackDepth, int count, int capacity, int highWaterMark,
                            int totalAllocations, int totalFrees, boolean overflowed, List<Record> records) {

    public TraceSnapshot {
        records = List.copyOf(records);
    }
}
