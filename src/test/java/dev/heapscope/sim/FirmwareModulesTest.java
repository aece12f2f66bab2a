package dev.heapscope.sim;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class FirmwareModulesTest {
    private final BoardUnderTest board = new BoardUnderTest();

    @AfterEach
    void close() {
        board.close();
    }

    @Test
    void heaptraceArgumentErrorsAreBuiltAsLua53Does() {
        assertThat(board.type("heaptrace.init()\n"))
                .contains("Lua error: \tstdin:1: bad argument #1 to 'init' (number expected, got no value)\n");
        assertThat(board.type("heaptrace.init('x')\n")).contains("bad argument #1 to 'init' (number expected, got string)");
        assertThat(board.type("heaptrace.init(0)\n")).contains("Lua error: \tstdin:1: invalid trace buffer size\n");
    }

    @Test
    void heaptraceStateErrorsCarryTheEspErrorCode() {
        assertThat(board.type("heaptrace.stop()\n")).contains("stdin:1: failed to stop heap tracing; code 259\n");
        assertThat(board.type("heaptrace.init(200)\n")).isEqualTo("heaptrace.init(200)\n> ");
        assertThat(board.type("heaptrace.start(7)\n")).contains("stdin:1: invalid trace mode\n");
        assertThat(board.type("heaptrace.start(heaptrace.TRACE_LEAKS)\n")).isEqualTo("heaptrace.start(heaptrace.TRACE_LEAKS)\n> ");
        assertThat(board.trace.mode).isEqualTo(dev.heapscope.model.TraceMode.LEAKS);
        assertThat(board.type("heaptrace.resume()\n")).contains("failed to resume heap tracing; code 259\n");
        assertThat(board.type("heaptrace.dump()\n")).contains("====== Heap Trace: 0 records (200 capacity) ======\r\n> ");
    }

    @Test
    void nodeHeapReportsBoardFreeBytes() {
        String heap = board.type("=node.heap()\n").split("\n")[1];
        assertThat(Long.parseLong(heap)).isBetween(board.memory.freeBytes(), board.memory.capacityBytes);
        board.type("big = string.rep('x', 10000)\n");
        String after = board.type("=node.heap()\n").split("\n")[1];
        assertThat(Long.parseLong(heap) - Long.parseLong(after)).isGreaterThanOrEqualTo(10_000);
    }

    @Test
    void timersFireInVirtualTimeOnly() {
        board.type("n = 0 t = tmr.create() t:alarm(100, tmr.ALARM_AUTO, function(tm) n = n + 1 end)\n");
        board.type("single = tmr.create() single:register(250, tmr.ALARM_SINGLE, function() print('once') end) single:start()\n");
        assertThat(board.type("=n\n")).contains("\n0\n");
        board.clear();
        board.board.runVirtualTime(1_000);
        assertThat(board.output()).isEqualTo("once\n");
        assertThat(board.type("=n, single:state()\n")).contains("\n10\tnil\n");
        assertThat(board.type("t:stop()\n")).isNotNull();
        board.board.runVirtualTime(1_000);
        assertThat(board.type("=n, t:state()\n")).contains("\n10\tfalse\t1\n");
    }

    @Test
    void aTimerCallbackErrorPrintsLikeTheBoard() {
        board.type("t = tmr.create() t:alarm(10, tmr.ALARM_SINGLE, function() error('tick') end)\n");
        board.clear();
        board.board.runVirtualTime(20);
        assertThat(board.output()).startsWith("Lua error: \tstdin:1: tick\nstack traceback:\n");
        assertThat(board.type("=1\n")).endsWith("1\n> ");
    }

    @Test
    void nodeRestartRebootsWithBannerAndAFreshLuaState() {
        board.type("x = 5\n");
        String reboot = board.type("node.restart()\n");
        assertThat(reboot).contains("rst:0xc (SW_CPU_RESET)")
                .contains("\nNodeMCU ESP32 build 2024-10-25 10:46 powered by Lua 5.3.5 [5.3-int32-singlefp] on IDF v5.1.3\n")
                .contains("W (395) heapscope: virtual board").endsWith("cannot open init.lua: No such file or directory\n> ");
        assertThat(board.type("=x\n")).contains("\nnil\n");
        assertThat(board.clock.nowMicros()).isLessThan(10_000);
    }

    @Test
    void initLuaRunsAtBootFromFlash() {
        board.board.loadScript("init.lua", "print('hello from init')");
        assertThat(board.type("node.restart()\n")).contains("on IDF v5.1.3\nhello from init\n> ");
    }

    @Test
    void fileModuleWritesAndReadsFlash() {
        board.type("f = file.open('a.txt', 'w') f:writeline('one') f:write('two') f:close()\n");
        assertThat(board.type("=file.getcontents('a.txt')\n")).contains("\none\ntwo\n");
        board.type("f = file.open('a.txt')\n");
        assertThat(board.type("=f:readline(), f:read(), file.exists('a.txt'), file.exists('b')\n"))
                .contains("\none\n\ttwo\ttrue\tfalse\n");
        assertThat(board.type("=file.open('missing')\n")).contains("\nnil\n");
    }

    @Test
    void uartWriteGoesToTheConsoleAndSetupAnswersTheBaud() {
        assertThat(board.type("uart.write(0, 'hi', 33)\n")).isEqualTo("uart.write(0, 'hi', 33)\nhi!> ");
        assertThat(board.type("=uart.setup(0, 921600, 8, uart.PARITY_NONE, uart.STOPBITS_1, 1)\n")).contains("\n921600\n");
    }

    @Test
    void realTimeModeFiresTimersOnTheBoardThreadByItself() throws InterruptedException {
        try (BoardUnderTest live = new BoardUnderTest(BoardOptions.defaults().withRealTime(true), 300_000)) {
            live.type("t = tmr.create() t:alarm(20, tmr.ALARM_SINGLE, function() print('tick') end)\n");
            for (int i = 0; i < 200 && !live.output().contains("tick\n"); i++) {
                Thread.sleep(10);
            }
            assertThat(live.output()).contains("tick\n");
            assertThat(live.clock.nowMicros()).isGreaterThanOrEqualTo(20_000);
        }
    }
}
