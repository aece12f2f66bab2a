package dev.heapscope.sim;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** Base and string library behaviour and argument errors as the board's Lua 5.3 words them (lbaselib.c, lstrlib.c, lauxlib.c). */
@Timeout(60)
class BaseLibraryChecksTest {
    private final BoardUnderTest board = new BoardUnderTest();

    @AfterEach
    void close() {
        board.close();
    }

    private String run(String line) {
        return board.type(line + "\n");
    }

    @Test
    void versionAndNoBitLibraries() {
        assertThat(run("print(_VERSION, bit32, rawget(_G, 'bit'), package.loaded.bit32)")).contains("\nLua 5.3\tnil\tnil\tnil\n");
        // bit is a firmware module the default build leaves out: the virtual board says so instead of nil
        assertThat(run("=bit")).contains("module 'bit' is not available on the virtual board");
    }

    @Test
    void theLua51BoardSaysLua51AndHasNone53Libraries() {
        try (BoardUnderTest old = new BoardUnderTest(BoardOptions.defaults().withLua(LuaRelease.LUA_51), 300_000)) {
            assertThat(old.type("print(_VERSION, utf8, string.pack, table.move, bit32)\n"))
                    .contains("\nLua 5.1\tnil\tnil\tnil\tnil\n");
        }
    }

    @Test
    void stringFunctionsNumberTheirArguments() {
        assertThat(run("x = string.sub()")).contains("stdin:1: bad argument #1 to 'sub' (string expected, got no value)");
        assertThat(run("x = string.sub('abc', nil)")).contains("stdin:1: bad argument #2 to 'sub' (number expected, got nil)");
        assertThat(run("x = string.rep('x')")).contains("stdin:1: bad argument #2 to 'rep' (number expected, got no value)");
        assertThat(run("x = string.rep('x', 1.5)")).contains("stdin:1: bad argument #2 to 'rep' (number has no integer representation)");
        assertThat(run("x = string.byte({})")).contains("stdin:1: bad argument #1 to 'byte' (string expected, got table)");
        assertThat(run("x = string.char(256)")).contains("stdin:1: bad argument #1 to 'char' (value out of range)");
        assertThat(run("x = string.find('a')")).contains("stdin:1: bad argument #2 to 'find' (string expected, got no value)");
        assertThat(run("x = string.gmatch(nil, 'a')")).contains("stdin:1: bad argument #1 to 'gmatch' (string expected, got nil)");
        assertThat(run("x = string.gsub('a', 'a', true)")).contains("stdin:1: bad argument #3 to 'gsub' (string/function/table expected)");
        assertThat(run("x = string.match('a', 'a', 'z')")).contains("stdin:1: bad argument #3 to 'match' (number expected, got string)");
        assertThat(run("x = string.upper()")).contains("stdin:1: bad argument #1 to 'upper' (string expected, got no value)");
        assertThat(run("print(string.len(123), string.rep('ab', 3, ','), ('5'):rep('2'))")).contains("\n3\tab,ab,ab\t55\n");
    }

    @Test
    void methodCallsAreNumberedFromAfterSelf() {
        assertThat(run("x = ('x'):rep()")).contains("stdin:1: bad argument #1 to 'rep' (number expected, got no value)");
        assertThat(run("x = ('abc'):sub({})")).contains("stdin:1: bad argument #1 to 'sub' (number expected, got table)");
    }

    @Test
    void baseFunctionsCheckTheirArguments() {
        assertThat(run("x = tostring()")).contains("stdin:1: bad argument #1 to 'tostring' (value expected)");
        assertThat(run("x = type()")).contains("stdin:1: bad argument #1 to 'type' (value expected)");
        assertThat(run("x = ipairs()")).contains("stdin:1: bad argument #1 to 'ipairs' (value expected)");
        assertThat(run("x = setmetatable(1, {})")).contains("stdin:1: bad argument #1 to 'setmetatable' (table expected, got number)");
        assertThat(run("x = setmetatable({}, 1)")).contains("stdin:1: bad argument #2 to 'setmetatable' (nil or table expected)");
        assertThat(run("x = setmetatable(setmetatable({}, {__metatable = 1}), {})"))
                .contains("Lua error: \tstdin:1: cannot change a protected metatable\n");
        assertThat(run("x = rawget({})")).contains("stdin:1: bad argument #2 to 'rawget' (value expected)");
        assertThat(run("x = rawset({}, 1)")).contains("stdin:1: bad argument #3 to 'rawset' (value expected)");
        assertThat(run("x = rawlen(5)")).contains("stdin:1: bad argument #1 to 'rawlen' (table or string expected)");
        assertThat(run("x = rawequal(1)")).contains("stdin:1: bad argument #2 to 'rawequal' (value expected)");
        assertThat(run("x = select(0, 1)")).contains("stdin:1: bad argument #1 to 'select' (index out of range)");
        assertThat(run("x = select('x')")).contains("stdin:1: bad argument #1 to 'select' (number expected, got string)");
        assertThat(run("for k in pairs(nil) do end")).contains("stdin:1: bad argument #1 to 'for iterator' (table expected, got nil)");
    }

    @Test
    void selectCountsAndIndexesFromTheEnd() {
        assertThat(run("print(select('#', 1, nil, nil), select(-1, 'a', 'b', 'c'), select(-2, 'a', 'b', 'c'))"))
                .contains("\n3\tc\tb\tc\n");
        assertThat(run("print(select(2, 'a', 'b', 'c'))")).contains("\nb\tc\n");
        assertThat(run("print(select('#', select(9, 'a')))")).contains("\n0\n");
    }

    @Test
    void ipairsGoesThroughIndexAndPairsThroughPairs() {
        assertThat(run("local t = setmetatable({}, {__index = function(t, i) if i <= 3 then return i * 10 end end})"
                + " local s = '' for i, v in ipairs(t) do s = s .. i .. '=' .. v .. ' ' end print(s)"))
                .contains("\n1=10 2=20 3=30 \n");
        assertThat(run("local t = setmetatable({}, {__pairs = function(t) return function(_, k) if not k then return 1, 'one' end end, t, nil end})"
                + " for k, v in pairs(t) do print(k, v) end")).contains("\n1\tone\n");
    }

    @Test
    void loadHonoursModeAndEnvironment() {
        assertThat(run("print(load('return 1', 'x', 'b'))")).contains("\nnil\tattempt to load a text chunk (mode is 'b')\n");
        assertThat(run("print(load('return 1', 'x', 't')())")).contains("\n1\n");
        assertThat(run("local env = {} load('y = 5', 'c', 't', env)() print(env.y, y)")).contains("\n5\tnil\n");
    }
}
