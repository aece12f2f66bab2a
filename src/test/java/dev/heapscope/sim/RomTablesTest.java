package dev.heapscope.sim;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** On a Lua 5.3 board the library and module tables are ROTables in flash: read like tables, never written. */
class RomTablesTest {
    private BoardUnderTest board;

    @org.junit.jupiter.api.AfterEach
    void close() {
        board.close();
    }

    @Test
    void everyWriteToALibraryOrModuleTableRaisesTableIsReadonly() {
        board = new BoardUnderTest(BoardOptions.defaults(), 300_000);
        String out = board.type("print(pcall(rawset, string, 'x', 1)) print(pcall(function() tmr.made = 1 end)) "
                + "print(pcall(function() wifi.sta.x = 1 end)) print(pcall(function() node.task.x = 1 end)) "
                + "print(pcall(table.insert, math, 1))\n");
        assertThat(out).contains("false\ttable is readonly\n", "false\tstdin:1: table is readonly\n")
                .doesNotContain("true");
        assertThat(board.type("=string.x, tmr.made, wifi.sta.x\n")).contains("\nnil\tnil\tnil\n");
    }

    @Test
    void readingThemWorksAsBeforeAndTheStringsMethodsAreTheLibraryInFlash() {
        board = new BoardUnderTest(BoardOptions.defaults(), 300_000);
        assertThat(board.type("=('abc'):upper(), math.floor(2.5), package.loaded.tmr == tmr, "
                + "debug.getmetatable('').__index == string, type(wifi.sta.config)\n"))
                .contains("\nABC\t2\ttrue\ttrue\tfunction\n");
    }

    @Test
    void globalsAndPackageStayInRamAndScriptsKeepTheirOwnTables() {
        board = new BoardUnderTest(BoardOptions.defaults(), 300_000);
        assertThat(board.type("mine = {} mine.x = 1 package.path = 'x' rawset(_G, 'y', 2)\n")).doesNotContain("readonly");
        assertThat(board.type("=mine.x, y, package.path\n")).contains("\n1\t2\tx\n");
    }

    @Test
    void aLua51BoardLeavesThemAsTheyWere() {
        board = new BoardUnderTest(BoardOptions.defaults().withLua(LuaRelease.LUA_51), 300_000);
        board.type("string.made = 1\n");
        assertThat(board.type("=string.made\n")).contains("\n1\n");
    }
}
