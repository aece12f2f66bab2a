package dev.heapscope.sim;

import dev.heapscope.model.Symbol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class AllocationTrackingTest {
    private final BoardUnderTest board = new BoardUnderTest();

    @AfterEach
    void close() {
        board.close();
    }

    private List<CountingBoardMemory.Block> liveBlocks() {
        board.board.awaitIdle();
        return List.copyOf(board.memory.live.values());
    }

    private int countLuaFrames(CountingBoardMemory.Block block, String function) {
        int found = 0;
        for (int i = 0; i < block.chain().depth(); i++) {
            Optional<Symbol> symbol = board.board.symbols().resolve(block.chain().frame(i));
            if (symbol.isPresent() && symbol.get().function().equals(function)) {
                found++;
            }
        }
        return found;
    }

    @Test
    void aTableKeptInAGlobalStaysAllocatedAfterCollectGarbage() {
        board.type("keep = {1, 2, 3}\n");
        int tablesBefore = board.memory.allocations.size();
        board.type("collectgarbage()\n");
        assertThat(board.type("=#keep\n")).contains("\n3\n");
        // LuaJ sizes the array part (here 4 slots for 3 values); the block follows its capacity
        assertThat(liveBlocks()).anyMatch(block -> block.sizeBytes() >= LuaSizes.TABLE_HEADER + 3 * LuaSizes.TVALUE
                && board.board.symbols().resolve(block.chain().frame(2)).orElseThrow().function().equals("luaH_new"));
        assertThat(tablesBefore).isPositive();
    }

    @Test
    void garbageTablesAndStringsAreFreedByCollectGarbage() {
        board.type("collectgarbage()\n");
        int liveBefore = board.memory.live.size();
        board.type("for i = 1, 500 do local t = {i}; local s = 'v' .. i .. string.rep('x', 40) end\n");
        assertThat(board.memory.allocations.size()).isGreaterThan(1000);
        board.type("collectgarbage()\n");
        // a handful may survive in dead registers of a running frame or LuaJ's string cache
        assertThat(board.memory.live.size()).isLessThan(liveBefore + 20);
        assertThat(board.memory.unknownFrees).isZero();
    }

    @Test
    void shortGarbageStringsClosuresAndTablesAreAllFreedWhileKeptOnesStay() {
        board.type("kept = {}\ncollectgarbage()\n");
        int liveBefore = board.memory.live.size();
        board.type("function churn(i) local parts = {} for j = 1, 5 do parts[#parts + 1] = string.format('%d:%d', i, j) end"
                + " local f = function() return parts end return 'n' .. i .. table.concat(parts, ',') end\n");
        board.type("for i = 1, 300 do churn(i) end\n");
        board.type("for i = 1, 10 do kept[i] = 's' .. i end\n");
        board.type("collectgarbage()\n");
        assertThat(board.memory.allocations.size()).isGreaterThan(2000);
        // exactly: the function churn (its closure), the ten kept strings and kept's growth
        long keptStrings = liveBlocks().stream().filter(block -> countLuaFrames(block, "main chunk") == 1
                && board.board.symbols().resolve(block.chain().frame(2)).orElseThrow().function().equals("luaS_newlstr"))
                .count();
        assertThat(keptStrings).isEqualTo(10);
        assertThat(board.memory.live.size()).isEqualTo(liveBefore + 11);
        assertThat(board.type("=kept[10]\n")).contains("s10");
    }

    @Test
    void toStringOfAStringAllocatesNothing() {
        board.type("s = 'hello'\ncollectgarbage()\n");
        int before = board.memory.allocations.size();
        board.type("local t = tostring(s)\n");
        assertThat(board.memory.allocations.subList(before, board.memory.allocations.size()))
                .noneMatch(block -> block.sizeBytes() == LuaSizes.string(5));
    }

    @Test
    void remakingTheSameShortStringIsChargedOnceAsLuaInternsIt() {
        board.type("collectgarbage()\n");
        int before = board.memory.allocations.size();
        board.type("kept = {} for i = 1, 20 do kept[i] = 'k' .. 7 end\n");
        long made = board.memory.allocations.subList(before, board.memory.allocations.size()).stream()
                .filter(block -> block.sizeBytes() == LuaSizes.string(2)).count();
        assertThat(made).isEqualTo(1);
    }

    @Test
    void collectGarbageFreesOnlyWhatIsUnreachable() {
        board.type("keep = {} for i = 1, 200 do keep[i] = {i} end\n");
        board.type("for i = 1, 200 do local garbage = {i} end\n");
        board.type("collectgarbage()\n");
        long smallTables = liveBlocks().stream()
                .filter(block -> block.sizeBytes() == LuaSizes.TABLE_HEADER + LuaSizes.TVALUE).count();
        assertThat(smallTables).isBetween(200L, 205L);
    }

    @Test
    void allocationInsideLeakResolvesToLeakAtItsLineThenTheCaller() {
        board.board.loadScript("leaky.lua", "cache = {}\nfunction leak()\n  cache[#cache + 1] = {}\nend\n");
        board.type("dofile('leaky.lua')\n");
        board.type("collectgarbage()\n");
        int before = board.memory.allocations.size();
        board.type("for i = 1, 3 do leak() end\n");
        List<CountingBoardMemory.Block> made = board.memory.allocations.subList(before, board.memory.allocations.size());
        CountingBoardMemory.Block table = made.stream().filter(b -> b.sizeBytes() == LuaSizes.TABLE_HEADER)
                .findFirst().orElseThrow();
        Symbol firmware = board.board.symbols().resolve(table.chain().frame(0)).orElseThrow();
        assertThat(firmware.function()).isEqualTo("l_alloc");
        Symbol inner = firstLuaFrame(table);
        assertThat(inner.function()).isEqualTo("leak");
        assertThat(inner.file()).isEqualTo("leaky.lua");
        assertThat(inner.line()).isEqualTo(3);
        Symbol caller = board.board.symbols().resolve(table.chain().frame(indexOf(table, inner) + 1)).orElseThrow();
        assertThat(caller).extracting(Symbol::function, Symbol::file, Symbol::line).containsExactly("main chunk", "stdin", 1);
        assertThat(countLuaFrames(table, "leak")).isEqualTo(1);
    }

    @Test
    void tableGrowthIsAReallocationChargedToTheGrowingLine() {
        board.board.loadScript("grow.lua", "list = {}\nfunction add(v)\n  list[#list + 1] = v\nend\n");
        board.type("dofile('grow.lua')\n");
        int before = board.memory.allocations.size();
        board.type("for i = 1, 40 do add(i) end\n");
        List<CountingBoardMemory.Block> grown = board.memory.allocations.subList(before, board.memory.allocations.size());
        assertThat(grown).isNotEmpty();
        assertThat(grown).allSatisfy(block -> assertThat(firstLuaFrame(block))
                .extracting(Symbol::function, Symbol::line).containsExactly("add", 3));
        assertThat(board.board.symbols().resolve(grown.get(0).chain().frame(2)).orElseThrow().function())
                .isEqualTo("luaH_resize");
        assertThat(board.memory.live.values()).anyMatch(b -> b.sizeBytes() >= LuaSizes.TABLE_HEADER + 40 * LuaSizes.TVALUE);
    }

    @Test
    void fieldFunctionsAreNamedWithTheirTable() {
        board.type("cache = {} function cache.put(k) cache[k] = {} end\n");
        int before = board.memory.allocations.size();
        board.type("cache.put('a')\n");
        assertThat(board.memory.allocations.subList(before, board.memory.allocations.size()))
                .anyMatch(block -> "cache.put".equals(firstLuaFrame(block).function()));
    }

    @Test
    void aTimerCallbackIsNamedByTheLocalItWasDefinedAs() {
        board.board.loadScript("tick.lua", "kept = {}\nlocal function on_tick()\n  kept[#kept + 1] = {}\nend\n"
                + "local t = tmr.create()\nt:register(100, tmr.ALARM_AUTO, on_tick)\nt:start()\n");
        board.type("dofile('tick.lua')\n");
        int before = board.memory.allocations.size();
        board.board.runVirtualTime(350);
        board.board.awaitIdle();
        List<CountingBoardMemory.Block> made = board.memory.allocations.subList(before, board.memory.allocations.size());
        assertThat(made).filteredOn(b -> b.sizeBytes() == LuaSizes.TABLE_HEADER).hasSize(3)
                .allSatisfy(b -> assertThat(firstLuaFrame(b)).extracting(Symbol::function, Symbol::line)
                        .containsExactly("on_tick", 3));
    }

    @Test
    void functionsCalledThroughPcallAreNamedByDefinitionOrByWhereTheyWereDefined() {
        board.type("M = {} function M.put() keep1 = {} end function M:grow() keep2 = {} end\n");
        board.board.loadScript("calls.lua", "pcall(M.put) pcall(M.grow, M)\npcall(function()\n keep3 = {} end)\n");
        int before = board.memory.allocations.size();
        board.type("dofile('calls.lua')\n");
        List<CountingBoardMemory.Block> made = board.memory.allocations.subList(before, board.memory.allocations.size());
        assertThat(made).filteredOn(b -> b.sizeBytes() == LuaSizes.TABLE_HEADER)
                .extracting(b -> firstLuaFrame(b).function())
                .containsExactly("M.put", "M:grow", "function <calls.lua:2>");
    }

    @Test
    void chainsRespectTheMaximumDepth() {
        try (BoardUnderTest shallow = new BoardUnderTest(BoardOptions.defaults().withMaxChainDepth(5), 300_000)) {
            shallow.type("function a() return {} end function b() return a() end function c() return b() end x = c()\n");
            assertThat(shallow.memory.allocations).allSatisfy(block -> assertThat(block.chain().depth()).isLessThanOrEqualTo(5));
        }
    }

    /** nodemcu-firmware dev-esp32 tmr.c:223-233 (create: only the userdata) and :97-101 (register: xTimerCreate). */
    @Test
    void aTimerChargesItsUserdataAtCreateAndItsFreeRtosTimerAtRegister() {
        int before = board.memory.allocations.size();
        board.type("t = tmr.create()\n");
        List<CountingBoardMemory.Block> made = List.copyOf(board.memory.allocations.subList(before,
                board.memory.allocations.size()));
        assertThat(made).anyMatch(b -> b.sizeBytes() == LuaSizes.UDATA_HEADER + 20);
        assertThat(made).noneMatch(b -> function(b, 0).equals("xTimerCreate"));
        int registered = board.memory.allocations.size();
        board.type("t:register(100, tmr.ALARM_AUTO, function() end)\n");
        assertThat(board.memory.allocations.subList(registered, board.memory.allocations.size()))
                .anyMatch(b -> function(b, 0).equals("xTimerCreate") && function(b, 1).equals("tmr_register"));
    }

    private String function(CountingBoardMemory.Block block, int frame) {
        return board.board.symbols().resolve(block.chain().frame(frame)).orElseThrow().function();
    }

    private Symbol firstLuaFrame(CountingBoardMemory.Block block) {
        for (int i = 0; i < block.chain().depth(); i++) {
            if ((block.chain().frame(i) & 0xff000000) == SimulatorSymbols.LUA_FRAME_BASE) {
                return board.board.symbols().resolve(block.chain().frame(i)).orElseThrow();
            }
        }
        return new Symbol(0, "none", null, 0);
    }

    private int indexOf(CountingBoardMemory.Block block, Symbol symbol) {
        for (int i = 0; i < block.chain().depth(); i++) {
            if (block.chain().frame(i) == symbol.address()) {
                return i;
            }
        }
        return -1;
    }
}
