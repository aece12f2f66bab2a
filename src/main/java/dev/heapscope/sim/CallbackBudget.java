package dev.heapscope.sim;

/**
 * One instruction budget per virtual second, shared by every callback (timers, tasks, events) that runs in it,
 * so no timer or event setup can make a run of N virtual seconds take more than about N budgets of wall time
 * (a fresh budget per callback let a 1 ms timer whose callback loops run {@code run --seconds 30} for hours).
 * A callback that finds its second's budget spent ends at once with the budget error.
 */
final class CallbackBudget {
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private final long perSecond;
    private long second = -1;
    private long left;

    CallbackBudget(long perSecond) {
        this.perSecond = perSecond;
    }

    /** The budget a callback starting at {@code nowMicros} may use. */
    long left(long nowMicros) {
        long current = nowMicros / MICROS_PER_SECOND;
        if (current != second) {
            second = current;
            left = perSecond;
        }
        return left;
    }

    void used(long instructions) {
        left = Math.max(0, left - instructions);
    }
}
