package dev.heapscope.sim;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static dev.heapscope.sim.HostileBoard.EXCEEDED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16: the firmware modules under hostile use. The flash appends in place (a write copied the whole file,
 * so a loop of one-byte writes filling the partition ran for hours); sjson refuses what is nested too deep or
 * cyclic with the module's own messages; the task queue and timers stay within the board.
 */
@Timeout(20)
class HostileModuleTest {
    private final HostileBoard board = new HostileBoard();

    @AfterEach
    void close() {
        board.close();
    }

    @Test
    void aLoopOfSmallWritesEndsAndTheFlashHoldsWhatItWrote() {
        board.refuses("f = file.open('a', 'w') while true do f:write('x') end\n", EXCEEDED);
        board.type("f:close()\n");
        assertThat(board.type("=file.list().a == select(2, file.fsinfo()), file.list().a > 100000\n"))
                .contains("\ntrue\ttrue\n");
    }

    @Test
    void writesStopAtAFullPartitionWithEnospc() {
        assertThat(board.type("f = file.open('a', 'w') s = ('x'):rep(4096) n = 0 while f:write(s) do n = n + 1 end\n"
                + "=n, f:write(s)\n")).contains("\n112\tnil\tNo space left on device\t28\n");
        assertThat(board.type("f:close()\n=file.fsinfo()\n")).contains("\n0\t458752\t458752\n");
        assertThat(board.type("=file.open('b', 'w'):write('y')\n")).contains("\nnil\tNo space left on device\t28\n");
    }

    @Test
    void readingALongFileLineByLineInALoopEnds() {
        board.refuses("f = file.open('a', 'w') f:write(('x\\n'):rep(50000)) f:close() f = file.open('a')\n"
                + "while true do if not f:readline() then f:close() f = file.open('a') end end\n", EXCEEDED);
    }

    @Test
    void filesReadBackWhatWasWrittenInEveryMode() {
        board.type("f = file.open('a', 'w') f:write('hello\\nworld\\n') f:close()\n"
                + "f = file.open('a', 'a+') f:write('more') f:close()\n");
        assertThat(board.type("=file.getcontents('a')\n")).contains("\nhello\nworld\nmore\n");
        assertThat(board.type("f = file.open('a')\n=f:readline(), f:read(3), f:read(), f:read()\n"))
                .contains("\nhello\n\twor\tld\nmore\tnil\n");
        assertThat(board.type("f:close()\n=file.list().a, select(2, file.fsinfo())\n")).contains("\n16\t16\t458752\n");
    }

    @Test
    void sjsonRefusesDeepNestingAndCycles() {
        board.refuses("x = sjson.decode(('['):rep(1e5))\n", "JSON parse error: LEVELS_EXCEEDED");
        board.refuses("d = sjson.decoder() d:write(('['):rep(1e5))\n", "JSON parse error: LEVELS_EXCEEDED");
        board.refuses("t = {} t[1] = t x = sjson.encode(t)\n", "encoder stack overflow");
        board.refuses("x = sjson.encode({('x'):rep(100000), ('x'):rep(100000)})\n", HostileBoard.NO_MEMORY);
        assertThat(board.type("=#sjson.decode('[\"' .. ('x'):rep(50000) .. '\"]')[1]\n")).contains("\n50000\n");
    }

    @Test
    void postingTasksForEverOverflowsTheQueueAsTheBoardDoes() {
        board.refuses("while true do node.task.post(function() end) end\n", "Task queue overflow. Task not posted");
    }

    @Test
    void makingTimersForEverEnds() {
        board.refuses("while true do tmr.create() end\n", EXCEEDED);
        board.refuses("local t = {} for i = 1, 1e5 do t[i] = tmr.create() end\n", HostileBoard.NO_MEMORY);
    }
}
