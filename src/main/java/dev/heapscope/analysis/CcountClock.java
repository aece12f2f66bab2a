package dev.heapscope.analysis;

import dev.heapscope.model.Dump;
import dev.heapscope.model.Record;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Estimates when each record was allocated, in host time, from its ccount.
 *
 * <p>Facts it rests on (docs/heap-trace-format.md §4): ccount is the allocating core's 32-bit cycle
 * counter; it wraps every 2^32 cycles (26.8 s at 160 MHz, 17.9 s at 240 MHz); the two cores'
 * counters are not synchronised; records in a dump are in insertion order; a dump's
 * {@link Dump#receivedAtMillis()} is when it arrived at the host.
 *
 * <p>Method, per core, each core on its own timeline (a fixed offset plus cycles / (MHz·1000)):
 * <ol>
 * <li>Walk the core's records of a dump in insertion order. A record already seen in an earlier
 *     dump (same core, address and ccount) keeps its earlier cycles and estimate. Each new record
 *     is the smallest step forward from the one before it, so a backward step counts as one wrap
 *     (+2^32). New records before the first known one are walked backwards from it the same way.
 *     The first record after the last known one (and the first record of a dump with no known
 *     record of the core) steps forward from the latest cycles that core reached in earlier dumps.</li>
 * <li>The first dump with an arrival time anchors the core: its latest record is placed at the
 *     arrival time (an upper bound: the real allocation was earlier by the time until the dump).</li>
 * <li>In later dumps, the records after the last known one (the "tail") are new since the
 *     previous dump, so they may follow it by whole wraps the step cannot show. When the previous
 *     complete dump arrived less than one wrap period earlier, the tail gets the fewest extra wraps
 *     that put its first record no earlier than that arrival less a quarter wrap (slack for the
 *     time the dump took to print): the only count that fits. Otherwise (no previous arrival, or a
 *     wrap period or more since it) the latest record goes nearest the arrival time, no more wraps
 *     than the interval allows, and the tail is flagged {@link TimedRecord#wrapsAmbiguous()}.
 *     If the latest record then lands after the arrival time, the anchor was too late: the core's
 *     offset moves earlier so the latest sits at the arrival time (estimates already given keep
 *     their values). So every estimate is at or before the arrival of the dump that first showed
 *     it.</li>
 * </ol>
 *
 * <p>Limits: the bounded wrap count is right while the time between dumps plus the anchor bias
 * (time from the anchoring record to its dump's arrival) plus the print time stays under a wrap
 * period less a quarter; the guessed one is right when the tail's latest record and the anchor
 * have about the same lag behind their dumps (within half a wrap). A record an incomplete dump did
 * not print can break the "new since the previous dump" assumption; the interval from an
 * incomplete dump is therefore not used. Gaps of a full wrap or more between consecutive records
 * of one dump are invisible. The anchor bias carries into every later estimate of the core until a
 * dump moves the anchor. Clock changes and light sleep (which stops the counter) are not modelled.
 * Without any arrival time, estimates are {@code NaN}, but unwrapped cycles still order each core's
 * records.
 * Not thread-safe; cheap to create.
 */
public final class CcountClock {
    /** One full turn of the 32-bit counter. */
    public static final long WRAP_CYCLES = 1L << 32;
    private static final long NO_ARRIVAL = Long.MIN_VALUE;
    private static final System.Logger LOG = System.getLogger(CcountClock.class.getName());

    private final double cyclesPerMilli;

    /** @param cpuMhz the cores' clock, e.g. 160 (the ESP32 default) or 240 */
    public CcountClock(double cpuMhz) {
        if (!(cpuMhz > 0) || Double.isInfinite(cpuMhz)) {
            throw new IllegalArgumentException("CPU clock must be a positive number of MHz, not " + cpuMhz);
        }
        this.cyclesPerMilli = cpuMhz * 1000.0;
    }

    /** How long the counter takes to wrap, in milliseconds. */
    public double wrapPeriodMillis() {
        return WRAP_CYCLES / cyclesPerMilli;
    }

    /** An estimate for every record of every dump, dump by dump, each dump's records in order. */
    public List<TimedRecord> estimate(List<Dump> dumpsInArrivalOrder) {
        Map<Integer, CoreLine> lines = new HashMap<>();
        Map<Sighted, TimedRecord> seen = new HashMap<>();
        List<TimedRecord> out = new ArrayList<>();
        long previousArrivalMillis = NO_ARRIVAL;
        for (int dumpIndex = 0; dumpIndex < dumpsInArrivalOrder.size(); dumpIndex++) {
            Dump dump = dumpsInArrivalOrder.get(dumpIndex);
            List<Record> records = dump.records();
            TimedRecord[] timed = new TimedRecord[records.size()];
            Map<Integer, List<Integer>> byCore = new LinkedHashMap<>();
            for (int i = 0; i < records.size(); i++) {
                byCore.computeIfAbsent(records.get(i).cpu(), cpu -> new ArrayList<>()).add(i);
            }
            for (Map.Entry<Integer, List<Integer>> core : byCore.entrySet()) {
                CoreLine line = lines.computeIfAbsent(core.getKey(), cpu -> new CoreLine());
                estimateCore(dumpIndex, dump.receivedAtMillis(), previousArrivalMillis, records, core.getValue(), line,
                        seen, timed);
            }
            if (dump.receivedAtMillis() >= 0) {
                previousArrivalMillis = dump.complete() ? dump.receivedAtMillis() : NO_ARRIVAL;
            }
            out.addAll(List.of(timed));
        }
        return out;
    }

    private void estimateCore(int dumpIndex, long arrivalMillis, long previousArrivalMillis, List<Record> records,
                              List<Integer> indices,
                              CoreLine line, Map<Sighted, TimedRecord> seen, TimedRecord[] timed) {
        int n = indices.size();
        TimedRecord[] known = new TimedRecord[n];
        int firstKnown = -1;
        int lastKnown = -1;
        for (int i = 0; i < n; i++) {
            known[i] = seen.get(Sighted.of(records.get(indices.get(i))));
            if (known[i] != null) {
                firstKnown = firstKnown < 0 ? i : firstKnown;
                lastKnown = i;
            }
        }
        long[] cycles = new long[n];
        if (firstKnown >= 0) {
            cycles[firstKnown] = known[firstKnown].unwrappedCycles();
            for (int i = firstKnown - 1; i >= 0; i--) {
                cycles[i] = cycles[i + 1] - forwardSteps(ccountOf(records, indices, i), cycles[i + 1]);
            }
        } else {
            long ccount = ccountOf(records, indices, 0);
            cycles[0] = line.latestCycles == Long.MIN_VALUE ? ccount
                    : line.latestCycles + forwardSteps(line.latestCycles, ccount);
        }
        int tailStart = lastKnown + 1;
        for (int i = Math.max(firstKnown, 0) + 1; i < n; i++) {
            // the tail is newer than anything earlier dumps showed, not just than this dump's last known record
            long from = i == tailStart ? Math.max(cycles[i - 1], line.latestCycles) : cycles[i - 1];
            cycles[i] = known[i] != null ? known[i].unwrappedCycles()
                    : from + forwardSteps(from, ccountOf(records, indices, i));
        }
        boolean tailAmbiguous = false;
        boolean hasArrival = arrivalMillis >= 0;
        if (tailStart < n && hasArrival && line.anchored) {
            tailAmbiguous = placeTail(cycles, tailStart, arrivalMillis, previousArrivalMillis, line);
        } else if (tailStart < n && line.anchored) {
            tailAmbiguous = true;
        }
        if (!line.anchored && hasArrival) {
            line.offsetMillis = arrivalMillis - cycles[n - 1] / cyclesPerMilli;
            line.anchored = true;
        }
        for (int i = 0; i < n; i++) {
            Record record = records.get(indices.get(i));
            double host = line.anchored ? line.hostMillis(cycles[i], cyclesPerMilli) : Double.NaN;
            boolean ambiguous = i >= tailStart && tailAmbiguous;
            if (known[i] != null && known[i].anchored()) {
                host = known[i].estimatedHostMillis();
                ambiguous = known[i].wrapsAmbiguous();
            }
            TimedRecord result = new TimedRecord(dumpIndex, indices.get(i), record, record.cpu(), cycles[i], host,
                    ambiguous);
            timed[indices.get(i)] = result;
            if (known[i] == null || !known[i].anchored()) {
                seen.put(Sighted.of(record), result);
            }
            line.latestCycles = Math.max(line.latestCycles, cycles[i]);
        }
    }

    /**
     * Gives the tail its extra whole wraps, then moves the core's anchor earlier if the latest record
     * still lands after the arrival. When the previous complete dump arrived less than a wrap period
     * ago, the tail's first record was allocated after it (else that dump would have shown it): the
     * fewest wraps that put it no earlier than that arrival (less a quarter wrap for the time the dump
     * took to print) is the one count that fits. Otherwise the latest record goes nearest the
     * arrival, and the count is a guess. Returns whether it is a guess.
     */
    private boolean placeTail(long[] cycles, int tailStart, long arrivalMillis, long previousArrivalMillis,
                              CoreLine line) {
        int last = cycles.length - 1;
        double wrapMillis = wrapPeriodMillis();
        boolean known = previousArrivalMillis != NO_ARRIVAL;
        boolean bounded = known && arrivalMillis - previousArrivalMillis < wrapMillis;
        long extraWraps;
        if (bounded) {
            double earliestMillis = previousArrivalMillis - wrapMillis / 4;
            double firstMillis = line.hostMillis(cycles[tailStart], cyclesPerMilli);
            extraWraps = (long) Math.ceil((earliestMillis - firstMillis) / wrapMillis);
        } else {
            double slackMillis = arrivalMillis - line.hostMillis(cycles[last], cyclesPerMilli);
            extraWraps = Math.round(slackMillis / wrapMillis);
            if (known) {
                extraWraps = Math.min(extraWraps, (long) Math.ceil((arrivalMillis - previousArrivalMillis) / wrapMillis));
            }
        }
        extraWraps = Math.max(extraWraps, 0);
        for (int i = tailStart; i <= last; i++) {
            cycles[i] += extraWraps * WRAP_CYCLES;
        }
        double lateMillis = line.hostMillis(cycles[last], cyclesPerMilli) - arrivalMillis;
        if (lateMillis > 0) {
            LOG.log(System.Logger.Level.DEBUG, "core estimate {0} ms after arrival; moving its anchor", lateMillis);
            line.offsetMillis -= lateMillis;
        }
        return !bounded;
    }

    private static long ccountOf(List<Record> records, List<Integer> indices, int i) {
        return records.get(indices.get(i)).ccountUnsigned();
    }

    /** Cycles from {@code fromCycles} forward to the next moment the counter reads {@code toCcount}. */
    private static long forwardSteps(long fromCycles, long toCcount) {
        return (toCcount - fromCycles) & (WRAP_CYCLES - 1);
    }

    private static final class CoreLine {
        boolean anchored;
        double offsetMillis;
        long latestCycles = Long.MIN_VALUE;

        double hostMillis(long cycles, double cyclesPerMilli) {
            return offsetMillis + cycles / cyclesPerMilli;
        }
    }

    private record Sighted(int cpu, int address, int ccount) {
        static Sighted of(Record record) {
            return new Sighted(record.cpu(), record.address(), record.ccount());
        }
    }
}
