package dev.heapscope.ui.common;

import org.junit.jupiter.api.Test;

import java.util.function.ToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;

class MiddleEllipsisTest {
    private static final ToDoubleFunction<String> CHARACTERS = String::length;
    private static final String FRAME = "Registry.lookup (cache-never-evicts.lua:42)";

    @Test
    void textThatFitsIsLeftAlone() {
        assertThat(MiddleEllipsis.fit(FRAME, FRAME.length(), CHARACTERS)).isEqualTo(FRAME);
        assertThat(MiddleEllipsis.fit("", 0, CHARACTERS)).isEmpty();
    }

    @Test
    void theMiddleGoesAndTheLineStays() {
        String fitted = MiddleEllipsis.fit(FRAME, 36, CHARACTERS);
        assertThat(fitted).isEqualTo("Registry.lookup (c…er-evicts.lua:42)").hasSize(36);
    }

    @Test
    void aNarrowColumnStillShowsTheLine() {
        assertThat(MiddleEllipsis.fit(FRAME, 12, CHARACTERS)).isEqualTo("Regist…a:42)").endsWith(":42)");
        assertThat(MiddleEllipsis.fit(FRAME, 5, CHARACTERS)).isEqualTo("…:42)");
        assertThat(MiddleEllipsis.fit(FRAME, 2, CHARACTERS)).as("the line even when nothing fits").isEqualTo("…:42)");
    }

    @Test
    void withoutALineBothEndsShareTheRoom() {
        assertThat(MiddleEllipsis.fit("0x400d1234 0x400d5678", 9, CHARACTERS)).isEqualTo("0x40…5678");
    }

    @Test
    void widthIsMeasuredNotCounted() {
        // wide letters (W) cost three units: fewer characters fit than the width in units
        ToDoubleFunction<String> wideW = s -> s.chars().map(c -> c == 'W' ? 3 : 1).sum();
        String fitted = MiddleEllipsis.fit("WWWWWWWWWW (a.lua:7)", 16, wideW);
        assertThat(wideW.applyAsDouble(fitted)).isLessThanOrEqualTo(16);
        assertThat(fitted).isEqualTo("WWWW…:7)");
    }
}
