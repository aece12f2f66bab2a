package dev.heapscope.sim;

/**
 * Thrown in a board thread the watchdog gave up on, at the first thing it tries to do on the board (print,
 * allocate, trace, reach a budget check), so that it unwinds without touching what its successor runs.
 */
final class AbandonedBoardThread extends Error {
    AbandonedBoardThread() {
        super("abandoned board thread", null, false, false);
    }
}
