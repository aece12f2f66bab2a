package dev.heapscope.sim;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Issue 16: a chunk or callback stuck in a Java call that never reaches a budget check is stopped by the board's
 * task watchdog: the board prints the abort as the firmware does and reboots on a fresh thread and Lua state, the
 * REPL answers again, and the abandoned thread can no longer print. The timeouts only prove that each case ends.
 */
class BoardWatchdogTest {
    private static final Duration ENDS = Duration.ofSeconds(15);
    private static final String TRIGGERED = "task_wdt: Task watchdog got triggered. The following tasks/users did not"
            + " reset the watchdog in time:";
    private BoardUnderTest board;

    @AfterEach
    void close() {
        if (board != null) {
            board.close();
        }
    }

    @Test
    void aChunkStuckInACallIsAbortedAndTheReplAnswersAfterTheReboot() throws InterruptedException {
        board = new BoardUnderTest();
        StuckCall stuck = new StuckCall(true);
        board.board.addOutputListener(stuck);
        String output = assertTimeoutPreemptively(ENDS, () -> board.type("x = 1 print('STUCK') print('AFTER')\n"));
        assertThat(stuck.awaitEntered()).isTrue();
        assertThat(output).contains(TRIGGERED, "task_wdt:  - IDLE0 (CPU 0)", "task_wdt: CPU 0: main",
                "task_wdt: Aborting.", "abort() was called at PC", "Rebooting...", "rst:0xc (SW_CPU_RESET)",
                "NodeMCU ESP32 build").endsWith("> ");
        assertThat(assertTimeoutPreemptively(ENDS, () -> board.type("=1+1\n"))).isEqualTo("=1+1\n2\n> ");
        assertThat(board.type("=x\n")).as("a reboot is a fresh Lua state").isEqualTo("=x\nnil\n> ");

        board.clear();
        assertThat(stuck.releaseAndAwaitReturn()).isTrue();
        board.board.awaitIdle();
        assertThat(board.type("=2+2\n")).as("the abandoned thread printed nothing after it came back")
                .isEqualTo("=2+2\n4\n> ").doesNotContain("AFTER");
        assertThat(board.output()).doesNotContain("AFTER");
    }

    @Test
    void aChunkAskedToStopEndsAtItsNextCheckWithTheAbortAndTheBoardReboots() {
        board = new BoardUnderTest();
        board.board.addOutputListener((bytes, offset, length) -> {
            if (new String(bytes, offset, length, java.nio.charset.StandardCharsets.ISO_8859_1).contains("ASK")) {
                ChunkBudget budget = runningBudget(board.board);
                budget.watchdogStop(budget.serial()); // what the watchdog thread does to a chunk that held the board
            }
        });
        String output = assertTimeoutPreemptively(ENDS, () -> board.type("print('ASK') while true do end\n"));
        assertThat(output).contains(TRIGGERED, "Rebooting...").doesNotContain("instruction budget exceeded")
                .endsWith("> ");
        assertThat(board.type("=1+1\n")).isEqualTo("=1+1\n2\n> ");
    }

    @Test
    void aTimerCallbackStuckInACallRebootsTheBoardAndVirtualTimeGoesOn() {
        board = new BoardUnderTest();
        board.board.addOutputListener(new StuckCall(true));
        board.type("t = tmr.create() t:alarm(10, tmr.ALARM_AUTO, function() print('STUCK') end)\n");
        board.clear();
        assertTimeoutPreemptively(ENDS, () -> board.board.runVirtualTime(1_000));
        board.board.awaitIdle(); // the thread that replaced the stuck one reboots before it takes any task
        assertThat(board.output()).contains(TRIGGERED, "Rebooting...");
        assertThat(assertTimeoutPreemptively(ENDS, () -> board.type("=t\n"))).as("its timers went with the reboot")
                .isEqualTo("=t\nnil\n> ");
    }

    @Test
    void aCoroutineStuckInACallIsAbortedToo() {
        board = new BoardUnderTest();
        board.board.addOutputListener(new StuckCall(true));
        String output = assertTimeoutPreemptively(ENDS,
                () -> board.type("co = coroutine.wrap(function() print('STUCK') end) co()\n"));
        assertThat(output).contains(TRIGGERED, "Rebooting...").endsWith("> ");
        assertThat(assertTimeoutPreemptively(ENDS, () -> board.type("=1+1\n"))).isEqualTo("=1+1\n2\n> ");
    }

    @Test
    void closingTheBoardDoesNotWaitForAChunkBlockedInACall() throws InterruptedException {
        board = new BoardUnderTest();
        StuckCall blocked = new StuckCall(false);
        board.board.addOutputListener(blocked);
        board.board.receive("print('STUCK')\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThat(blocked.awaitEntered()).isTrue();
        assertTimeoutPreemptively(ENDS, () -> board.close());
        board = null;
        assertThat(blocked.releaseAndAwaitReturn()).isTrue();
    }

    @Test
    void anOrdinaryRunawayLoopIsStillTheBudgetsToEnd() {
        board = new BoardUnderTest(BoardOptions.defaults().withInstructionBudget(2_000_000, 60_000), 300_000);
        String output = assertTimeoutPreemptively(ENDS, () -> board.type("while true do end\n"));
        assertThat(output).contains("stdin:1: instruction budget exceeded (runaway loop?)").doesNotContain("task_wdt");
    }

    /** The board keeps its Lua state to itself; the test reaches it as the watchdog does, from outside. */
    private static ChunkBudget runningBudget(VirtualBoard board) {
        try {
            java.lang.reflect.Field state = VirtualBoard.class.getDeclaredField("state");
            state.setAccessible(true);
            return ((LuaState) state.get(board)).budget();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aStopIsForTheChunkItWasAskedForOnly() {
        ChunkBudget budget = new ChunkBudget();
        budget.start(1_000_000, 60_000);
        long first = budget.serial();
        budget.finish();
        budget.start(1_000_000, 60_000);
        budget.watchdogStop(first);
        assertThat(budget.spend(1)).as("a late stop for an earlier chunk").isTrue();
        budget.watchdogStop(budget.serial());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> budget.spend(1)).isInstanceOf(TaskWatchdogFired.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(budget::check).as("and at every check after it")
                .isInstanceOf(TaskWatchdogFired.class);
        assertThat(budget.running()).isTrue();
    }
}
