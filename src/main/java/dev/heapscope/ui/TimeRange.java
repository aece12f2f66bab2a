package dev.heapscope.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * A span of host time (epoch ms, both ends included) chosen on the timeline; the analysis views
 * then show only the records whose estimated allocation time falls in it.
 */
public record TimeRange(long fromMillis, long toMillis) {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    public TimeRange {
        if (toMillis < fromMillis) {
            throw new IllegalArgumentException("a time range ends after it starts: " + fromMillis + ".." + toMillis);
        }
    }

    /** The range between two moments given in either order. */
    public static TimeRange between(long aMillis, long bMillis) {
        return new TimeRange(Math.min(aMillis, bMillis), Math.max(aMillis, bMillis));
    }

    /** False for NaN (a record without an estimate). */
    public boolean contains(double millis) {
        return millis >= fromMillis && millis <= toMillis;
    }

    public long lengthMillis() {
        return toMillis - fromMillis;
    }

    /** "12:00:01.200–12:00:03.450" in the local time zone. */
    public String describe() {
        return CLOCK.format(Instant.ofEpochMilli(fromMillis)) + "–" + CLOCK.format(Instant.ofEpochMilli(toMillis));
    }
}
