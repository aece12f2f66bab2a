package dev.heapscope.ui.details;

import dev.heapscope.model.CallChain;
import dev.heapscope.model.HeldBy;
import dev.heapscope.model.Record;
import dev.heapscope.model.RetainingPath;
import dev.heapscope.model.Symbol;
import dev.heapscope.symbols.SymbolTable;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.heapscope.analysis.TestRecords.live;
import static org.assertj.core.api.Assertions.assertThat;

class ChainDetailsTest {
    private static final int LUA_INNER = 0x3f000010;
    private static final int LUA_OUTER = 0x3f000020;
    private static final int ALLOC = 0x40081000;

    private static SymbolTable names() {
        SymbolTable table = new SymbolTable();
        table.add(new Symbol(LUA_INNER, "remember", "cache.lua", 3));
        table.add(new Symbol(LUA_OUTER, "handle", "app.lua", 1));
        table.add(new Symbol(ALLOC, "l_alloc", "lauxlib.c", 1021));
        return table;
    }

    @Test
    void everyFrameWithAddressFileAndLineLuaFirstWithSourceAndHolders() {
        Record leaked = live(48, 0x3ffb1000, ALLOC, LUA_INNER, LUA_OUTER, 0x400d9999);
        HeldBy heldBy = record -> Optional.of(new RetainingPath(List.of("_G", ".cache", "[*]"), "_G.cache[1]"));
        String text = ChainDetails.describe("Leak row", leaked.caller(), List.of(leaked), names(), heldBy,
                file -> file.equals("cache.lua") ? Optional.of(List.of("local c = {}", "function remember(x)",
                        "  c[#c + 1] = x", "end", "", "", "return c")) : Optional.empty());
        assertThat(text).contains("4 frames (2 Lua, 2 firmware)");
        assertThat(text.indexOf("remember")).isLessThan(text.indexOf("l_alloc"));
        assertThat(text).contains("#1  remember  0x3f000010  cache.lua:3")
                .contains("#0  l_alloc  0x40081000  lauxlib.c:1021")
                .contains("#3  ?  0x400d9999")
                .contains(">   3 |   c[#c + 1] = x").contains("    1 | local c = {}").doesNotContain("return c")
                .contains("Held by:").contains("_G.cache[*]  (1 records, 48 bytes)");
    }

    @Test
    void aRealBoardsRecordsSayTheirHoldersAreNotKnownAndWhereToLook() {
        Record leaked = live(48, 0x3ffb1000, ALLOC, LUA_INNER);
        String text = ChainDetails.describe("Leak row", leaked.caller(), List.of(leaked), names(), HeldBy.UNKNOWN,
                file -> Optional.empty());
        assertThat(text).contains("Held by: not known" + System.lineSeparator()
                + "  A real board's heaptrace records carry no link to Lua").contains("(Retained by)");
        assertThat(text.substring(text.indexOf("Held by")).lines()).as("the pane does not wrap")
                .allMatch(line -> line.length() <= 60);
    }

    @Test
    void aFlameFramesPathFindsTheHeaviestChainUnderIt() {
        Record small = live(8, 0x1000, ALLOC, LUA_INNER, LUA_OUTER);
        Record big = live(100, 0x2000, LUA_OUTER);
        Record other = live(50, 0x3000, ALLOC, LUA_INNER, LUA_OUTER);
        List<Record> records = List.of(small, big, other);
        assertThat(ChainDetails.chainUnder(List.of("handle (app.lua:1)"), records, names()))
                .contains(CallChain.of(LUA_OUTER));
        assertThat(ChainDetails.chainUnder(List.of("handle (app.lua:1)", "remember (cache.lua:3)"), records, names()))
                .contains(small.caller());
        assertThat(ChainDetails.chainUnder(List.of("nowhere"), records, names())).isEmpty();
    }
}
