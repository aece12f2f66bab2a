package dev.heapscope.ui.timeline;

import dev.heapscope.analysis.timeline.TimeRange;
import dev.heapscope.analysis.timeline.TimeTicks;

import java.time.ZoneId;
import java.util.Locale;

/**
 * The timeline's texts, each formatted again only when what it says changed: a redraw while the user
 * drags a selection or the board streams polls would otherwise format every label anew, and that
 * garbage is what lets a collection pause a redraw. Tick labels are kept per tick time in a small
 * direct-mapped table, so panning reuses the ticks that stay in view. FX thread only.
 */
final class TimelineTexts {
    private static final int TICK_SLOTS = 128;

    private final ZoneId zone = ZoneId.systemDefault();
    private final long[] tickMicros = new long[TICK_SLOTS];
    private final long[] tickStep = new long[TICK_SLOTS];
    private final long[] tickOrigin = new long[TICK_SLOTS];
    private final String[] boardLabels = new String[TICK_SLOTS];
    private final String[] wallLabels = new String[TICK_SLOTS];
    private final String[] joinedLabels = new String[TICK_SLOTS];

    private int headerSamples = -1;
    private long headerSpan = -1;
    private String header;
    private double heapValue = Double.NaN;
    private String heapText;
    private double otherHeapValue = Double.NaN;
    private String otherHeapText;
    private long allocsKey = Long.MIN_VALUE;
    private long allocsMost = -1;
    private String allocs;

    /** "free heap, N samples, T shown". */
    String header(int samples, long spanMicros) {
        if (samples != headerSamples || spanMicros != headerSpan || header == null) {
            headerSamples = samples;
            headerSpan = spanMicros;
            header = String.format("free heap, %d samples, %s shown", samples, TimeRange.describeLength(spanMicros));
        }
        return header;
    }

    /** A free-heap scale value ({@code 12,345}); the top and bottom of the scale alternate, so two are kept. */
    String heapValue(double bytes) {
        if (bytes == heapValue) {
            return heapText;
        }
        if (bytes == otherHeapValue) {
            return otherHeapText;
        }
        otherHeapValue = heapValue;
        otherHeapText = heapText;
        heapValue = bytes;
        heapText = String.format("%,.0f", bytes);
        return heapText;
    }

    /** The allocation band's caption. */
    String allocations(long inView, int inAll, int unestimated, long mostInAColumn) {
        long key = inView * 1_000_003L ^ inAll * 31L ^ unestimated;
        if (key != allocsKey || mostInAColumn != allocsMost || allocs == null) {
            allocsKey = key;
            allocsMost = mostInAColumn;
            allocs = String.format("allocations: %,d in view (%,d in all%s), %,d bytes at most in a column", inView,
                    inAll, unestimated > 0 ? ", " + unestimated + " without a time estimate" : "", mostInAColumn);
        }
        return allocs;
    }

    /** Board time of a tick ({@code 12.5 s}). */
    String board(long micros, long origin, long step) {
        return boardLabels[slot(micros, origin, step)];
    }

    /** Wall-clock time of a tick ({@code 14:03:20}). */
    String wall(long micros, long origin, long step) {
        return wallLabels[slot(micros, origin, step)];
    }

    /** Both, as {@link TimelineDrawn} lists them. */
    String joined(long micros, long origin, long step) {
        return joinedLabels[slot(micros, origin, step)];
    }

    private int slot(long micros, long origin, long step) {
        int slot = (int) (Math.floorDiv(micros - origin, Math.max(1, step)) & (TICK_SLOTS - 1));
        if (boardLabels[slot] == null || tickMicros[slot] != micros || tickStep[slot] != step
                || tickOrigin[slot] != origin) {
            tickMicros[slot] = micros;
            tickStep[slot] = step;
            tickOrigin[slot] = origin;
            boardLabels[slot] = TimeTicks.boardLabel(micros, origin, step);
            wallLabels[slot] = TimeTicks.wallLabel(micros, zone);
            joinedLabels[slot] = boardLabels[slot] + " " + wallLabels[slot];
        }
        return slot;
    }

    static String lowerCase(Enum<?> kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
