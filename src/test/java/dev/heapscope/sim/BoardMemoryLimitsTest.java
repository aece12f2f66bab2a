package dev.heapscope.sim;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16's memory bombs: every result a script can make is claimed from the simulated heap before Java builds
 * it, so each ends with the board's {@code not enough memory} (or the flash's ENOSPC) and the console works on.
 */
@Timeout(60)
class BoardMemoryLimitsTest {
    private static final String NO_MEMORY = "Lua error: \tnot enough memory\n";
    private final BoardUnderTest board = new BoardUnderTest(BoardOptions.defaults(), 300_000);

    @AfterEach
    void close() {
        board.close();
    }

    @Test
    void gsubWithTheSubjectAsReplacementIsRefusedBeforeJavaBuildsIt() {
        assertThat(board.type("s = ('x'):rep(20000) r = s:gsub('x', s)\n")).contains(NO_MEMORY);
        assertThat(board.type("s = ('x'):rep(60000) r = s:gsub('x', s)\n")).contains(NO_MEMORY);
        assertThat(board.type("s = nil r = nil collectgarbage()\n=('ab'):gsub('b', 'cd')\n")).contains("\nacd\t1\n");
    }

    @Test
    void concatenationTableConcatAndFormatAreClaimedFirst() {
        board.type("s = ('x'):rep(60000)\n");
        assertThat(board.type("r = s .. s .. s .. s\n")).contains(NO_MEMORY);
        assertThat(board.type("t = {} for i = 1, 8 do t[i] = s end r = table.concat(t)\n")).contains(NO_MEMORY);
        assertThat(board.type("r = string.format(('%s'):rep(8), s, s, s, s, s, s, s, s)\n")).contains(NO_MEMORY);
        assertThat(board.type("t = nil r = nil collectgarbage()\n=#(s .. s)\n")).contains("\n120000\n");
    }

    @Test
    void aPrecompiledChunkIsRefusedWithAReason() {
        String patched = "=load('\\27LuaR\\0\\1\\4\\4\\4\\8\\0\\25\\147\\r\\n\\26\\n' .. ('\\255'):rep(64), 'patched', 'b')\n";
        assertThat(board.type(patched))
                .contains("\nnil\tpatched: precompiled chunk refused (the virtual board loads Lua source only)\n");
        assertThat(board.type("=load(string.dump(function() return 1 end))\n"))
                .contains("\nnil\tbinary string: precompiled chunk refused");
        assertThat(board.type("=load('return 7')()\n")).contains("\n7\n");
    }

    @Test
    void theFlashHoldsItsPartitionAndAFullOneAnswersEnospc() {
        assertThat(board.type("=file.fsinfo()\n")).contains("\n458752\t0\t458752\n");
        board.type("s = ('x'):rep(100000) f = file.open('big', 'w')\n");
        assertThat(board.type("=f:write(s), f:write(s), f:write(s), f:write(s)\n")).contains("\ntrue\ttrue\ttrue\ttrue\n");
        assertThat(board.type("=f:write(s)\n")).contains("\nnil\tNo space left on device\t28\n");
        assertThat(board.type("f:close()\n=file.putcontents('more', s)\n")).contains("\nnil\tNo space left on device\t28\n");
        assertThat(board.type("=file.fsinfo()\n")).contains("\n58752\t400000\t458752\n");
        assertThat(board.type("file.remove('big')\n=file.fsinfo()\n")).contains("\n458752\t0\t458752\n");
    }

    @Test
    void loadlibAnswersAsTheBoardsLoadlibWithoutDynamicLibraries() {
        assertThat(board.type("=package.loadlib('x', 'y')\n"))
                .contains("\nnil\tdynamic libraries not enabled; check your Lua installation\tabsent\n");
    }

    @Test
    void printingResultsThatFailIsALuaErrorAndTheBoardGoesOn() {
        assertThat(board.type("=setmetatable({}, {__tostring = function() error('no text') end})\n"))
                .contains("Lua error: \tstdin:1: no text\n");
        assertThat(board.type("=1+1\n")).endsWith("\n2\n> ");
    }

    @Test
    void aRebootIsAFreshStringMetatable() {
        board.type("getmetatable('').__index = {len = function() return 'changed' end}\n");
        assertThat(board.type("=('abc'):len()\n")).contains("\nchanged\n");
        board.type("node.restart()\n");
        assertThat(board.type("=('abc'):len(), getmetatable('').__index == string\n")).contains("\n3\ttrue\n");
    }

    @Test
    void javaWordingNeverReachesTheConsole() {
        assertThat(BoardErrorText.withoutJava("stdin:1: vm error: java.lang.ArrayIndexOutOfBoundsException: 5"))
                .isEqualTo("stdin:1: " + BoardErrorText.INTERNAL);
        assertThat(BoardErrorText.withoutJava("vm error: java.lang.OutOfMemoryError: Java heap space"))
                .isEqualTo("not enough memory");
        assertThat(BoardErrorText.withoutJava("stdin:1: module 'java.lang.System' not found"))
                .isEqualTo("stdin:1: module 'java.lang.System' not found"); // a script's own words stay
    }
}
