package dev.heapscope.analysis;

import dev.heapscope.model.CallChain;
import dev.heapscope.model.Record;
import dev.heapscope.model.Region;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.heapscope.analysis.TestRecords.at;
import static dev.heapscope.analysis.TestRecords.freed;
import static dev.heapscope.analysis.TestRecords.in;
import static dev.heapscope.analysis.TestRecords.live;
import static org.assertj.core.api.Assertions.assertThat;

class LeakTableTest {
    private static final int A = 0x400d1000;
    private static final int B = 0x400d2000;
    private static final int C = 0x400d3000;

    @Test
    void liveRecordsAreGroupedByChainWithCountsSizesAndSightings() {
        List<Record> records = List.of(
                at(live(100, 0x3ffb0000, A, B), 0, 0x100),
                at(live(40, 0x3ffb1000, C), 1, 0x200),
                at(live(20, 0x3ffb2000, A, B), 1, 0x300),
                at(live(60, 0x3ffb3000, A, B), 0, 0x400));

        LeakTable table = LeakTable.of(TestRecords.dump(records));

        assertThat(table.chainCount()).isEqualTo(2);
        LeakRow top = table.rows().get(0);
        assertThat(top.chain()).isEqualTo(CallChain.of(A, B));
        assertThat(top.count()).isEqualTo(3);
        assertThat(top.totalBytes()).isEqualTo(180);
        assertThat(top.minSizeBytes()).isEqualTo(20);
        assertThat(top.maxSizeBytes()).isEqualTo(100);
        assertThat(top.averageSizeBytes()).isEqualTo(60.0);
        assertThat(top.firstSeen()).isEqualTo(new Sighting(0, 0, 0x100));
        assertThat(top.lastSeen()).isEqualTo(new Sighting(3, 0, 0x400));
        assertThat(top.records()).containsExactly(records.get(0), records.get(2), records.get(3));
        assertThat(top.regions()).isEqualTo(RegionMix.INTERNAL);
        assertThat(table.totalBytes()).isEqualTo(220);
        assertThat(table.totalCount()).isEqualTo(4);
    }

    @Test
    void freedRecordsAreLeftOutButKeepTheirPositions() {
        List<Record> records = List.of(freed(500, 1, A), live(8, 2, A), freed(9, 3, B));

        LeakTable table = LeakTable.of(records);

        assertThat(table.rows()).hasSize(1);
        assertThat(table.rows().get(0).totalBytes()).isEqualTo(8);
        assertThat(table.rows().get(0).firstSeen().index()).isEqualTo(1);
        assertThat(table.totalBytes()).isEqualTo(8);
    }

    @Test
    void rowsAreSortedByBytesThenCountThenChain() {
        List<Record> records = List.of(
                live(10, 1, C), live(10, 2, C),
                live(20, 3, B),
                live(20, 4, A),
                live(50, 5, 0x400d0500));

        List<LeakRow> rows = LeakTable.of(records).rows();

        assertThat(rows).extracting(LeakRow::chain).containsExactly(
                CallChain.of(0x400d0500), CallChain.of(C), CallChain.of(A), CallChain.of(B));
    }

    @Test
    void regionsAreReportedAsOneKindUnknownOrMixed() {
        List<Record> records = List.of(
                in(live(1, 1, A), Region.PSRAM), in(live(1, 2, A), Region.PSRAM),
                in(live(1, 3, B), null),
                in(live(1, 4, C), Region.PSRAM), in(live(1, 5, C), Region.INTERNAL));

        assertThat(LeakTable.of(records).rows()).extracting(LeakRow::regions)
                .containsExactly(RegionMix.PSRAM, RegionMix.MIXED, RegionMix.UNKNOWN);
    }

    @Test
    void anEmptyDumpGivesAnEmptyTable() {
        LeakTable table = LeakTable.of(List.of());
        assertThat(table.rows()).isEmpty();
        assertThat(table.totalBytes()).isZero();
    }
}
