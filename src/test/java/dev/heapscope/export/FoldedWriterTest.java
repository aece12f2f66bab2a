package dev.heapscope.export;

import dev.heapscope.analysis.CallTree;
import dev.heapscope.analysis.FoldedImport;
import dev.heapscope.analysis.FoldedStacksReader;
import dev.heapscope.analysis.FrameNamer;
import dev.heapscope.analysis.TestRecords;
import dev.heapscope.analysis.Weight;
import dev.heapscope.model.Record;
import dev.heapscope.model.Symbol;
import dev.heapscope.symbols.SymbolTable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FoldedWriterTest {

    private static List<Record> records() {
        return List.of(
                TestRecords.live(208, 0x3ffb0000, 0x400d276d, 0x400d1111),
                TestRecords.live(16, 0x3ffb0100, 0x400d1111),
                TestRecords.live(8, 0x3ffb0200, 0x400d276d, 0x400d1111),
                TestRecords.live(3, 0x3ffb0300));
    }

    @Test
    void writesOneLinePerStackOutermostFirstInNameOrder() {
        SymbolTable symbols = new SymbolTable();
        symbols.add(new Symbol(0x400d276d, "leak_some_memory", "main/blink.c", 27));
        CallTree tree = CallTree.of(records(), Weight.BYTES, new FrameNamer(symbols));

        assertThat(FoldedWriter.toText(tree)).isEqualTo("""
                0x400d1111 16
                0x400d1111;leak_some_memory (blink.c:27) 216
                [no caller] 3
                """);
    }

    @Test
    void recordsToFoldedAndBackGiveTheSameTree() {
        CallTree tree = CallTree.of(records(), Weight.COUNT, FrameNamer.hexOnly());

        FoldedImport back = FoldedStacksReader.read(FoldedWriter.toText(tree), Weight.COUNT);

        assertThat(back.problems()).isEmpty();
        assertThat(back.tree()).isEqualTo(tree);
    }

    @Test
    void anEmptyTreeWritesNothing() {
        assertThat(FoldedWriter.toText(new CallTree.Builder(Weight.BYTES).build())).isEmpty();
    }
}
