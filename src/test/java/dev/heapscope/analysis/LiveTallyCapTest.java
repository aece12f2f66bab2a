package dev.heapscope.analysis;

import dev.heapscope.export.FoldedWriter;
import dev.heapscope.model.CallChain;
import dev.heapscope.model.Record;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A tally keeps rows for its first chains only; the live records of later new chains are counted, not lost. */
class LiveTallyCapTest {

    @Test
    void recordsOfChainsPastTheCapAreCountedInTheTotalsAndTheTree() {
        LiveTally tally = new LiveTally(false, 2);
        tally.add(TestRecords.live(10, 0x3ffb0000, 0x400d0000));
        tally.add(TestRecords.live(20, 0x3ffb0000, 0x400d0100));
        tally.add(TestRecords.live(30, 0x3ffb0000, 0x400d0200)); // a third chain: past the cap
        tally.add(TestRecords.live(40, 0x3ffb0000, 0x400d0300));
        tally.add(TestRecords.live(5, 0x3ffb0000, 0x400d0000)); // a known chain still counts in its row

        LeakTable table = tally.leakTable();
        assertThat(table.chainCount()).isEqualTo(2);
        assertThat(table.totalBytes()).isEqualTo(105);
        assertThat(table.totalCount()).isEqualTo(5);
        assertThat(table.leftOut()).isEqualTo(new LeakTable.LeftOut(2, 70));
        assertThat(table.rows()).extracting(LeakRow::totalBytes).containsExactly(20L, 15L);

        CallTree tree = tally.callTree(Weight.BYTES, FrameNamer.hexOnly());
        assertThat(tree.totalValue()).isEqualTo(105);
        assertThat(FoldedWriter.toText(tree)).isEqualTo("""
                0x400d0000 15
                0x400d0100 20
                [stacks past the limit, merged] 70
                """);
    }

    @Test
    void equalChainsThatAreNotSharedFallIntoOneRow() {
        // past the parser's interning cap a chain is handed out unshared: equal records must still group
        LiveTally tally = new LiveTally(false, 10);
        for (int i = 0; i < 3; i++) {
            tally.add(TestRecords.live(8, 0x3ffb0000, 0x400d1000, 0x400d2000)); // a new CallChain object each time
        }
        assertThat(tally.leakTable().rows()).singleElement().satisfies(row -> {
            assertThat(row.count()).isEqualTo(3);
            assertThat(row.chain()).isEqualTo(CallChain.of(0x400d1000, 0x400d2000));
        });
    }

    @Test
    void underTheCapTheTallyIsTheLeakTableOfItsRecords() {
        List<Record> records = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            records.add(TestRecords.live(4 + i % 7, 0x400d0000 + 4 * (i % 9)));
        }
        LiveTally tally = new LiveTally(false, 9);
        records.forEach(tally::add);
        LeakTable tallied = tally.leakTable();
        LeakTable whole = LeakTable.of(records);
        assertThat(tallied.leftOut()).isEqualTo(new LeakTable.LeftOut(0, 0));
        assertThat(tallied.rows()).extracting(LeakRow::chain, LeakRow::count, LeakRow::totalBytes)
                .isEqualTo(whole.rows().stream().map(row -> org.assertj.core.groups.Tuple.tuple(row.chain(), row.count(),
                        row.totalBytes())).toList());
    }
}
