package dev.heapscope.analysis;

import dev.heapscope.model.Symbol;
import dev.heapscope.symbols.SymbolTable;
import dev.heapscope.symbols.Symbolizer;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class FrameNamerTest {

    @Test
    void knownAddressesShowTheirFrameLabelAndUnknownOnesHex() {
        SymbolTable table = new SymbolTable();
        table.add(new Symbol(0x400d276d, "leak_some_memory", "/src/main/blink.c", 27));
        FrameNamer namer = new FrameNamer(table);

        assertThat(namer.name(0x400d276d)).isEqualTo("leak_some_memory (blink.c:27)");
        assertThat(namer.name(0x400d0001)).isEqualTo("0x400d0001");
    }

    @Test
    void labelsNeverContainSemicolonsOrLineBreaks() {
        Symbolizer nasty = address -> Optional.of(new Symbol(address, " a;b\nc\r\td ", null, 0));
        String label = new FrameNamer(nasty).name(1);

        assertThat(label).isEqualTo("a,b c  d").doesNotContain(";", "\n", "\r");
    }

    @Test
    void blankFunctionNamesFallBackToHex() {
        Symbolizer blank = address -> Optional.of(new Symbol(address, "  ", null, 0));
        assertThat(new FrameNamer(blank).name(0x400d0010)).isEqualTo("0x400d0010");
    }

    @Test
    void eachAddressIsResolvedOnlyOnce() {
        AtomicInteger lookups = new AtomicInteger();
        Symbolizer counting = address -> {
            lookups.incrementAndGet();
            return Optional.empty();
        };
        FrameNamer namer = new FrameNamer(counting);
        namer.name(5);
        namer.name(5);
        namer.name(6);

        assertThat(lookups).hasValue(2);
    }

    @Test
    void sanitizingEmptyTextGivesAQuestionMark() {
        assertThat(FrameNamer.sanitize("")).isEqualTo("?");
        assertThat(FrameNamer.sanitize(";")).isEqualTo(",");
        assertThat(FrameNamer.sanitize(null)).isEqualTo("?");
        assertThat(FrameNamer.sanitize(" #frame")).isEqualTo("_#frame");
    }
}
