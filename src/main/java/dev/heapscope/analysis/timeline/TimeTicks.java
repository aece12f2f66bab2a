package dev.heapscope.analysis.timeline;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Ticks of the timeline's time axis: a "nice" step (1, 2 or 5 × a power of ten µs) that leaves at least
 * {@code minGapPx} between labels, counted from the session's start (board time, so the ticks read
 * 0 s, 5 s, 10 s), with the wall-clock time of each tick as a second label.
 *
 * @param originMicros the session's start (epoch µs): board time 0
 * @param stepMicros   between two ticks
 * @param times        the ticks in the window, epoch µs
 */
public record TimeTicks(long originMicros, long stepMicros, List<Long> times) {
    private static final long[] FACTORS = {1, 2, 5};
    private static final DateTimeFormatter WALL = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    public TimeTicks {
        times = List.copyOf(times);
    }

    public static TimeTicks of(long fromMicros, long toMicros, long originMicros, double widthPx, double minGapPx) {
        long step = stepFor(fromMicros, toMicros, widthPx, minGapPx);
        List<Long> times = new ArrayList<>();
        long first = firstTick(fromMicros, originMicros, step);
        for (long t = first; t <= toMicros && times.size() < 1000; t += step) {
            times.add(t);
        }
        return new TimeTicks(originMicros, step, times);
    }

    /** The step {@link #of} uses: a painter can walk the ticks from {@link #firstTick} without a list. */
    public static long stepFor(long fromMicros, long toMicros, double widthPx, double minGapPx) {
        long span = Math.max(1, toMicros - fromMicros);
        return niceStep(span * minGapPx / Math.max(1, widthPx));
    }

    /** The first tick at or after {@code fromMicros}: a whole number of steps from the origin. */
    public static long firstTick(long fromMicros, long originMicros, long step) {
        return originMicros + Math.floorDiv(fromMicros - originMicros + step - 1, step) * step;
    }

    /** The smallest of 1, 2, 5 × 10^k µs at or above {@code wantedMicros}. */
    static long niceStep(double wantedMicros) {
        long power = 1;
        while (true) {
            for (long factor : FACTORS) {
                if (factor * power >= wantedMicros) {
                    return factor * power;
                }
            }
            power *= 10;
        }
    }

    /** Board time of a tick: seconds since the start, with as many decimals as the step needs ({@code 12.5 s}). */
    public String boardLabel(long micros) {
        return boardLabel(micros, originMicros, stepMicros);
    }

    /** {@link #boardLabel(long)} without a {@code TimeTicks}. */
    public static String boardLabel(long micros, long originMicros, long stepMicros) {
        double seconds = (micros - originMicros) / 1e6;
        int decimals = stepMicros >= 1_000_000 ? 0 : stepMicros >= 100_000 ? 1 : stepMicros >= 10_000 ? 2
                : stepMicros >= 1_000 ? 3 : 6;
        return String.format(Locale.ROOT, "%." + decimals + "f s", seconds);
    }

    /** Wall-clock time of a tick, in {@code zone}. */
    public static String wallLabel(long micros, ZoneId zone) {
        return WALL.format(Instant.ofEpochMilli(Math.floorDiv(micros, 1000)).atZone(zone));
    }
}
