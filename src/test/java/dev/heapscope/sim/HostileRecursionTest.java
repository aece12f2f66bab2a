package dev.heapscope.sim;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static dev.heapscope.sim.HostileBoard.EXCEEDED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16: deep recursion, deeply nested source and coroutines. Recursion ends with the board's
 * {@code stack overflow}; the parser stops at Lua 5.3's 200 C levels with lparser.c's message (it recursed until
 * the host's stack ran out); each LuaJ coroutine is a Java thread, so making and switching them is charged and the
 * threads of coroutines the collector frees are ended.
 */
@Timeout(20)
class HostileRecursionTest {
    private final HostileBoard board = new HostileBoard();

    @AfterEach
    void close() {
        board.close();
    }

    @Test
    void unboundedRecursionEndsWithTheBoardsStackOverflow() {
        board.refuses("function f() return f() + 1 end f()\n", "stack overflow");
        board.refuses("function f(n) return 1 + f(n) end\n=pcall(f, 1)\n", "stack overflow");
        assertThat(board.type("function f() return f() + 1 end f()\n")).doesNotContain("java", "StackOverflowError");
    }

    @Test
    void sourceNestedDeeperThanTheParsersLimitIsASyntaxErrorOfLoad() {
        assertThat(board.type("=load(('('):rep(1e5))\n"))
                .contains("]:1: too many C levels (limit is 200) in main function near '('\n");
        assertThat(board.type("=load('x = ' .. ('{'):rep(50000) .. ('}'):rep(50000))\n"))
                .contains("too many C levels (limit is 200) in main function near '{'");
        assertThat(board.type("=load('local function f() return ' .. ('('):rep(300) .. ' end')\n"))
                .contains("too many C levels (limit is 200) in function at line 1 near '('");
        assertThat(board.type("=load(('do '):rep(300))\n")).contains("too many C levels (limit is 200) in main function near 'do'");
        assertThat(board.type("=load('return ' .. ('('):rep(150) .. '7' .. (')'):rep(150))()\n")).contains("\n7\n");
    }

    @Test
    void aLoopMakingCoroutinesEndsAndLeavesNoThreadsBehind() throws InterruptedException {
        int before = Thread.activeCount();
        board.refuses("for i = 1, 1e6 do coroutine.wrap(function() coroutine.yield() end)() end\n", EXCEEDED);
        board.type("collectgarbage()\n");
        // every coroutine made was suspended and is garbage now: the collector ended their Java threads
        assertThat(Thread.activeCount() - before).isLessThan(50);
    }

    @Test
    void liveCoroutinesAreBoundedAndTheirThreadsEndWhenCollected() {
        int before = Thread.activeCount();
        // ends by the budget or the heap (about 600 lua_States fit in 300 KB), whichever comes first
        board.refuses("t = {} for i = 1, 1e5 do t[i] = coroutine.create(function() coroutine.yield() end) "
                + "coroutine.resume(t[i]) end\n", "Lua error: ");
        int held = Thread.activeCount() - before;
        assertThat(held).isBetween(100, 1_000);
        board.type("t = nil collectgarbage()\n");
        assertThat(Thread.activeCount() - before).isLessThan(50);
    }

    @Test
    void switchingBetweenCoroutinesForEverEndsAsARunawayLoop() {
        board.refuses("co = coroutine.wrap(function() while true do coroutine.yield() end end) while true do co() end\n",
                EXCEEDED);
        board.refuses("co = coroutine.create(function() while true do coroutine.yield() end end) "
                + "while true do coroutine.resume(co) end\n", EXCEEDED);
        assertThat(board.type("co = coroutine.create(function(a) local b = coroutine.yield(a + 1) return b * 2 end)\n"
                + "=coroutine.resume(co, 1)\n=coroutine.resume(co, 5)\n=coroutine.status(co)\n"))
                .contains("\ntrue\t2\n", "\ntrue\t10\n", "\ndead\n");
    }
}
