package dev.heapscope.export;

import dev.heapscope.analysis.CallTree;
import dev.heapscope.analysis.DumpDiff;
import dev.heapscope.analysis.FrameNamer;
import dev.heapscope.analysis.LeakRow;
import dev.heapscope.analysis.LeakTable;
import dev.heapscope.analysis.Weight;
import dev.heapscope.model.Dump;
import dev.heapscope.parse.LogParser;
import dev.heapscope.parse.ParsedLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Adding records up as they stream by gives what the whole dumps give, on seeded random logs. */
class StreamedLogTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1597, 2584, 4181, 6765, 10946})
    void streamingEqualsTheWholeDumpAnalysis(long seed) throws Exception {
        byte[] text = RandomLogs.of(new Random(seed)).getBytes(StandardCharsets.ISO_8859_1);
        ParsedLog whole = new LogParser().parse(new ByteArrayInputStream(text));
        StreamedLog streamed = StreamedLog.read(() -> new ByteArrayInputStream(text), false);

        assertThat(streamed.log().dumps()).hasSameSizeAs(whole.dumps());
        assertThat(streamed.log().lines()).isEqualTo(whole.lines());
        assertThat(streamed.log().symbols()).isEqualTo(whole.symbols());
        for (int i = 0; i < whole.dumps().size(); i++) {
            Dump expected = whole.dumps().get(i);
            Dump actual = streamed.log().dumps().get(i);
            assertThat(actual.records()).as("a streamed dump keeps no records").isEmpty();
            assertThat(actual).isEqualTo(withoutRecords(expected));
            assertThat(streamed.records(actual)).isEqualTo(expected.records().size());
            assertThat(streamed.live(actual)).isEqualTo(expected.liveRecords().size());
            assertThat(streamed.liveBytes(actual)).isEqualTo(expected.liveBytes());
        }
        if (whole.dumps().isEmpty()) {
            assertThat(streamed.shownDump()).isEmpty();
            return;
        }
        Dump shown = whole.lastCompleteDump().orElseThrow();
        assertThat(streamed.shownDump().orElseThrow().index()).isEqualTo(shown.index());
        assertSameRows(streamed.shownTally().leakTable(), LeakTable.of(shown));
        FrameNamer namer = FrameNamer.hexOnly();
        for (Weight weight : Weight.values()) {
            assertThat(streamed.shownTally().callTree(weight, namer))
                    .isEqualTo(CallTree.of(shown.liveRecords(), weight, namer));
        }
        List<Dump> complete = whole.dumps().stream().filter(Dump::complete).toList();
        if (complete.size() >= 2) {
            Dump before = complete.get(0);
            Dump after = complete.get(complete.size() - 1);
            DumpDiff expected = DumpDiff.between(before, after);
            DumpDiff actual = streamed.diff(streamed.log().dumps().get(before.index()),
                    streamed.log().dumps().get(after.index()));
            assertThat(actual.rows()).isEqualTo(expected.rows());
            assertThat(actual.survivors()).isEqualTo(expected.survivors());
            assertThat(actual.disappeared()).isEqualTo(expected.disappeared());
        }
    }

    @Test
    void aCutDumpAfterTheLastCompleteOneDoesNotReplaceItsTally() throws Exception {
        String text = "====== Heap Trace: 1 records (10 capacity) ======\n"
                + "    40 bytes (@ 0x3ffc8a30, Internal) allocated CPU 0 ccount 0x1c2f6a40 caller 0x400e1a2c:0x400e1d50\n"
                + "====== Heap Trace Summary ======\nMode: Heap Trace Leaks\n40 bytes 'leaked' in trace (1 allocations)\n"
                + "================================\n"
                + "====== Heap Trace: 2 records (10 capacity) ======\n"
                + "    99 bytes (@ 0x3ffc8b30, Internal) allocated CPU 0 ccount 0x1c2f6a44 caller 0x400e1a30\n";
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        StreamedLog streamed = StreamedLog.read(() -> new ByteArrayInputStream(bytes), false);
        assertThat(streamed.log().dumps()).hasSize(2);
        assertThat(streamed.shownDump().orElseThrow().index()).isZero();
        assertThat(streamed.shownTally().leakTable().totalBytes()).isEqualTo(40);
        assertThat(streamed.liveBytes(streamed.log().dumps().get(1))).isEqualTo(99);
    }

    private static void assertSameRows(LeakTable actual, LeakTable expected) {
        assertThat(actual.totalBytes()).isEqualTo(expected.totalBytes());
        assertThat(actual.totalCount()).isEqualTo(expected.totalCount());
        assertThat(actual.rows()).hasSameSizeAs(expected.rows());
        for (int i = 0; i < expected.rows().size(); i++) {
            LeakRow row = expected.rows().get(i);
            // the streamed rows keep no records; everything else is the same
            assertThat(actual.rows().get(i)).isEqualTo(new LeakRow(row.chain(), row.count(), row.totalBytes(),
                    row.minSizeBytes(), row.maxSizeBytes(), row.regions(), row.firstSeen(), row.lastSeen(), List.of()));
        }
    }

    private static Dump withoutRecords(Dump dump) {
        return new Dump(dump.index(), dump.dialect(), dump.complete(), dump.header(), List.of(), dump.summary(),
                dump.warnings(), dump.firstLine(), dump.lastLine(), dump.receivedAtMillis());
    }
}
