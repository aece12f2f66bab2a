package dev.heapscope.analysis;

import dev.heapscope.model.CallChain;
import dev.heapscope.model.Record;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.heapscope.analysis.TestRecords.at;
import static dev.heapscope.analysis.TestRecords.freed;
import static dev.heapscope.analysis.TestRecords.live;
import static org.assertj.core.api.Assertions.assertThat;

class DumpDiffTest {
    private static final int GROWS = 0x400d1000;
    private static final int SHRINKS = 0x400d2000;
    private static final int STEADY = 0x400d3000;
    private static final int VANISHES = 0x400d4000;
    private static final int APPEARS = 0x400d5000;

    @Test
    void eachChainGetsItsStatusAndDeltasSortedByByteChange() {
        Record kept = at(live(50, 0x3ffb0000, GROWS), 0, 0x100);
        Record steady = at(live(10, 0x3ffb0400, STEADY), 0, 0x400);
        List<Record> before = List.of(
                kept,
                at(live(300, 0x3ffb0100, SHRINKS), 0, 0x200),
                at(live(20, 0x3ffb0200, VANISHES), 1, 0x300),
                steady);
        List<Record> after = List.of(
                kept,
                steady,
                at(live(70, 0x3ffb0500, GROWS), 0, 0x500),
                at(live(100, 0x3ffb0600, SHRINKS), 0, 0x600),
                at(live(5, 0x3ffb0700, APPEARS), 1, 0x700),
                at(freed(999, 0x3ffb0800, APPEARS), 1, 0x800));

        DumpDiff diff = DumpDiff.between(TestRecords.dump(before), TestRecords.dump(after));

        assertThat(diff.rows()).extracting(row -> row.chain().frame(0), DiffRow::status, DiffRow::byteDelta)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(SHRINKS, DiffStatus.SHRUNK, -200L),
                        org.assertj.core.groups.Tuple.tuple(GROWS, DiffStatus.GROWN, 70L),
                        org.assertj.core.groups.Tuple.tuple(VANISHES, DiffStatus.GONE, -20L),
                        org.assertj.core.groups.Tuple.tuple(APPEARS, DiffStatus.NEW, 5L),
                        org.assertj.core.groups.Tuple.tuple(STEADY, DiffStatus.UNCHANGED, 0L));
        DiffRow grown = diff.rows().get(1);
        assertThat(grown.beforeCount()).isEqualTo(1);
        assertThat(grown.afterCount()).isEqualTo(2);
        assertThat(grown.countDelta()).isEqualTo(1);
        assertThat(grown.survivors()).isEqualTo(1);
        assertThat(diff.byteDelta()).isEqualTo(235 - 380);
        assertThat(diff.beforeBytes()).isEqualTo(380);
        assertThat(diff.afterBytes()).isEqualTo(235);
        assertThat(diff.countDelta()).isEqualTo(1);
    }

    @Test
    void survivorsAreTheSameAllocationNotJustTheSameChain() {
        Record persisted = at(live(32, 0x3ffb0000, GROWS), 0, 0x1000);
        Record reallocatedSameSpot = at(live(32, 0x3ffb0100, GROWS), 0, 0x2000);
        Record replacedOne = at(live(32, 0x3ffb0100, GROWS), 0, 0x9000);
        Record gone = at(live(64, 0x3ffb0200, GROWS), 1, 0x3000);
        Record fresh = at(live(16, 0x3ffb0300, GROWS), 1, 0x4000);

        DumpDiff diff = DumpDiff.between(List.of(persisted, reallocatedSameSpot, gone),
                List.of(persisted, replacedOne, fresh));

        assertThat(diff.survivors()).containsExactly(persisted);
        assertThat(diff.appeared()).containsExactly(replacedOne, fresh);
        assertThat(diff.disappeared()).containsExactly(reallocatedSameSpot, gone);
        assertThat(diff.rows()).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo(DiffStatus.SHRUNK);
            assertThat(row.survivors()).isEqualTo(1);
        });
    }

    @Test
    void aRecordFreedInTheAfterDumpIsGoneNotASurvivor() {
        Record block = at(live(40, 0x3ffb0000, STEADY), 0, 0x100);
        DumpDiff diff = DumpDiff.between(List.of(block), List.of(block.withFreedBy(CallChain.of(0x400d7777))));

        assertThat(diff.survivors()).isEmpty();
        assertThat(diff.disappeared()).containsExactly(block);
        assertThat(diff.rows()).singleElement().extracting(DiffRow::status).isEqualTo(DiffStatus.GONE);
    }

    @Test
    void duplicatedRecordsAreMatchedOneToOne() {
        Record twice = at(live(8, 0x3ffb0000, STEADY), 0, 0x100);

        DumpDiff diff = DumpDiff.between(List.of(twice, twice), List.of(twice));

        assertThat(diff.survivors()).hasSize(1);
        assertThat(diff.disappeared()).hasSize(1);
        assertThat(diff.rows().get(0).status()).isEqualTo(DiffStatus.SHRUNK);
    }

    @Test
    void sameBytesButMoreRecordsCountsAsGrown() {
        DumpDiff diff = DumpDiff.between(List.of(live(20, 1, STEADY)), List.of(live(10, 2, STEADY), live(10, 3, STEADY)));

        assertThat(diff.rows().get(0).status()).isEqualTo(DiffStatus.GROWN);
        assertThat(diff.rows().get(0).byteDelta()).isZero();
    }
}
