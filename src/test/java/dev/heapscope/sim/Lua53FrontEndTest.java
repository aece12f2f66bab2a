package dev.heapscope.sim;

import dev.heapscope.model.Symbol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Lua 5.3 front end inside the board: every way in (REPL, load, dofile, require) compiles through it,
 * the user's lines survive the translation (errors, tracebacks, allocation frames), and the operators it
 * compiles into calls are invisible: no traceback frame, no global, errors worded as the board's lvm.c.
 */
@Timeout(30)
class Lua53FrontEndTest {
    private final BoardUnderTest board = new BoardUnderTest();

    @AfterEach
    void close() {
        board.close();
    }

    @Test
    void anErrorInAnOperatorIsReportedAtTheLuaLineWithoutAFrameOfItsOwn() {
        assertThat(board.type("=nil & 1\n")).isEqualTo("=nil & 1\nLua error: \tstdin:1: attempt to perform bitwise "
                + "operation on a nil value\nstack traceback:\n\tstdin:1: in main chunk\n\t[C]: in ?\n> ");
        assertThat(board.type("=1 | missing\n")).contains("Lua error: \tstdin:1: attempt to perform bitwise operation on a nil value"
                + " (global 'missing')\nstack traceback:\n\tstdin:1: in main chunk\n\t[C]: in ?\n> ");
        assertThat(board.type("local t = {} return t ~ 1\n")).contains("on a table value (local 't')\n");
    }

    @Test
    void errorsAndTracebacksInATranslatedMultiLineFunctionNameTheUsersLines() {
        board.type("function f(a)\n");
        board.type("  local s = [[two\n");
        board.type("lines]]\n");
        board.type("  local b = a\n");
        board.type("    // 2\n");
        board.type("  return b & undefined_mask\n");
        assertThat(board.type("end\n")).isEqualTo("end\n> ");
        assertThat(board.type("f(1)\n")).isEqualTo("f(1)\nLua error: \tstdin:6: attempt to perform bitwise operation on a nil"
                + " value (global 'undefined_mask')\nstack traceback:\n\tstdin:6: in function 'f'\n\tstdin:1: in main chunk\n\t[C]: in ?\n> ");
    }

    @Test
    void anAllocationAfterTranslatedLinesIsChargedToItsOwnLine() {
        board.board.loadScript("leaky.lua", "cache = {}\nlocal s = [[a\nb]]\nfunction leak(n)\n  local k = n // 2\n"
                + "    | 1\n  cache[#cache + 1] = {k & 0xff}\nend\n");
        board.type("dofile('leaky.lua')\n");
        int before = board.memory.allocations.size();
        board.type("leak(10)\n");
        List<CountingBoardMemory.Block> made = board.memory.allocations.subList(before, board.memory.allocations.size());
        assertThat(made).isNotEmpty().allSatisfy(block -> assertThat(firstLuaFrame(block))
                .extracting(Symbol::function, Symbol::file, Symbol::line).containsExactly("leak", "leaky.lua", 7));
        assertThat(board.type("=cache[1][1]\n")).contains("\n5\n");
    }

    private Symbol firstLuaFrame(CountingBoardMemory.Block block) {
        for (int i = 0; i < block.chain().depth(); i++) {
            if ((block.chain().frame(i) & 0xff000000) == SimulatorSymbols.LUA_FRAME_BASE) {
                return board.board.symbols().resolve(block.chain().frame(i)).orElseThrow();
            }
        }
        throw new AssertionError("no Lua frame");
    }

    @Test
    void operatorsAreNoGlobalsAndNeedNoGlobalLookup() {
        String count = "n = 0 for k in pairs(_G) do n = n + 1 end\n";
        board.type("x = 0\n");
        board.type(count);
        String before = board.type("=n\n");
        assertThat(board.type("x = 6 & 3 | 1 << 2 ~ ~0 // 1\n")).isEqualTo("x = 6 & 3 | 1 << 2 ~ ~0 // 1\n> ");
        board.type(count);
        assertThat(board.type("=n\n")).isEqualTo(before);
        board.type("setmetatable(_G, {__index = function(_, k) error('looked up ' .. tostring(k)) end})\n");
        assertThat(board.type("=7 // 2, 6 & 3, 1 << 4, ~0\n")).isEqualTo("=7 // 2, 6 & 3, 1 << 4, ~0\n3\t2\t16\t-1\n> ");
    }

    @Test
    void loadLoadstringDofileAndRequireCompileLua53() {
        assertThat(board.type("=load('return 7 // 2')()\n")).contains("\n3\n");
        assertThat(board.type("=loadstring('return 1 << 4')()\n")).contains("\n16\n");
        board.type("parts = {'return ', '~', '0'} i = 0 f = load(function() i = i + 1 return parts[i] end)\n");
        assertThat(board.type("=f()\n")).contains("\n-1\n");
        assertThat(board.type("=load('x = = 1')\n")).contains("\nnil\t[string \"x = = 1\"]:1: unexpected symbol near '='\n");
        board.board.loadScript("bits.lua", "return { mask = 0xf0 & 0x3c }");
        assertThat(board.type("=require('bits').mask\n")).contains("\n48\n");
        assertThat(board.type("=dofile('bits.lua').mask >> 4\n")).contains("\n3\n");
        assertThat(board.type("=loadfile('bits.lua')().mask | 1\n")).contains("\n49\n");
        board.board.loadScript("broken.lua", "x = 1\ny = = 2\n");
        assertThat(board.type("=loadfile('broken.lua')\n")).contains("\nnil\tbroken.lua:2: unexpected symbol near '='\n");
    }

    @Test
    void unfinishedInputAtTheEndAsksForMoreAsTheBoardDoes() {
        assertThat(board.type("s = [[one\n")).isEqualTo("s = [[one\n>> ");
        assertThat(board.type("two]]\n")).isEqualTo("two]]\n> ");
        assertThat(board.type("=s\n")).contains("\none\ntwo\n");
        assertThat(board.type("x = 'abc\n")).isEqualTo("x = 'abc\n>> ");
        assertThat(board.type("'\n")).isEqualTo("'\nLua error: \tstdin:1: unfinished string near ''abc'\n> ");
        assertThat(board.type("if x then\n")).isEqualTo("if x then\n>> ");
        assertThat(board.type("end end\n")).isEqualTo("end end\nLua error: \tstdin:2: <eof> expected near 'end'\n> ");
    }

    @Test
    void theLegacyBuildRejectsTheLua53OperatorsAsLua51Does() {
        try (BoardUnderTest legacy = new BoardUnderTest(BoardOptions.defaults().withLua(LuaRelease.LUA_51), 300_000)) {
            assertThat(legacy.type("=7//2\n")).isEqualTo("=7//2\nLua error: \tstdin:1: unexpected symbol near '/'\n> ");
            assertThat(legacy.type("=7 & 3\n")).isEqualTo("=7 & 3\nLua error: \tstdin:1: '<eof>' expected near '&'\n> ");
            assertThat(legacy.type("=~0\n")).isEqualTo("=~0\nLua error: \tstdin:1: unexpected symbol near '~'\n> ");
            assertThat(legacy.type("=1 << 4\n")).isEqualTo("=1 << 4\nLua error: \tstdin:1: unexpected symbol near '<'\n> ");
            assertThat(legacy.type("for i = 1, 2 do\n")).isEqualTo("for i = 1, 2 do\n>> ");
            assertThat(legacy.type("end\n")).isEqualTo("end\n> ");
            assertThat(legacy.type("=7 / 2 + 1\n")).contains("\n4.5\n");
        }
    }
}
