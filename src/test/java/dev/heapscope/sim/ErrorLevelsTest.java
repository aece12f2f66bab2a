package dev.heapscope.sim;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** error(msg, level) and assert as lbaselib.c's luaB_error with luaL_where: the position of the level's frame. */
@Timeout(60)
class ErrorLevelsTest {
    private final BoardUnderTest board = new BoardUnderTest();

    @AfterEach
    void close() {
        board.close();
    }

    @Test
    void levelZeroAddsNoPosition() {
        assertThat(board.type("error('x', 0)\n")).contains("Lua error: \tx\nstack traceback:\n");
        assertThat(board.type("print(pcall(error, 'x', 0))\n")).contains("\nfalse\tx\n");
    }

    @Test
    void levelOneIsTheFunctionThatCalledErrorAndLevelTwoItsCaller() {
        board.board.loadScript("levels.lua", """
                local function f()
                  error('one')
                end
                local function g()
                  error('two', 2)
                end
                print(pcall(f))
                print(select(2, pcall(function()
                  g()
                end)))
                g()
                """);
        String output = board.type("dofile('levels.lua')\n");
        assertThat(output).contains("\nfalse\tlevels.lua:2: one\n")
                .contains("\nlevels.lua:9: two\n")
                .contains("Lua error: \tlevels.lua:11: two\nstack traceback:\n\t[C]: in function 'error'\n");
    }

    @Test
    void aLevelBeyondALuaFrameCalledFromCHasNoPosition() {
        // g's caller is pcall, a C function: luaL_where finds no current line there
        assertThat(board.type("function g() error('bad', 2) end print(pcall(g))\n")).contains("\nfalse\tbad\n");
        assertThat(board.type("print(pcall(error, 'x'))\n")).contains("\nfalse\tx\n");
    }

    @Test
    void aMetamethodsCallerIsTheLuaFrameThatIndexed() {
        board.board.loadScript("meta.lua", """
                local t = setmetatable({}, {__index = function() error('no field', 2) end})

                local x = t.y
                """);
        assertThat(board.type("dofile('meta.lua')\n")).contains("Lua error: \tmeta.lua:3: no field\n");
    }

    @Test
    void nonStringErrorObjectsAreUntouched() {
        assertThat(board.type("print(select(2, pcall(error, 42, 1)) + 1)\n")).contains("\n43\n");
        assertThat(board.type("local t = {} print(select(2, pcall(error, t)) == t)\n")).contains("\ntrue\n");
        assertThat(board.type("error({})\n")).contains("Lua error: \t(error object is a table value)\n");
    }

    @Test
    void assertAddsThePositionOfItsCallerToAStringMessage() {
        assertThat(board.type("assert(false)\n")).contains("Lua error: \tstdin:1: assertion failed!\n");
        assertThat(board.type("assert(nil, 'msg')\n")).contains("Lua error: \tstdin:1: msg\n");
        assertThat(board.type("assert()\n")).contains("Lua error: \tstdin:1: bad argument #1 to 'assert' (value expected)\n");
        assertThat(board.type("print(select('#', assert(1, 2, 3)))\n")).contains("\n3\n");
    }

    @Test
    void xpcallsHandlerSeesThePositionedMessage() {
        assertThat(board.type("print(xpcall(function() error('e') end, function(m) return 'H:' .. m end))\n"))
                .contains("\nfalse\tH:stdin:1: e\n");
    }

    @Test
    void aBadLevelIsAnArgumentError() {
        assertThat(board.type("error('x', 'y')\n"))
                .contains("Lua error: \tstdin:1: bad argument #2 to 'error' (number expected, got string)\n");
    }
}
