package dev.heapscope.sim;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** The table library of NodeMCU's ltablib.c (Lua 5.3.5). */
@Timeout(60)
class TableLibraryTest {
    private final BoardUnderTest board = new BoardUnderTest();

    @AfterEach
    void close() {
        board.close();
    }

    private String run(String line) {
        return board.type(line + "\n");
    }

    @Test
    void moveCopiesOverlappingRangesAsIfThroughATemporary() {
        assertThat(run("print(table.unpack(table.move({1, 2, 3, 4, 5}, 1, 3, 2)))")).contains("\n1\t1\t2\t3\t5\n");
        assertThat(run("print(table.unpack(table.move({1, 2, 3, 4, 5}, 2, 5, 1)))")).contains("\n2\t3\t4\t5\t5\n");
        assertThat(run("local a = {} print(table.move({7, 8}, 1, 2, 3, a) == a, a[3], a[4], a[1])")).contains("\ntrue\t7\t8\tnil\n");
        assertThat(run("print(#table.move({1}, 2, 1, 5))")).contains("\n1\n");
    }

    @Test
    void moveGoesThroughMetamethods() {
        assertThat(run("local log = {} local t = setmetatable({}, {__newindex = function(t, k, v) log[#log + 1] = k .. '=' .. v end})"
                + " table.move({'a', 'b'}, 1, 2, 4, t) print(table.concat(log, ' '))")).contains("\n4=a 5=b\n");
    }

    @Test
    void moveRefusesRangesBeyondTheIntegers() {
        assertThat(run("table.move({}, -2147483647, 2147483647, 1)"))
                .contains("stdin:1: bad argument #3 to 'move' (too many elements to move)");
        assertThat(run("table.move({}, 1, 10, 2147483640)"))
                .contains("stdin:1: bad argument #4 to 'move' (destination wrap around)");
        assertThat(run("table.move({}, 1, 2)")).contains("stdin:1: bad argument #4 to 'move' (number expected, got no value)");
        assertThat(run("table.move(1, 1, 2, 3)")).contains("stdin:1: bad argument #1 to 'move' (table expected, got number)");
    }

    @Test
    void insertAndRemoveCheckPositionsAs53() {
        assertThat(run("table.insert({}, 1, 2, 3)")).contains("Lua error: \tstdin:1: wrong number of arguments to 'insert'\n");
        assertThat(run("table.insert({})")).contains("Lua error: \tstdin:1: wrong number of arguments to 'insert'\n");
        assertThat(run("table.insert({}, 5, 2)")).contains("stdin:1: bad argument #2 to 'insert' (position out of bounds)");
        assertThat(run("table.remove({}, 5)")).contains("stdin:1: bad argument #1 to 'remove' (position out of bounds)");
        assertThat(run("local t = {1, 2, 3} table.insert(t, 1, 0) print(table.remove(t), table.remove(t, 1), table.concat(t, ','))"))
                .contains("\n3\t0\t1,2\n");
        assertThat(run("local t = {} print(table.remove(t), table.remove(t, 0), #t)")).contains("\nnil\tnil\t0\n");
    }

    @Test
    void concatNamesTheBadValueAsTheFirmwareDoes() {
        assertThat(run("x = table.concat({{}})"))
                .contains("Lua error: \tstdin:1: invalid value (table) at index 1 in table for 'concat'\n");
        assertThat(run("x = table.concat({1, 2, nil, 4}, '-', 1, 3)"))
                .contains("invalid value (nil) at index 3 in table for 'concat'");
        assertThat(run("print(table.concat({1, 'b', 3}, ', ', 2, 3), table.concat({}, 'x'))")).contains("\nb, 3\t\n");
    }

    @Test
    void packAndUnpack() {
        assertThat(run("local t = table.pack(1, nil, 3) print(t.n, t[1], t[2], t[3])")).contains("\n3\t1\tnil\t3\n");
        assertThat(run("print(table.unpack({1, 2, 3}, 2), table.unpack({1, 2, 3}, -1, 1))")).contains("\n2\tnil\tnil\t1\n");
        assertThat(run("print(unpack == table.unpack, select('#', table.unpack({}, 1, 0)))")).contains("\ntrue\t0\n");
        assertThat(run("x = table.unpack({}, 1, 1e7)")).contains("Lua error: \tstdin:1: too many results to unpack\n");
    }
}
