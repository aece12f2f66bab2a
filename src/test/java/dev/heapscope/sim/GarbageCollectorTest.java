package dev.heapscope.sim;

import dev.heapscope.model.Symbol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The virtual board's collector against Lua 5.3's rules (lgc.c): what is reachable from the roots stays,
 * everything else is freed at the next collection; weak tables, ephemerons, finalizer order and
 * resurrection; what running frames, suspended coroutines and shared upvalues keep alive. Frees are seen
 * as blocks leaving the board heap, so these tests check the simulated memory, not LuaJ's objects.
 */
@Timeout(60)
class GarbageCollectorTest {
    private final BoardUnderTest board = new BoardUnderTest();

    @AfterEach
    void close() {
        board.close();
    }

    /** Live blocks whose innermost Lua frame is {@code file:line}. */
    private long liveAt(String file, int line) {
        board.board.awaitIdle();
        List<CountingBoardMemory.Block> live = List.copyOf(board.memory.live.values());
        return live.stream().filter(block -> {
            for (int i = 0; i < block.chain().depth(); i++) {
                if ((block.chain().frame(i) & 0xff000000) == SimulatorSymbols.LUA_FRAME_BASE) {
                    Optional<Symbol> symbol = board.board.symbols().resolve(block.chain().frame(i));
                    return symbol.isPresent() && file.equals(symbol.get().file()) && symbol.get().line() == line;
                }
            }
            return false;
        }).count();
    }

    private String run(String file, String script) {
        board.board.loadScript(file, script);
        return board.type("dofile('" + file + "')\n");
    }

    @Test
    void aWeakValuedTableLosesValuesNothingElseHoldsButKeepsStrings() {
        board.type("cache = setmetatable({}, {__mode = 'v'}) keep = {} cache[2] = keep cache.s = 'a' .. 'string'\n");
        board.type("cache[1] = {}\n");
        board.type("collectgarbage()\n");
        // lgc.c iscleared: strings are values, never cleared from weak tables
        assertThat(board.type("print(cache[1], cache[2] == keep, cache.s)\n")).contains("\nnil\ttrue\tastring\n");
    }

    @Test
    void anEphemeronKeepsAValueOnlyWhileItsKeyIsReachableEvenIfTheValueRefersToTheKey() {
        board.type("eph = setmetatable({}, {__mode = 'k'}) k2 = {} eph[k2] = 'kept'\n");
        board.type("do local k1 = {} eph[k1] = {back = k1} end\n");
        assertThat(board.type("n = 0 for k in pairs(eph) do n = n + 1 end print(n)\n")).contains("\n2\n");
        board.type("collectgarbage()\n");
        assertThat(board.type("n = 0 for k in pairs(eph) do n = n + 1 end print(n, eph[k2])\n")).contains("\n1\tkept\n");
    }

    @Test
    void aTableWeakInKeysAndValuesLosesEntriesWhenEitherDies() {
        board.type("both = setmetatable({}, {__mode = 'kv'}) k = {} v = {} both[k] = {} both[{}] = v both[k2 or 1] = v\n");
        board.type("collectgarbage()\n");
        assertThat(board.type("n = 0 for key in pairs(both) do n = n + 1 end print(n, both[1] == v)\n"))
                .contains("\n1\ttrue\n");
    }

    @Test
    void finalizersRunInTheReverseOrderTheirObjectsWereMarked() {
        run("order.lua", """
                order = {}
                for i = 1, 4 do setmetatable({}, {__gc = function() order[#order + 1] = i end}) end
                """);
        board.type("collectgarbage()\n");
        assertThat(board.type("print(table.concat(order, ','))\n")).contains("\n4,3,2,1\n");
    }

    @Test
    void aFinalizerCanResurrectItsObjectWhichIsFreedOnlyWhenUnreachableAgainAndNeverFinalizedTwice() {
        run("phoenix.lua", """
                calls = 0
                setmetatable({name = 'phoenix'}, {__gc = function(o) calls = calls + 1 saved = o end})
                """);
        assertThat(liveAt("phoenix.lua", 2)).isEqualTo(3); // the object, its metatable, the finalizer closure
        board.type("collectgarbage()\n");
        assertThat(board.type("print(saved.name, calls)\n")).contains("\nphoenix\t1\n");
        board.type("saved = nil\n");
        board.type("collectgarbage()\n");
        board.type("collectgarbage()\n");
        assertThat(board.type("print(calls)\n")).contains("\n1\n");
        assertThat(liveAt("phoenix.lua", 2)).isZero();
    }

    @Test
    void aGcFieldAddedAfterSetmetatableDoesNotMarkTheObjectForFinalization() {
        board.type("mt = {} do local t = setmetatable({}, mt) end mt.__gc = function() print('never') end\n");
        assertThat(board.type("collectgarbage()\n")).doesNotContain("never");
    }

    @Test
    void anErrorInAFinalizerIsRaisedWithLua53sWording() {
        board.type("do setmetatable({}, {__gc = function() error('boom') end}) end\n");
        assertThat(board.type("collectgarbage()\n")).contains("error in __gc metamethod (stdin:1: boom)");
    }

    @Test
    void aSuspendedCoroutineKeepsItsLocalsUntilItFinishesAndIsDropped() {
        run("co.lua", """
                co = coroutine.create(function()
                  local held = {1, 2, 3}
                  coroutine.yield()
                  return #held
                end)
                coroutine.resume(co)
                """);
        board.type("collectgarbage()\n");
        assertThat(liveAt("co.lua", 2)).isEqualTo(1);
        board.type("coroutine.resume(co) co = nil\n");
        board.type("collectgarbage()\n");
        assertThat(liveAt("co.lua", 2)).isZero();
    }

    @Test
    void closuresSharingAnUpvalueKeepItAliveUntilTheLastOneIsGone() {
        run("shared.lua", """
                local function make()
                  local shared = {}
                  return function() return shared end, function() return shared end
                end
                f, g = make()
                """);
        board.type("f = nil collectgarbage()\n");
        assertThat(liveAt("shared.lua", 2)).isEqualTo(1);
        board.type("g = nil collectgarbage()\n");
        assertThat(liveAt("shared.lua", 2)).isZero();
    }

    @Test
    void aDeadRegisterAboveTheCallDoesNotKeepGarbageAliveAsLua53MarksOnlyUpToTheTop() {
        run("dead.lua", """
                do local a, big = 1, string.rep('x', 500) .. '!' end
                collectgarbage()
                print(collectgarbage('count') > 0)
                """);
        assertThat(liveAt("dead.lua", 1)).isZero();
    }

    @Test
    void equalShortStringsAreOneObjectButEqualLongStringsAreNot() {
        board.type("a = ('x'):rep(3) .. 'y' b = ('x'):rep(3) .. 'y'\n");
        board.type("c = ('z'):rep(50) .. '!' d = ('z'):rep(50) .. '!'\n");
        board.type("collectgarbage()\n");
        assertThat(board.memory.live.values()).filteredOn(b -> b.sizeBytes() == LuaSizes.string(4)).hasSize(1);
        assertThat(board.memory.live.values()).filteredOn(b -> b.sizeBytes() == LuaSizes.string(51)).hasSize(2);
    }

    @Test
    void garbageIsCollectedByLuasOwnPacingWithoutCollectgarbage() {
        long before = board.memory.usedBytes();
        // 20,000 strings of ~60 bytes: 1.2 MB of garbage through a 300 KB heap
        assertThat(board.type("for i = 1, 20000 do local s = ('x'):rep(40) .. i end print('done')\n"))
                .contains("\ndone\n");
        assertThat(board.memory.usedBytes() - before).isLessThan(40_000);
    }

    @Test
    void runningOutOfMemoryWithATrulyLiveSetSaysNotEnoughMemory() {
        assertThat(board.type("t = {} for i = 1, 100000 do t[i] = {i} end\n")).contains("not enough memory");
        board.type("t = nil collectgarbage()\n");
        assertThat(board.type("=#('x'):rep(1000)\n")).contains("\n1000\n");
    }

    @Test
    void collectgarbageAnswersAsLua53Does() {
        assertThat(board.type("=collectgarbage('count') >= 8\n")).contains("\ntrue\n");
        assertThat(board.type("=collectgarbage('setpause', 150), collectgarbage('setpause', 110)\n"))
                .contains("\n110\t150\n");
        assertThat(board.type("=collectgarbage('isrunning'), collectgarbage('stop'), collectgarbage('isrunning')\n"))
                .contains("\ntrue\t0\tfalse\n");
        board.type("collectgarbage('restart')\n");
        assertThat(board.type("=collectgarbage('setmemlimit')\n")).contains("\ntrue\n");
        assertThat(board.type("=collectgarbage('generational')\n"))
                .contains("bad argument #1 to 'collectgarbage' (invalid option 'generational')");
        assertThat(board.type("=collectgarbage('step', 1.5)\n")).contains("number has no integer representation");
    }

    @Test
    void stepsFinishACycleAfterEnoughWork() {
        board.type("x = nil for i = 1, 50 do x = {} end\n");
        assertThat(board.type("n = 0 repeat n = n + 1 until collectgarbage('step') or n > 1000 print(n < 1000)\n"))
                .contains("\ntrue\n");
    }
}
