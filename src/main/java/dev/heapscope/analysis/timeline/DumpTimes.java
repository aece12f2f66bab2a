package dev.heapscope.analysis.timeline;

import dev.heapscope.analysis.CcountClock;
import dev.heapscope.analysis.TimedRecord;
import dev.heapscope.model.Dump;

import java.util.Arrays;
import java.util.List;

/**
 * The estimated allocation times of every record of a session's dumps ({@link CcountClock}, dumps in
 * arrival order), per dump and as {@link AllocationEvents} for the timeline. Built off the FX
 * thread; immutable.
 */
public final class DumpTimes {
    /** The clock assumed when the board's is not known (a serial board): the ESP32 default. */
    public static final double DEFAULT_CPU_MHZ = 160;
    public static final DumpTimes NONE = new DumpTimes(List.of(), new double[0][], AllocationEvents.EMPTY);

    private final List<Dump> dumps;
    private final double[][] millisByDump;
    private final AllocationEvents events;

    private DumpTimes(List<Dump> dumps, double[][] millisByDump, AllocationEvents events) {
        this.dumps = dumps;
        this.millisByDump = millisByDump;
        this.events = events;
    }

    public static DumpTimes estimate(List<Dump> dumpsInArrivalOrder, double cpuMhz) {
        List<Dump> dumps = List.copyOf(dumpsInArrivalOrder);
        List<TimedRecord> timed = new CcountClock(cpuMhz).estimate(dumps);
        double[][] millis = new double[dumps.size()][];
        for (int d = 0; d < dumps.size(); d++) {
            millis[d] = new double[dumps.get(d).records().size()];
            Arrays.fill(millis[d], Double.NaN);
        }
        for (TimedRecord record : timed) {
            millis[record.dumpIndex()][record.recordIndex()] = record.estimatedHostMillis();
        }
        return new DumpTimes(dumps, millis, AllocationEvents.of(timed));
    }

    public List<Dump> dumps() {
        return dumps;
    }

    public AllocationEvents events() {
        return events;
    }

    /**
     * The estimated allocation time of each of {@code dump}'s records, by its position in the dump;
     * NaN where there is none. Null when {@code dump} is not one of these dumps (times computed
     * before it arrived).
     */
    public double[] millisOf(Dump dump) {
        for (int d = dumps.size() - 1; d >= 0; d--) {
            if (dumps.get(d) == dump) {
                return millisByDump[d];
            }
        }
        return null;
    }

    /** Whether these times cover {@code dump}. */
    public boolean covers(Dump dump) {
        return millisOf(dump) != null;
    }
}
