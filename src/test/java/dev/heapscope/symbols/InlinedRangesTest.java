package dev.heapscope.symbols;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InlinedRangesTest {

    @Test
    void theInnermostOfNestedRangesNamesTheAddress() {
        InlinedRanges ranges = InlinedRanges.of(List.of(
                new InlinedRanges.Range(0x1000, 0x1040, 0, "mix"),
                new InlinedRanges.Range(0x1010, 0x1020, 1, "clamp"),
                new InlinedRanges.Range(0x1030, 0x1040, 1, "clamp"),
                new InlinedRanges.Range(0x1080, 0x1090, 0, "mix")));
        assertThat(ranges.innermostAt(0x0fff)).isNull();
        assertThat(ranges.innermostAt(0x1000)).isEqualTo("mix");
        assertThat(ranges.innermostAt(0x1010)).isEqualTo("clamp");
        assertThat(ranges.innermostAt(0x101f)).isEqualTo("clamp");
        assertThat(ranges.innermostAt(0x1020)).as("back in the enclosing range").isEqualTo("mix");
        assertThat(ranges.innermostAt(0x1035)).as("an inner range that ends with its outer one").isEqualTo("clamp");
        assertThat(ranges.innermostAt(0x1040)).isNull();
        assertThat(ranges.innermostAt(0x1085)).isEqualTo("mix");
        assertThat(ranges.innermostAt(0x1090)).isNull();
    }

    @Test
    void rangesAtTheSameStartPutTheDeeperOneInside() {
        InlinedRanges ranges = InlinedRanges.of(List.of(
                new InlinedRanges.Range(0x2000, 0x2008, 1, "inner"),
                new InlinedRanges.Range(0x2000, 0x2020, 0, "outer")));
        assertThat(ranges.innermostAt(0x2004)).isEqualTo("inner");
        assertThat(ranges.innermostAt(0x2008)).isEqualTo("outer");
    }

    @Test
    void emptyAndDiscardedRangesAreIgnored() {
        InlinedRanges ranges = InlinedRanges.of(List.of(
                new InlinedRanges.Range(0, 0x40, 0, "garbage-collected"),
                new InlinedRanges.Range(0x3000, 0x3000, 0, "empty")));
        assertThat(ranges.segmentCount()).isZero();
        assertThat(ranges.innermostAt(0x10)).isNull();
        assertThat(ranges.innermostAt(0x3000)).isNull();
    }

    @Test
    void addressesAboveTwoGigabytesSortUnsigned() {
        InlinedRanges ranges = InlinedRanges.of(List.of(
                new InlinedRanges.Range(0x4200_0000L, 0x4200_0010L, 0, "low"),
                new InlinedRanges.Range(0x8000_0010L, 0x8000_0020L, 0, "high")));
        assertThat(ranges.innermostAt(0x4200_0004)).isEqualTo("low");
        assertThat(ranges.innermostAt(0x8000_0014)).isEqualTo("high");
        assertThat(ranges.innermostAt(0x8000_0000)).isNull();
    }
}
