package dev.heapscope.sim;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16: callbacks draw on one budget per virtual second, so a 1 ms timer whose callback loops costs about one
 * budget per virtual second, not one per call (the class timeout only proves it ends).
 */
@Timeout(120)
class CallbackBudgetTest {
    private static final String EXCEEDED = "instruction budget exceeded (runaway loop?)";
    private final BoardUnderTest board = new BoardUnderTest(BoardOptions.defaults().withInstructionBudget(2_000_000, 60_000),
            300_000);

    @AfterEach
    void close() {
        board.close();
    }

    @Test
    void aLoopingOneMillisecondTimerSpendsOneBudgetPerVirtualSecond() {
        board.type("n = 0 t = tmr.create() t:alarm(1, tmr.ALARM_AUTO, function() n = n + 1 while true do end end)\n");
        board.clear();
        board.board.runVirtualTime(3_000);
        board.board.awaitIdle();
        String output = board.output();
        // every call fails: the first of each virtual second spends the second's budget, the rest find none and
        // end before their first instruction (so n counts only the calls that had a budget)
        assertThat(output.split(java.util.regex.Pattern.quote(EXCEEDED), -1).length - 1).isGreaterThan(2_000);
        board.type("t:unregister()\n");
        assertThat(board.type("=n >= 3 and n <= 4\n")).contains("\ntrue\n");
    }

    @Test
    void lightCallbacksAreUntouchedByTheSharedBudget() {
        board.type("n = 0 t = tmr.create() t:alarm(1, tmr.ALARM_AUTO, function() n = n + 1 end)\n");
        board.board.runVirtualTime(2_000);
        board.board.awaitIdle();
        board.type("t:unregister()\n");
        assertThat(board.type("=n >= 1900\n")).contains("\ntrue\n").doesNotContain(EXCEEDED);
    }

    @Test
    void theSharedBudgetIsFreshEachVirtualSecond() {
        CallbackBudget budget = new CallbackBudget(100);
        assertThat(budget.left(0)).isEqualTo(100);
        budget.used(70);
        assertThat(budget.left(999_999)).isEqualTo(30);
        budget.used(50);
        assertThat(budget.left(999_999)).isZero();
        assertThat(budget.left(1_000_000)).isEqualTo(100);
    }
}
