package dev.heapscope.ui.timeline;

/**
 * The time window shown and where it sits on the canvas: maps host time (epoch ms) to x pixels and
 * back.
 *
 * @param leftPx  x of {@code fromMillis}
 * @param widthPx pixels from {@code fromMillis} to {@code toMillis}
 */
record TimeAxis(long fromMillis, long toMillis, double leftPx, double widthPx) {

    double xOf(double millis) {
        return leftPx + (millis - fromMillis) * widthPx / Math.max(1, toMillis - fromMillis);
    }

    /** The time under {@code x}, clamped to the window. */
    long millisAt(double x) {
        double fraction = Math.max(0, Math.min(1, (x - leftPx) / widthPx));
        return fromMillis + Math.round(fraction * (toMillis - fromMillis));
    }

    int columns() {
        return Math.max(0, (int) widthPx);
    }
}
