package dev.heapscope.sim;

/**
 * Ends a runaway chunk. An {@link Error}, not a {@code LuaError}, so {@code pcall} cannot catch it;
 * the budget stays exhausted (sticky) until the board starts the next chunk, so a coroutine that
 * swallowed it stops its resumer too.
 */
final class InstructionBudgetExceeded extends Error {
    private final String traceback;

    InstructionBudgetExceeded(String message, String traceback) {
        super(message, null, false, false);
        this.traceback = traceback;
    }

    String traceback() {
        return traceback;
    }
}
