package dev.heapscope.cli;

import dev.heapscope.analysis.FrameNamer;
import dev.heapscope.model.CallChain;
import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A chain on the terminal shows its innermost frames and says how many more there are. */
class TextChainCapTest {

    @Test
    void aDeepChainShowsItsInnermostFramesAndACount() {
        CallChain deep = CallChain.of(IntStream.range(0, 1000).map(i -> 0x400d0000 + 4 * i).toArray());
        String text = TextReport.describe(deep, FrameNamer.hexOnly());
        assertThat(text).startsWith("0x400d0000 <- 0x400d0004 <- ")
                .endsWith("0x400d00fc <- ... 936 more frame(s)");
        assertThat(text.split(" <- ")).hasSize(TextReport.MAX_TEXT_FRAMES + 1);
    }

    @Test
    void aChainUpToTheCapIsShownWhole() {
        CallChain chain = CallChain.of(IntStream.range(0, 64).map(i -> 0x400d0000 + 4 * i).toArray());
        assertThat(TextReport.describe(chain, FrameNamer.hexOnly())).doesNotContain("more").endsWith("0x400d00fc");
    }
}
