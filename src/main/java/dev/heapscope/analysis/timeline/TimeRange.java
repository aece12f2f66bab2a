package dev.heapscope.analysis.timeline;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A span of host time (epoch µs, both ends included) chosen on the timeline; the analysis views
 * then show only the records whose estimated allocation time falls in it. Microseconds, since a
 * burst of allocations (a virtual board's scenario) can take well under a millisecond.
 */
public record TimeRange(long fromMicros, long toMicros) {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS")
            .withZone(ZoneId.systemDefault());

    public TimeRange {
        if (toMicros < fromMicros) {
            throw new IllegalArgumentException("a time range ends after it starts: " + fromMicros + ".." + toMicros);
        }
    }

    /** The range between two moments given in either order. */
    public static TimeRange between(long aMicros, long bMicros) {
        return new TimeRange(Math.min(aMicros, bMicros), Math.max(aMicros, bMicros));
    }

    /** Whether a time in epoch ms (fractional) is in the range; false for NaN (a record without an estimate). */
    public boolean containsMillis(double millis) {
        double micros = millis * 1000.0;
        return micros >= fromMicros && micros <= toMicros;
    }

    public long lengthMicros() {
        return toMicros - fromMicros;
    }

    /** "12:00:01.200000–12:00:03.450000 (2.25 s)" in the local time zone. */
    public String describe() {
        return CLOCK.format(instant(fromMicros)) + "–" + CLOCK.format(instant(toMicros)) + " ("
                + describeLength(lengthMicros()) + ")";
    }

    /** A duration in the unit that suits it: "840 µs", "12.5 ms", "3.2 s". */
    public static String describeLength(long micros) {
        if (micros < 1_000) {
            return micros + " µs";
        }
        if (micros < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f ms", micros / 1_000.0);
        }
        return String.format(Locale.ROOT, "%.1f s", micros / 1_000_000.0);
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1_000L);
    }
}
