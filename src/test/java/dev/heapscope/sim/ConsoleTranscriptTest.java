package dev.heapscope.sim;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(30)
class ConsoleTranscriptTest {
    private final BoardUnderTest board = new BoardUnderTest();

    @AfterEach
    void close() {
        board.close();
    }

    /**
     * nodemcu-firmware dev-esp32 components/lua/lua-5.3/lua.c:245-246 (the banner, with its leading newline)
     * and :274-275 with lauxlib.c:725-731 (a missing init.lua, printed without "Lua error:").
     */
    @Test
    void bootPrintsRomLinesBannerSimulatorNoticeAndFirstPrompt() {
        String boot = board.output();
        assertThat(boot).startsWith("ets ").contains("rst:0x1 (POWERON_RESET),boot:0x13 (SPI_FAST_FLASH_BOOT)\r\n")
                .contains("I (312) cpu_start: Pro cpu start user code").contains("I (331) app_init: ELF file SHA256:  ")
                .contains("W (395) heapscope: virtual board (simulated ESP32, not real hardware)\r\n"
                        + "\nNodeMCU ESP32 build 2024-10-25 10:46 powered by Lua 5.3.5 [5.3-int32-singlefp] on IDF v5.1.3\n"
                        + "cannot open init.lua: No such file or directory\n> ")
                .endsWith("> ");
    }

    @Test
    void linesAreEchoedAndPrintSeparatesWithTabs() {
        assertThat(board.type("print(1, 'a', nil)\n")).isEqualTo("print(1, 'a', nil)\n1\ta\tnil\n> ");
    }

    @Test
    void equalsSignPrintsTheExpression() {
        assertThat(board.type("=1+2\r")).isEqualTo("=1+2\n3\n> ");
    }

    @Test
    void crlfEndsOneLineAndCrOrLfAloneEachEndOne() {
        assertThat(board.type("x=1\r\n")).isEqualTo("x=1\n> ");
        assertThat(board.type("=x\r=x\n")).isEqualTo("=x\n1\n> =x\n1\n> ");
    }

    @Test
    void incompleteChunkShowsContinuationPromptUntilComplete() {
        assertThat(board.type("for i=1,2 do\n")).isEqualTo("for i=1,2 do\n>> ");
        assertThat(board.type("print(i)\n")).isEqualTo("print(i)\n>> ");
        assertThat(board.type("end\n")).isEqualTo("end\n1\n2\n> ");
    }

    @Test
    void aSyntaxErrorInTheMiddleIsReportedNotContinued() {
        assertThat(board.type("x = = 1\n")).isEqualTo("x = = 1\nLua error: \tstdin:1: unexpected symbol near '='\n> ");
    }

    @Test
    void runtimeErrorPrintsLikeTheBoardWithTraceback() {
        assertThat(board.type("for i=1,3 do cache[#cache+1] = {i} end\n"))
                .isEqualTo("for i=1,3 do cache[#cache+1] = {i} end\n"
                        + "Lua error: \tstdin:1: attempt to get length of a nil value (global 'cache')\n"
                        + "stack traceback:\n\tstdin:1: in main chunk\n\t[C]: in ?\n> ");
    }

    @Test
    void errorRaisedInAFirmwareFunctionShowsTheCFrame() {
        assertThat(board.type("heaptrace.start(heaptrace.TRACE_LEAKS)\n"))
                .endsWith("Lua error: \tstdin:1: failed to start heap tracing; code 259\n"
                        + "stack traceback:\n\t[C]: in function 'heaptrace.start'\n\tstdin:1: in main chunk\n\t[C]: in ?\n> ");
    }

    @Test
    void errorInsideAFunctionNamesItInTheTraceback() {
        board.type("function boom() error('bad') end\n");
        assertThat(board.type("boom()\n")).contains("Lua error: \tstdin:1: bad\nstack traceback:\n"
                + "\t[C]: in function 'error'\n\tstdin:1: in function 'boom'\n\tstdin:1: in main chunk\n\t[C]: in ?\n");
    }

    @Test
    void pcallReturnsTheBoardStyleMessage() {
        assertThat(board.type("=pcall(function() local t = nil; return t.x end)\n"))
                .contains("false\tstdin:1: attempt to index a nil value (local 't')\n");
    }

    @Test
    void codeAfterAPcallKeepsRunningInItsOwnFrame() {
        assertThat(board.type("local ok, v = pcall(function() return 1 end) print(ok, v) local t = {} print(#t)\n"))
                .contains("true\t1\n0\n");
        assertThat(board.type("local ok = pcall(error, 'x') print(ok) error('later')\n"))
                .contains("false\nLua error: \tstdin:1: later\nstack traceback:\n");
    }

    @Test
    void aFunctionCalledThroughPcallIsNamedAsLuaWouldInTracebacks() {
        board.type("local function f() error('in f') end function g() f() end\n");
        assertThat(board.type("print(pcall(g))\nfunction h() local x = nil; x() end\n"))
                .contains("false\tstdin:1: in f\n");
        assertThat(board.type("xpcall(h, function(m) return m end) print('still here')\n")).contains("still here\n");
    }

    @Test
    void backspaceErasesTheLastCharacterAndEchoesBackspaceSpaceBackspace() {
        assertThat(board.type("=12\b3\n")).isEqualTo("=12\b \b3\n13\n> ");
        assertThat(board.type("\b\b=1\n")).isEqualTo("=1\n1\n> ");
    }

    @Test
    void aLineKeepsOnlyItsLast255Characters() {
        String body = "local " + "x".repeat(235) + "=1 print('ok')";
        assertThat(body).hasSize(LuaRepl.MAX_LINE);
        // "zz" would make it a syntax error; the board drops the start of an overlong line silently
        String output = board.type("zz" + body + "\n");
        assertThat(output).isEqualTo("zz" + body + "\nok\n> ");
        assertThat(board.type("zz" + body.substring(1) + "\n")).contains("Lua error: \t");
    }

    @Test
    void crlfOptionEndsPromptEchoAndPrintWithCrLf() {
        try (BoardUnderTest crlf = new BoardUnderTest(BoardOptions.defaults().withLineEnding(LineEnding.CRLF), 300_000)) {
            assertThat(crlf.output()).contains("on IDF v5.1.3\r\ncannot open init.lua: No such file or directory\r\n> ");
            assertThat(crlf.type("print('a\\nb')\n")).isEqualTo("print('a\\nb')\r\na\r\nb\r\n> ");
        }
    }
}
