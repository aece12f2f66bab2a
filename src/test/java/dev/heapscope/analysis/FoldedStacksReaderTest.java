package dev.heapscope.analysis;

import dev.heapscope.model.ParseWarning;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FoldedStacksReaderTest {

    @Test
    void readsStacksAndAddsUpEqualOnes() {
        FoldedImport result = FoldedStacksReader.read("main;app;leak 208\nmain;app 16\nmain;app;leak 2\n",
                Weight.BYTES);
        CallTree tree = result.tree();

        assertThat(result.problems()).isEmpty();
        assertThat(result.stackLines()).isEqualTo(3);
        assertThat(tree.totalValue()).isEqualTo(226);
        assertThat(tree.self(tree.find(List.of("main", "app", "leak")))).isEqualTo(210);
        assertThat(tree.self(tree.find(List.of("main", "app")))).isEqualTo(16);
    }

    @Test
    void toleratesBlankLinesCommentsCrlfTabsAndSpacesInNames() {
        String text = "# exported by someone\r\n\r\nmain;leak_some_memory (blink.c:27) 5\r\n  main\t7  \r\n";
        FoldedImport result = FoldedStacksReader.read(text, Weight.COUNT);

        assertThat(result.problems()).isEmpty();
        assertThat(result.tree().self(result.tree().find(List.of("main", "leak_some_memory (blink.c:27)"))))
                .isEqualTo(5);
        assertThat(result.tree().self(result.tree().find(List.of("main")))).isEqualTo(7);
        assertThat(result.stackLines()).isEqualTo(2);
    }

    @Test
    void badLinesAreReportedWithTheirNumbersAndSkipped() {
        String text = String.join("\n",
                "good;stack 3",
                "no_value_here",
                "a;b x12",
                "a;;b 4",
                "a;b -5",
                "a;b 1.5",
                "a 99999999999999999999",
                "fine 1");
        FoldedImport result = FoldedStacksReader.read(text, Weight.BYTES);

        assertThat(result.problems()).extracting(ParseWarning::lineNumber).containsExactly(2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(result.problems().get(1).message()).contains("x12");
        assertThat(result.tree().totalValue()).isEqualTo(4);
        assertThat(result.stackLines()).isEqualTo(2);
    }

    @Test
    void aTotalThatWouldOverflowIsReportedNotThrown() {
        FoldedImport result = FoldedStacksReader.read("a " + Long.MAX_VALUE + "\nb 1\n", Weight.BYTES);

        assertThat(result.problems()).extracting(ParseWarning::lineNumber).containsExactly(2L);
        assertThat(result.tree().totalValue()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void emptyInputGivesAnEmptyTree() {
        FoldedImport result = FoldedStacksReader.read("", Weight.BYTES);
        assertThat(result.tree().nodeCount()).isEqualTo(1);
        assertThat(result.tree().totalValue()).isZero();
        assertThat(result.problems()).isEmpty();
    }
}
