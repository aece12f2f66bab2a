package dev.heapscope.sim;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** The number libraries as installed on the virtual board (through LuaSandbox), both builds. */
@Timeout(60)
class NumbersOnBoardTest {
    private BoardUnderTest board = new BoardUnderTest();

    @AfterEach
    void close() {
        board.close();
    }

    @Test
    void piAndLargePowersPrintAsTheSinglePrecisionBuild() {
        assertThat(board.type("=math.pi\n")).contains("\n3.141593\n");
        assertThat(board.type("=2^31\n")).contains("\n2.147484e+09\n");
        assertThat(board.type("=math.type(math.sqrt(4)), math.maxinteger\n")).contains("\nfloat\t2147483647\n");
    }

    @Test
    void floatValuesStayFloatsInGlobalsAndTables() {
        assertThat(board.type("x = math.sqrt(4) print(x, math.type(x))\n")).contains("\n2.0\tfloat\n");
        assertThat(board.type("t = {v = math.sqrt(9)} t.w = math.sqrt(16) print(t.v, t.w)\n")).contains("\n3.0\t4.0\n");
        assertThat(board.type("for k, v in pairs(t) do print(k, v) end\n")).contains("v\t3.0\n").contains("w\t4.0\n");
        assertThat(board.type("t.v = 1 t.v = '5' print(type(t.v))\n")).contains("\nstring\n");
    }

    @Test
    void theIssuesFormatExamples() {
        assertThat(board.type("=(\"%.2f|%5.1f|%6.3f|%e|%g\"):format(3.14159, 3.14159, 2.5, 12345.678, 0.0001)\n"))
                .contains("\n3.14|  3.1| 2.500|1.234568e+04|0.0001\n");
        assertThat(board.type("=(\"%x\"):format(-1)\n")).contains("\nffffffff\n");
        assertThat(board.type("=(\"%5.2s\"):format(\"abc\")\n")).contains("\n   ab\n");
        assertThat(board.type("s = string.format(\"%d\", 3.5)\n"))
                .contains("stdin:1: bad argument #2 to 'format' (number has no integer representation)");
    }

    @Test
    void formattedStringsAreStillChargedToTheHeap() {
        assertThat(board.type("collectgarbage() a = collectgarbage('count') s = string.format('%099d', 1) "
                + "b = collectgarbage('count') print(#s, (b - a) * 1024 >= 99)\n")).contains("\n99\ttrue\n");
    }

    @Test
    void theLegacyBuildPrintsDoublesWithFourteenDigits() {
        board.close();
        board = new BoardUnderTest(BoardOptions.defaults().withLua(LuaRelease.LUA_51), 300_000);
        assertThat(board.type("=math.pi, 10/2, 2^31\n")).contains("\n3.1415926535898\t5\t2147483648\n");
        assertThat(board.type("=math.type, math.tointeger, math.maxinteger\n")).contains("\nnil\tnil\tnil\n");
        assertThat(board.type("=(\"%x\"):format(-1), string.format('%5.1f', math.pi)\n")).contains("\nffffffffffffffff\t  3.1\n");
    }
}
