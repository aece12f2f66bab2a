package dev.heapscope.analysis;

import dev.heapscope.model.Symbol;
import dev.heapscope.symbols.Symbolizer;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The namer's cache stays under its cap however many distinct addresses pass, and names stay the same. */
class FrameNamerCacheTest {

    @Test
    void aFullCacheStartsOverWithoutChangingAName() {
        Symbolizer evenNamed = address -> address % 8 == 0
                ? Optional.of(new Symbol(address, "f_" + Integer.toHexString(address), null, 0)) : Optional.empty();
        FrameNamer capped = new FrameNamer(evenNamed, 100);
        FrameNamer open = new FrameNamer(evenNamed);
        for (int i = 0; i < 10_000; i++) {
            int address = 0x400d0000 + 4 * (i % 3_000);
            assertThat(capped.name(address)).isEqualTo(open.name(address));
            assertThat(capped.cached()).isLessThanOrEqualTo(100);
        }
        assertThat(open.cached()).isEqualTo(3_000);
    }
}
