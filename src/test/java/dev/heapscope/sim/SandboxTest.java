package dev.heapscope.sim;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class SandboxTest {
    private final BoardUnderTest board = new BoardUnderTest(
            BoardOptions.defaults().withInstructionBudget(2_000_000, 5_000), 300_000);

    @AfterEach
    void close() {
        board.close();
    }

    @Test
    void hostAccessLibrariesAreAbsent() {
        assertThat(board.type("=io, os, luajava\n")).contains("\nnil\tnil\tnil\n");
        assertThat(board.type("=package.searchers[3], package.searchers[4], package.loaded.io\n"))
                .contains("\nnil\tnil\tnil\n");
    }

    @Test
    void requireAndDofileReadOnlyTheFlashFileSystem() {
        board.board.loadScript("util.lua", "return { answer = 42 }");
        assertThat(board.type("=require('util').answer\n")).contains("\n42\n");
        assertThat(board.type("dofile('/etc/passwd')\n")).contains("Lua error: \tstdin:1: cannot open /etc/passwd");
        assertThat(board.type("require('java.lang.System')\n")).contains("Lua error: \t").contains("module 'java.lang.System' not found");
    }

    @Test
    void firmwareModulesTheBoardDoesNotModelSayWhatIsModelled() {
        assertThat(board.type("ledc.newChannel({})\n"))
                .contains("stdin:1: module 'ledc' is not available on the virtual board (modelled: ");
        assertThat(board.type("nosuchglobal.x()\n")).contains("attempt to index a nil value (global 'nosuchglobal')");
        // wifi exists now, but dev-esp32's has no ESP8266-style setmode
        assertThat(board.type("wifi.setmode(1)\n")).contains("attempt to call a nil value (field 'setmode')");
    }

    @Test
    void runawayLoopEndsWithBudgetErrorAndTheNextLineWorks() {
        assertThat(board.type("while true do end\n"))
                .contains("Lua error: \tstdin:1: instruction budget exceeded (runaway loop?)\nstack traceback:\n");
        assertThat(board.type("=1+1\n")).endsWith("\n2\n> ");
    }

    @Test
    void pcallCannotSwallowTheBudgetError() {
        String output = board.type("ok = pcall(function() while true do end end); print('swallowed')\n");
        assertThat(output).contains("instruction budget exceeded").doesNotContain("swallowed\n");
    }

    @Test
    void aCoroutineCannotSwallowTheBudgetErrorEither() {
        String output = board.type("co = coroutine.create(function() while true do end end); "
                + "coroutine.resume(co); print('after')\n");
        assertThat(output).contains("instruction budget exceeded").doesNotContain("after\n");
    }

    @Test
    void aLoopOfCollectionsIsARunawayLoopTooBecauseCollectingCountsAgainstTheBudget() {
        assertThat(board.type("while true do collectgarbage() end\n")).contains("instruction budget exceeded");
        assertThat(board.type("=1+1\n")).endsWith("\n2\n> ");
    }

    @Test
    void loadWithACustomEnvironmentStaysUnderTheBudget() {
        assertThat(board.type("load('while true do end', 'x', 't', {})()\n")).contains("instruction budget exceeded");
    }

    @Test
    void memoryBombEndsWithNotEnoughMemory() {
        assertThat(board.type("s = string.rep('x', 2^30)\n")).contains("Lua error: \tnot enough memory\n");
        assertThat(board.type("t = {} for i = 1, 1e6 do t[i] = i end\n")).contains("Lua error: \tnot enough memory\n");
        assertThat(board.type("t = nil collectgarbage() =1\n")).isNotNull();
        assertThat(board.type("=#string.rep('ab', 3, ',')\n")).contains("\n8\n");
    }

    @Test
    void collectgarbageCountReportsSimulatedKilobytes() {
        board.type("keep = {} for i = 1, 100 do keep[i] = {} end\n");
        String count = board.type("=collectgarbage('count')\n");
        double kib = Double.parseDouble(count.split("\n")[1]);
        assertThat(kib).isGreaterThan(100 * 32 / 1024.0).isLessThan(64);
    }

    @Test
    void shimsForNodeMcuScriptsExist() {
        // NodeMCU's luaconf keeps LUA_COMPAT_LOADSTRING and LUA_COMPAT_UNPACK; the bit module is off by default
        assertThat(board.type("=loadstring('return 3')(), math.type(1), math.type(1.5), rawget(_G, 'bit'), unpack({1, 2})\n"))
                .contains("\n3\tinteger\tfloat\tnil\t1\t2\n");
    }
}
