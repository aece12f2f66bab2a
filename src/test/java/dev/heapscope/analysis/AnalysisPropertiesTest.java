package dev.heapscope.analysis;

import dev.heapscope.model.CallChain;
import dev.heapscope.model.Record;
import dev.heapscope.model.Region;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AnalysisPropertiesTest {

    @Provide
    static Arbitrary<List<Record>> records() {
        Arbitrary<CallChain> chains = Arbitraries.of(0x400d1000, 0x400d2000, 0x400d3000, 0x400e0000, 0)
                .list().ofMaxSize(5).map(frames -> CallChain.of(frames.stream().mapToInt(Integer::intValue).toArray()));
        Arbitrary<Record> record = Combinators.combine(
                Arbitraries.integers().between(0, 100_000),
                Arbitraries.integers().between(0x3ffb0000, 0x3ffb0040),
                Arbitraries.of(Region.INTERNAL, Region.PSRAM).injectNull(0.3),
                Arbitraries.integers().between(0, 1),
                Arbitraries.integers(),
                chains,
                Arbitraries.of(true, false)
        ).as((size, address, region, cpu, ccount, chain, freed) -> new Record(size, address, region, cpu,
                ccount & ~3, chain, freed, freed ? CallChain.of(0x400d9000) : CallChain.EMPTY, 0));
        return record.list().ofMaxSize(60);
    }

    @Property(tries = 300)
    void leakTableTotalsAreTheLiveRecordsAndRowsAreSorted(@ForAll("records") List<Record> records) {
        LeakTable table = LeakTable.of(records);

        List<Record> live = records.stream().filter(r -> !r.freed()).toList();
        assertThat(table.totalCount()).isEqualTo(live.size());
        assertThat(table.totalBytes()).isEqualTo(live.stream().mapToLong(Record::sizeBytes).sum());
        assertThat(table.rows()).isSortedAccordingTo(LeakTable.ORDER);
        assertThat(table.rows()).allSatisfy(row -> {
            assertThat(row.records()).hasSize(row.count()).allMatch(r -> r.caller().equals(row.chain()));
            assertThat(row.minSizeBytes()).isLessThanOrEqualTo(row.maxSizeBytes());
            assertThat(row.firstSeen().index()).isLessThanOrEqualTo(row.lastSeen().index());
        });
    }

    @Property(tries = 300)
    void callTreeTotalsAreConsistent(@ForAll("records") List<Record> records) {
        for (Weight weight : Weight.values()) {
            CallTree tree = CallTree.of(records, weight, FrameNamer.hexOnly());

            assertThat(tree.totalValue()).isEqualTo(records.stream().mapToLong(weight::of).sum());
            for (int node = 0; node < tree.nodeCount(); node++) {
                long children = 0;
                for (int child : tree.children(node)) {
                    children += tree.total(child);
                    assertThat(tree.parent(child)).isEqualTo(node);
                    assertThat(tree.depth(child)).isEqualTo(tree.depth(node) + 1);
                }
                assertThat(tree.total(node)).isEqualTo(tree.self(node) + children);
            }
        }
    }

    @Property(tries = 300)
    void diffCountsAddUp(@ForAll("records") List<Record> before, @ForAll("records") List<Record> after) {
        List<Record> afterWithSurvivors = new ArrayList<>(after);
        afterWithSurvivors.addAll(before.subList(0, before.size() / 2));
        DumpDiff diff = DumpDiff.between(before, afterWithSurvivors);

        assertThat(diff.rows().stream().mapToLong(DiffRow::byteDelta).sum()).isEqualTo(diff.byteDelta());
        assertThat(diff.survivors().size() + diff.appeared().size()).isEqualTo(diff.afterCount());
        assertThat(diff.survivors().size() + diff.disappeared().size()).isEqualTo(diff.beforeCount());
        assertThat(diff.rows()).allSatisfy(row -> {
            assertThat(row.survivors()).isLessThanOrEqualTo(Math.min(row.beforeCount(), row.afterCount()));
            assertThat(row.status() == DiffStatus.UNCHANGED).isEqualTo(row.byteDelta() == 0 && row.countDelta() == 0);
        });
    }

    @Property(tries = 200)
    void aDumpComparedWithItselfIsUnchangedAndAllSurvive(@ForAll("records") List<Record> records) {
        DumpDiff diff = DumpDiff.between(records, records);

        assertThat(diff.rows()).allMatch(row -> row.status() == DiffStatus.UNCHANGED);
        assertThat(diff.survivors()).hasSize(diff.afterCount());
        assertThat(diff.appeared()).isEmpty();
        assertThat(diff.disappeared()).isEmpty();
    }

    @Property(tries = 300)
    void foldedReaderNeverThrowsOnAnyText(@ForAll String text) {
        FoldedImport result = FoldedStacksReader.read(text, Weight.BYTES);

        assertThat(result.tree().totalValue()).isNotNegative();
        assertThat(result.stackLines() + result.problems().size()).isLessThanOrEqualTo(text.split("\n", -1).length + 1);
    }

    @Property(tries = 200)
    void ccountClockGivesOneEstimateCongruentToEachCcount(@ForAll("records") List<Record> first,
                                                          @ForAll("records") List<Record> second) {
        List<TimedRecord> timed = new CcountClock(160).estimate(List.of(
                TestRecords.dump(0, 1_000_000, first), TestRecords.dump(1, -1, second),
                TestRecords.dump(2, 1_030_000, first)));

        assertThat(timed).hasSize(2 * first.size() + second.size());
        assertThat(timed).allSatisfy(t ->
                assertThat(t.unwrappedCycles() & 0xFFFF_FFFFL).isEqualTo(t.record().ccountUnsigned()));
        assertThat(timed.subList(0, first.size())).allSatisfy(t ->
                assertThat(t.estimatedHostMillis()).isLessThanOrEqualTo(1_000_000.0));
    }
}
