package dev.heapscope.sim;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A board for issue 16's hostile scripts: a budget of 5 million instruction equivalents (a tenth of the default,
 * so a runaway ends in a fraction of a second) under the 60 s wall-clock backstop, which the tests' 20 s timeouts
 * keep out of play: a test that passes was ended by the budget or the heap, not by the clock.
 */
final class HostileBoard implements AutoCloseable {
    static final String EXCEEDED = "instruction budget exceeded (runaway loop?)";
    static final String NO_MEMORY = "Lua error: \tnot enough memory\n";

    final BoardUnderTest board = new BoardUnderTest(BoardOptions.defaults().withInstructionBudget(5_000_000, 60_000),
            300_000);

    String type(String line) {
        return board.type(line);
    }

    /** Types {@code line}, expects {@code error} among what the board printed, then that the console still works. */
    void refuses(String line, String error) {
        assertThat(board.type(line)).contains(error);
        assertThat(board.type("=1+1\n")).endsWith("\n2\n> ");
    }

    @Override
    public void close() {
        board.close();
    }
}
