package dev.heapscope.sim;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static dev.heapscope.sim.HostileBoard.EXCEEDED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16: table functions that loop in Java are charged to the budget, and results that need the Lua stack ask
 * whether the board's could grow that far. Each runaway below never ended before (LuaJ's sort and the shifting
 * loops never checked the budget); the timeout only proves that it ends.
 */
@Timeout(20)
class HostileTableLibraryTest {
    private final HostileBoard board = new HostileBoard();

    @AfterEach
    void close() {
        board.close();
    }

    @Test
    void aLoopOfSortsOfABigTableEndsAsARunawayLoop() {
        board.refuses("t = {} for i = 1, 5000 do t[i] = 5000 - i end while true do table.sort(t) end\n", EXCEEDED);
    }

    @Test
    void sortIsLua53sWithItsMessages() {
        assertThat(board.type("t = {5, 3, 1, 4, 2} table.sort(t)\n=table.concat(t, ',')\n")).contains("\n1,2,3,4,5\n");
        assertThat(board.type("table.sort(t, function(a, b) return a > b end)\n=table.concat(t, ',')\n"))
                .contains("\n5,4,3,2,1\n");
        assertThat(board.type("t = {} for i = 1, 300 do t[i] = (i * 7919) % 300 end table.sort(t)\n"
                + "=t[1], t[150], t[300]\n")).contains("\n0\t149\t299\n");
        assertThat(board.type("table.sort({3, 2, 1, 4, 5, 6}, function(a, b) return true end)\n"))
                .contains("invalid order function for sorting");
        assertThat(board.type("table.sort({1, 2}, 3)\n"))
                .contains("bad argument #2 to 'sort' (function expected, got number)");
        assertThat(board.type("t = {'b', 'a', 'c'} table.sort(t)\n=table.concat(t)\n")).contains("\nabc\n");
    }

    @Test
    void insertingAndRemovingAtTheFrontOfABigTableIsChargedPerElementShifted() {
        board.refuses("t = {} for i = 1, 5000 do t[i] = i end\n"
                + "while true do table.insert(t, 1, 0) table.remove(t, 1) end\n", EXCEEDED);
        assertThat(board.type("t = {1, 2, 3} table.insert(t, 1, 0) table.remove(t)\n=table.concat(t, ',')\n"))
                .contains("\n0,1,2\n");
    }

    @Test
    void aTableThatClaimsAHugeLengthCannotMakeInsertLoopForEver() {
        board.refuses("t = setmetatable({}, {__len = function() return 2^30 end}) table.insert(t, 1, 'x')\n", EXCEEDED);
        board.refuses("t = {} while true do table.move(t, 1, 100000, 2) end\n", EXCEEDED);
    }

    @Test
    void unpackingMoreThanTheBoardsStackCanHoldIsRefusedBeforeJavaMakesTheValues() {
        board.refuses("x = table.unpack({}, 1, 1e8)\n", "stdin:1: too many results to unpack");
        board.refuses("x = unpack({}, 1, 0x7fffffff)\n", "too many results to unpack");
        // 100,000 stack slots are 800 KB: more than the 300 KB heap, so lua_checkstack fails as it would on the board
        board.refuses("=select('#', table.unpack({}, 1, 100000))\n", "too many results to unpack");
        assertThat(board.type("=select('#', table.unpack({}, 1, 10000))\n")).contains("\n10000\n");
    }

    @Test
    void concatOverAHugeRangeOfAProxyIsClaimedFromTheHeap() {
        board.refuses("t = setmetatable({}, {__index = function(t, k) return k end}) x = table.concat(t, ',', 1, 1e7)\n",
                HostileBoard.NO_MEMORY);
    }
}
