package dev.heapscope.analysis;

import dev.heapscope.model.Record;

/**
 * A record with the host time {@link CcountClock} estimated for its allocation.
 *
 * @param dumpIndex            position of its dump in the list given to the clock
 * @param recordIndex          position of the record in that dump (insertion order)
 * @param cpu                  the core whose counter {@code unwrappedCycles} is on
 * @param unwrappedCycles      the record's ccount with wraps added back, on that core's own timeline
 *                             (comparable only with records of the same core)
 * @param estimatedHostMillis  host time (epoch ms, fractional); {@code NaN} when no dump with an
 *                             arrival time anchored that core's timeline
 * @param wrapsAmbiguous       whole wrap periods (2^32 cycles) could be missing or extra: the time
 *                             since the previous complete dump was unknown or not shorter than one
 *                             wrap period, so the wrap count was a guess
 */
public record TimedRecord(int dumpIndex, int recordIndex, Record record, int cpu, long unwrappedCycles,
                          double estimatedHostMillis, boolean wrapsAmbiguous) {

    public boolean anchored() {
        return !Double.isNaN(estimatedHostMillis);
    }
}
