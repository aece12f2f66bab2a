package dev.heapscope.sim;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** node.compile, the Lua Flash Store entries, stripdebug, sleep and dsleep as an app's boot code meets them. */
class NodeSystemTest {
    private final BoardUnderTest board = new BoardUnderTest();

    @AfterEach
    void close() {
        board.close();
    }

    @Test
    void compileWritesTheLcFileThatDofileRuns() {
        board.type("file.putcontents('app.lua', 'x = 41\\nfunction f() return x + 1 end\\n')\n");
        board.type("node.compile('app.lua')\n");
        board.type("dofile('app.lc')\n");
        assertThat(board.type("=f(), file.exists('app.lc')\n")).contains("\n42\ttrue\n");
    }

    @Test
    void compileRefusesWhatTheBoardRefusesWithTheLoadersMessage() {
        board.type("file.putcontents('bad.lua', 'x = = 1\\n')\n");
        assertThat(board.type("=pcall(node.compile, 'bad.lua')\n")).contains("\nfalse\tbad.lua:1: unexpected symbol near '='\n");
        assertThat(board.type("=pcall(node.compile, 'bad.txt')\n")).contains("\nfalse\tnot a .lua file\n");
        assertThat(board.type("=file.exists('bad.lc')\n")).contains("\nfalse\n");
    }

    @Test
    void aSyntaxErrorInADofileNamesTheFileOnly() {
        board.type("file.putcontents('bad.lua', 'x = = 1\\n')\n");
        assertThat(board.type("dofile('bad.lua')\n")).contains("Lua error: \tbad.lua:1: unexpected symbol near '='")
                .doesNotContain("stdin:1: bad.lua");
    }

    @Test
    void withoutAnLfsImageEveryLookupIsNil() {
        assertThat(board.type("=node.LFS.get('_init'), node.LFS.list(), node.flashindex('_init')\n"))
                .contains("\nnil\tnil\tnil\n");
        assertThat(board.type("=node.stripdebug(), pcall(node.stripdebug, 7)\n"))
                .contains("\n1\tfalse\tbad argument #1 to 'stripdebug' (Invalid strip level)\n");
    }

    @Test
    void deepSleepWakesUpAsAReset() {
        board.type("keep = 1\n");
        String out = board.type("node.dsleep(1000000)\n");
        assertThat(out).contains("NodeMCU ESP32"); // the boot banner again
        assertThat(board.type("=keep\n")).contains("\nnil\n");
        assertThat(board.type("=pcall(node.sleep)\n")).contains("table expected, got no value");
    }

    @Test
    void aRestartInsideACoroutineRebootsTheBoardAndEndsItsResumerToo() {
        board.type("keep = 1\n");
        String out = board.type("co = coroutine.create(function() node.restart() end) print('resumed', coroutine.resume(co))\n");
        assertThat(out).contains("NodeMCU ESP32").doesNotContain("resumed\tfalse");
        assertThat(board.type("=keep\n")).contains("\nnil\n");
    }
}
