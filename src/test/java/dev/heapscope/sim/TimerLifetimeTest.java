package dev.heapscope.sim;

import dev.heapscope.model.Dump;
import dev.heapscope.model.Record;
import dev.heapscope.model.RetainingPath;
import dev.heapscope.parse.LogParser;
import dev.heapscope.parse.ParserOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What keeps a timer alive, as nodemcu-firmware dev-esp32 components/modules/tmr.c does: the registry
 * holds the callback while the timer is registered ({@code cb_ref}, :92-94) and the timer object only from
 * {@code start} until {@code stop} or expiry ({@code self_ref}, :115-118, :148-149, :58-61); {@code __gc} is
 * {@code tmr_unregister} (:247-257), which deletes the FreeRTOS timer and releases the callback.
 */
@Timeout(60)
class TimerLifetimeTest {
    private final BoardUnderTest board = new BoardUnderTest();

    @AfterEach
    void close() {
        board.close();
    }

    private int liveBlocks() {
        board.board.awaitIdle();
        return board.memory.live.size();
    }

    @Test
    void aDroppedNeverStartedTimerWithABigUpvalueIsGoneAfterTwoCollections() {
        board.type("collectgarbage()\n");
        int before = liveBlocks();
        board.type("do local big = string.rep('x', 2000) .. '!' local t = tmr.create()"
                + " t:register(1000, tmr.ALARM_AUTO, function() return #big end) end\n");
        assertThat(liveBlocks()).isGreaterThan(before + 3); // userdata, FreeRTOS timer, closure, string
        board.type("collectgarbage()\n"); // runs the timer's __gc: unregisters, frees the FreeRTOS timer
        board.type("collectgarbage()\n"); // frees what only the finalized timer held
        assertThat(liveBlocks()).isEqualTo(before);
    }

    @Test
    void aStoppedTimerIsCollectedLikeANeverStartedOne() {
        board.type("collectgarbage()\n");
        int before = liveBlocks();
        board.type("do local t = tmr.create() t:register(10, tmr.ALARM_AUTO, function() end) t:start() t:stop() end\n");
        board.type("collectgarbage() collectgarbage()\n");
        assertThat(liveBlocks()).isEqualTo(before);
    }

    @Test
    void aRunningTimerIsKeptByTheRegistryEvenWhenTheScriptDropsIt() {
        board.type("ticks = 0 do local t = tmr.create() t:alarm(10, tmr.ALARM_AUTO, function() ticks = ticks + 1 end) end\n");
        board.type("collectgarbage() collectgarbage()\n");
        board.board.runVirtualTime(100);
        assertThat(board.type("=ticks\n")).contains("\n10\n");
    }

    @Test
    void aSingleTimerReleasesItselfAndItsCallbackWhenItFires() {
        board.type("fired = 0\n");
        board.type("collectgarbage()\n");
        int before = liveBlocks();
        board.type("do local t = tmr.create() t:alarm(5, tmr.ALARM_SINGLE, function() fired = fired + 1 end) end\n");
        board.board.runVirtualTime(10);
        assertThat(board.type("=fired\n")).contains("\n1\n");
        board.type("collectgarbage() collectgarbage()\n");
        assertThat(liveBlocks()).isEqualTo(before);
    }

    /** tmr.c:111-135 start returns false on a running timer; :144-160 stop returns whether it was running. */
    @Test
    void startAndStopAnswerAsTmrDotCDoes() {
        board.type("t = tmr.create() t:register(100, tmr.ALARM_SEMI, function() end)\n");
        assertThat(board.type("=t:start(), t:start(), t:stop(), t:stop()\n")).contains("\ntrue\tfalse\ttrue\tfalse\n");
        assertThat(board.type("=t:state()\n")).contains("\nfalse\t2\n");
        board.type("t:unregister()\n");
        assertThat(board.type("=t:state()\n")).contains("\nnil\n");
    }

    /** tmr.c:20-23, :77-81: the interval range and mode checks, numbered as a method's arguments (lauxlib.c:182-184). */
    @Test
    void argumentErrorsAreTheFirmwares() {
        board.type("t = tmr.create()\n");
        assertThat(board.type("t:register(0, tmr.ALARM_AUTO, print)\n"))
                .contains("bad argument #1 to 'register' (Range: 1-6870947)");
        assertThat(board.type("t:register(6870948, tmr.ALARM_AUTO, print)\n")).contains("(Range: 1-6870947)");
        assertThat(board.type("t:register(10, 7, print)\n")).contains("bad argument #2 to 'register' (Invalid mode)");
        assertThat(board.type("t.register(t, 10, 7, print)\n")).contains("bad argument #3 to 'register' (Invalid mode)");
        assertThat(board.type("t:start()\n")).contains("timer not registered");
    }

    /** tmr.c:259-265: the module has create, wdclr and the modes; no tmr.now, tmr.alarm or tmr.delay. */
    @Test
    void theModuleHasOnlyWhatTmrDotCRegisters() {
        assertThat(board.type("=tmr.now, tmr.delay, tmr.alarm, type(tmr.wdclr), tmr.wdclr()\n"))
                .contains("\nnil\tnil\tnil\tfunction\n");
    }

    /** lauxlib.c:909-912 with tmr.c:268 (luaL_rometatable sets no __name): a timer prints as plain userdata. */
    @Test
    void aTimerPrintsAsUserdataWithItsAddressInTheBoardHeap() {
        assertThat(board.type("=tostring(tmr.create())\n")).containsPattern("\nuserdata: 0x3ffb[0-9a-f]{4}\n");
    }

    @Test
    void aRunningAutoTimerThatGrowsATableIsTheLeakAndIsHeldByItsCallbacksUpvalue() {
        try (SimulatedBoard simulated = SimulatedBoard.create(BoardProfile.defaults())) {
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            simulated.console().addOutputListener(console::write);
            simulated.console().boot();
            simulated.console().loadScript("history.lua", """
                    local history = {}
                    local t = tmr.create()
                    t:alarm(100, tmr.ALARM_AUTO, function() history[#history + 1] = {at = node.uptime()} end)
                    """);
            for (String line : new String[]{"heaptrace.init(100)", "collectgarbage()",
                    "heaptrace.start(heaptrace.TRACE_LEAKS)", "dofile('history.lua')"}) {
                simulated.console().receive((line + "\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            simulated.console().runVirtualTime(1000);
            for (String line : new String[]{"collectgarbage()", "heaptrace.stop()", "heaptrace.dump()"}) {
                simulated.console().receive((line + "\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            simulated.console().awaitIdle();
            List<Dump> dumps = new LogParser(ParserOptions.LENIENT).parse(console.toString(StandardCharsets.ISO_8859_1))
                    .dumps();
            Dump last = dumps.get(dumps.size() - 1);
            List<String> held = last.liveRecords().stream().map(record -> simulated.console().heldBy().pathOf(record)
                    .map(RetainingPath::grouped).orElse("?")).toList();
            assertThat(held).filteredOn(path -> path.equals("tmr#1 callback \u25b8 upvalue 'history'[*]")).hasSize(10);
            assertThat(held).contains("tmr#1 callback \u25b8 upvalue 'history'", "tmr#1 (started)",
                    "tmr#1 (started) \u25b8 FreeRTOS timer");
            Record any = last.liveRecords().get(0);
            assertThat(simulated.console().heldBy().pathOf(any)).isPresent();
        }
    }
}
