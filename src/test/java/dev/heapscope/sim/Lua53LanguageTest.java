package dev.heapscope.sim;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every language item of the issue, typed at the virtual board's prompt, against what NodeMCU's default
 * build ({@code 5.3-int32-singlefp}, dev-esp32) prints for it. The values are the board's.
 */
class Lua53LanguageTest {
    private static final BoardUnderTest BOARD = new BoardUnderTest();

    @AfterAll
    static void close() {
        BOARD.close();
    }

    /** What {@code line} printed: the lines after the echo, without the prompt. */
    private static String printed(String line) {
        String out = BOARD.type(line + "\n");
        String afterEcho = out.substring(out.indexOf('\n') + 1);
        return afterEcho.substring(0, afterEcho.lastIndexOf('\n'));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
            // operators
            "=7//2 => 3", "=7 & 3 => 3", "=1 << 4 => 16", "=~0 => -1", "=5 | 2 => 7", "=5 ~ 3 => 6", "=-1 >> 28 => 15",
            "=1 << 32 => 0", "=-7 // 2 => -4", "=-7 % 3 => 2", "=7.5 // 2 => 3.0", "=3 | 1.0 => 3",
            // numbers: subtypes, 32-bit wrap, single-precision floats printed %.7g
            "=10/2 => 5.0", "=math.pi => 3.141593", "=2147483647+1 => -2147483648", "=100000*100000 => 1410065408",
            "=2^31 => 2.147484e+09", "=1e300*10 => inf", "=-1e300*10 => -inf", "=math.type(2.0) => float",
            "=math.type(2) => integer", "=1e15 => 1e+15", "=-0.0 => -0.0", "=0.1 => 0.1", "=1/3 => 0.3333333",
            "=math.maxinteger, math.mininteger => `2147483647\t-2147483648`",
            "=math.tointeger(3.0), math.ult(1, -1) => `3\ttrue`", "=tonumber('0x10'), tonumber('1e2') => `16\t100.0`",
            "=tonumber('2147483648') => 2.147484e+09", "=tonumber('10', 2), '10' + 1 => `2\t11`",
            "=math.floor(3.7), math.max(1, 2.5) => `3\t2.5`",
            // string.format with C semantics
            "=('%.2f|%5.1f|%6.3f|%e|%g'):format(3.14159, 3.14159, 2.5, 12345.678, 0.0001) => `3.14|  3.1| 2.500|1.234568e+04|0.0001`",
            "=('%x'):format(-1) => ffffffff", "=('%5.2s'):format('abc') => `   ab`", "=('%-5d|%+d|%05.1f'):format(42, 7, 2.5) => `42   |+7|002.5`",
            "=('%q'):format('a\\nb') => `\"a\\\nb\"`",
            // libraries and identity
            "=_VERSION => Lua 5.3", "=#utf8.char(72, 228, 8364), utf8.codepoint(utf8.char(8364)) => `6\t8364`", "=utf8.len('\\xE2\\x82\\xAC!') => 2",
            "=string.pack('<i4', 258):byte(1, -1) => `2\t1\t0\t0`", "=string.packsize('j n') => 8",
            "=table.concat(table.move({1, 2, 3}, 1, 3, 2), ',') => 1,1,2,3", "=bit32 => nil",
            "=select(2, pcall(error, 'x', 0)) => x",
    })
    void theBoardPrintsWhatNodeMcuPrints(String line, String expected) {
        assertThat(printed(line)).isEqualTo(expected.replace("\\n", "\n"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "x = ('%d'):format(3.5) | stdin:1: bad argument #1 to 'format' (number has no integer representation)",
            "x = string.format('%d', 3.5) | stdin:1: bad argument #2 to 'format' (number has no integer representation)",
            "=1 // 0 | attempt to perform 'n//0'",
            "=1 % 0 | attempt to perform 'n%0'",
            "=1.5 & 1 | number has no integer representation",
            "x = 7 // * 2 | unexpected symbol near '*'",
            "function f() error('deep', 2) end f() | stdin:1: deep",
    })
    void errorsAreWordedAsTheBoardWordsThem(String line, String message) {
        assertThat(BOARD.type(line + "\n")).contains(message);
    }
}
