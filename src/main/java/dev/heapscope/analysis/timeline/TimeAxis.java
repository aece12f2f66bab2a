package dev.heapscope.analysis.timeline;

/**
 * The time window shown and where it sits on the canvas: maps host time (epoch µs) to x pixels and
 * back. Plain arithmetic, so it lives beside the time logic; the timeline view and painter share it.
 *
 * @param leftPx  x of {@code fromMicros}
 * @param widthPx pixels from {@code fromMicros} to {@code toMicros}
 */
public record TimeAxis(long fromMicros, long toMicros, double leftPx, double widthPx) {

    public double xOf(double micros) {
        return leftPx + (micros - fromMicros) * widthPx / Math.max(1, toMicros - fromMicros);
    }

    /** The time under {@code x}, clamped to the window. */
    public long microsAt(double x) {
        double fraction = Math.max(0, Math.min(1, (x - leftPx) / widthPx));
        return fromMicros + Math.round(fraction * (toMicros - fromMicros));
    }

    /** Whole pixel columns in the window (one per reduction column). */
    public int columns() {
        return Math.max(0, (int) widthPx);
    }
}
