package dev.heapscope.analysis;

import dev.heapscope.model.Dump;
import dev.heapscope.model.Record;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Simulated sessions with known allocation times, to check estimates against the truth: dumps less
 * than a wrap period apart, each arriving under 2 s after its newest allocation, older records freed
 * at random. The estimate must then be exact up to the 2 s anchor lag, with no wrap lost or added.
 */
class CcountClockPropertiesTest {
    private static final long START_MILLIS = 1_700_000_000_000L;

    @Property(tries = 150)
    void estimatesNeverFollowArrivalAndMissNoWrapInAnOrdinarySession(
            @ForAll("mhz") int mhz, @ForAll @LongRange(min = 0, max = 0xFFFF_FFFFL) long counterAtStart,
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int dumpCount) {
        Random random = new Random(seed);
        double cyclesPerMilli = mhz * 1000.0;
        double wrapMillis = (1L << 32) / cyclesPerMilli;
        double maxGapMillis = 0.1 * wrapMillis;
        double maxDelayMillis = 2_000;

        Map<Integer, Double> trueMillisByAddress = new HashMap<>();
        List<Record> alive = new ArrayList<>();
        List<Dump> dumps = new ArrayList<>();
        double now = 0;
        int nextAddress = 0x3ffb0000;
        for (int d = 0; d < dumpCount; d++) {
            int allocations = 1 + random.nextInt(4);
            int olderRecords = alive.size();
            for (int a = 0; a < allocations; a++) {
                now += random.nextDouble() * maxGapMillis;
                long ccount = (counterAtStart + (long) (now * cyclesPerMilli)) & 0xFFFF_FFFCL;
                Record record = TestRecords.at(TestRecords.live(16, nextAddress, 0x400d1000), 0, (int) ccount);
                trueMillisByAddress.put(nextAddress, now);
                nextAddress += 16;
                alive.add(record);
            }
            // frees spare this round's allocations, so each dump's newest record is shown
            List<Record> older = alive.subList(0, olderRecords);
            older.removeIf(r -> random.nextInt(3) == 0);
            long arrival = START_MILLIS + (long) Math.ceil(now + random.nextDouble() * maxDelayMillis);
            dumps.add(TestRecords.dump(d, arrival, alive));
            // the firmware prints a dump with interrupts masked: nothing is allocated until it is out
            now = arrival - START_MILLIS;
        }

        List<TimedRecord> timed = new CcountClock(mhz).estimate(dumps);

        Map<Integer, Double> firstEstimate = new HashMap<>();
        for (TimedRecord t : timed) {
            double truth = START_MILLIS + trueMillisByAddress.get(t.record().address());
            double estimate = t.estimatedHostMillis();
            firstEstimate.putIfAbsent(t.record().address(), estimate);
            assertThat(estimate).isEqualTo(firstEstimate.get(t.record().address()));
            assertThat(estimate).isLessThanOrEqualTo(dumps.get(t.dumpIndex()).receivedAtMillis() + 1e-3);
            assertThat(estimate - truth).isBetween(-1e-2, maxDelayMillis + 1);
            assertThat(t.wrapsAmbiguous()).isFalse();
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Integer> mhz() {
        return net.jqwik.api.Arbitraries.of(80, 160, 240);
    }
}
