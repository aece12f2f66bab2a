package dev.heapscope.ui.common;

import dev.heapscope.model.CallChain;
import dev.heapscope.model.Symbol;
import dev.heapscope.symbols.SymbolTable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FrameLabelsTest {

    @Test
    void theTopLocationIsTheFullPathAndLineOfTheFrameShown() {
        SymbolTable names = new SymbolTable();
        names.add(new Symbol(0x400d1000, "l_alloc", "/nodemcu/lauxlib.c", 0));
        names.add(new Symbol(0x42000004, "leak", "app.lua", 3));
        names.add(new Symbol(0x400d2000, "leak_some_memory", "/idf/examples/blink/main/blink.c", 27));
        FrameLabels labels = new FrameLabels(names);
        assertThat(labels.topLocation(CallChain.of(0x400d1000, 0x42000004))).contains("app.lua:3");
        assertThat(labels.topFrame(CallChain.of(0x400d1000, 0x42000004))).isEqualTo("leak (app.lua:3)");
        assertThat(labels.topLocation(CallChain.of(0x400d2000))).contains("/idf/examples/blink/main/blink.c:27");
        assertThat(labels.topLocation(CallChain.of(0x400d9999))).isEmpty();
        assertThat(labels.topLocation(CallChain.EMPTY)).isEmpty();
    }
}
