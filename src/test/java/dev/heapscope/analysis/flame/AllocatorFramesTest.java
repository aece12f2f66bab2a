package dev.heapscope.analysis.flame;

import dev.heapscope.analysis.CallTree;
import dev.heapscope.analysis.FrameNamer;
import dev.heapscope.analysis.Weight;
import dev.heapscope.model.CallChain;
import dev.heapscope.model.Record;
import dev.heapscope.model.Region;
import dev.heapscope.model.Symbol;
import dev.heapscope.symbols.SymbolTable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AllocatorFramesTest {
    private static final SymbolTable NAMES = new SymbolTable();

    static {
        NAMES.add(new Symbol(0x400d1000, "heap_caps_malloc", "heap_caps.c", 84));
        NAMES.add(new Symbol(0x400d1100, "malloc", "heap.c", 24));
        NAMES.add(new Symbol(0x400d2000, "leak_some_memory", "blink.c", 27));
        NAMES.add(new Symbol(0x400d3000, "app_main", "main.c", 9));
    }

    private static Record record(int size, int... chain) {
        return new Record(size, 0x3ffb0000 + size, Region.INTERNAL, 0, 0, CallChain.of(chain), false, CallChain.EMPTY, 0);
    }

    @Test
    void thePlumbingAtTheInnermostEndIsLeftOut() {
        CallTree tree = AllocatorFrames.foldedTree(List.of(record(32, 0x400d1000, 0x400d1100, 0x400d2000, 0x400d3000)),
                Weight.BYTES, new FrameNamer(NAMES));
        assertThat(tree.find(List.of("app_main (main.c:9)", "leak_some_memory (blink.c:27)"))).isPositive();
        assertThat(tree.nodeCount()).isEqualTo(3); // root, app_main, leak_some_memory
        assertThat(tree.totalValue()).isEqualTo(32);
    }

    @Test
    void aChainOfNothingButPlumbingKeepsItsOutermostFrameAndEmptyChainsStayVisible() {
        CallTree tree = AllocatorFrames.foldedTree(List.of(record(8, 0x400d1000, 0x400d1100), record(4)),
                Weight.BYTES, new FrameNamer(NAMES));
        assertThat(tree.find(List.of("malloc (heap.c:24)"))).isPositive();
        assertThat(tree.find(List.of(CallTree.NO_CALLER))).isPositive();
        assertThat(tree.totalValue()).isEqualTo(12);
    }

    @Test
    void namesAreMatchedWithoutTheirLocation() {
        assertThat(AllocatorFrames.isPlumbing("l_alloc (lauxlib.c)")).isTrue();
        assertThat(AllocatorFrames.isPlumbing("luaM_realloc_ (lmem.c)")).isTrue();
        assertThat(AllocatorFrames.isPlumbing("luaH_new (ltable.c)")).isFalse();
        assertThat(AllocatorFrames.isPlumbing("malloc_wrapper (app.c:3)")).isFalse();
    }
}
