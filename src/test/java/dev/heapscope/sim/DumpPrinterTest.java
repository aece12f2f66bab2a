package dev.heapscope.sim;

import dev.heapscope.model.CallChain;
import dev.heapscope.model.Dialect;
import dev.heapscope.model.Record;
import dev.heapscope.model.Region;
import dev.heapscope.model.TraceMode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class DumpPrinterTest {

    private static Record alive(int size, int address, Region region, int cpu, int ccount, int... caller) {
        return new Record(size, address, region, cpu, ccount, CallChain.of(caller), false, CallChain.EMPTY, 0);
    }

    private static Record freed(Record record, int... freedBy) {
        return record.withFreedBy(CallChain.of(freedBy));
    }

    private static String sample(String name) throws IOException {
        try (InputStream in = DumpPrinterTest.class.getResourceAsStream("/logs/shared/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    @Test
    void dialectBReproducesTheAllModePsramOverflowSampleByteForByte() throws IOException {
        List<Record> records = List.of(
                freed(alive(64, 0x3ffb2a10, Region.INTERNAL, 0, 0x11223344, 0x400d1234, 0x400d5678, 0x400d9abc),
                        0x400d2000, 0x400d5690),
                alive(4096, 0x3f800a24, Region.PSRAM, 1, 0x11230008, 0x400d1300, 0x400d5700, 0x400d9abc),
                freed(alive(24, 0x3ffb2a60, Region.INTERNAL, 0, 0x11240010, 0x400d1234, 0x400d5678), 0x400d2000),
                alive(131072, 0x3f810000, Region.PSRAM, 0, 0x11250ff4, 0x400d1400, 0x400d5800, 0x400d9c00));
        TraceSnapshot trace = new TraceSnapshot(TraceMode.ALL, 3, 4, 4, 4, 6, 2, true, records);

        // the sample was taken with CONFIG_HEAP_TRACE_HASH_MAP, which the simulator does not model
        String expected = sample("dialect-b-all-psram-overflow.log").replaceAll("hashmap: [^\r]*\r\n", "");
        assertThat(new DumpPrinter(Dialect.B).print(trace)).isEqualTo(expected);
    }

    @Test
    void dialectCReproducesTheFreedSuffixSampleByteForByte() throws IOException {
        List<Record> records = List.of(
                freed(alive(3, 0x3fcb26f8, Region.INTERNAL, 0, 0x1e7af728)),
                alive(48, 0x3fcb4ff0, Region.INTERNAL, 0, 0x1e7afc38),
                alive(100, 0x3fcb5040, Region.INTERNAL, 0, 0x1e7b0778, 0x42008a10, 0x42008b22));
        TraceSnapshot trace = new TraceSnapshot(TraceMode.ALL, 2, 3, 10, 3, 3, 1, false, records);

        assertThat(new DumpPrinter(Dialect.C).print(trace)).isEqualTo(sample("dialect-c-idf55-freed.log"));
    }

    @Test
    void dialectAReproducesTheLegacyLeaksSampleWithoutItsNoise() throws IOException {
        List<Record> records = List.of(
                alive(12, 0x3ffb5800, null, 0, 0xe877f00c, 0x400d3588, 0x400d395c),
                alive(128, 0x3ffb9a10, null, 1, 0x0342d1a8, 0x400e9e80, 0x400e9ef6, 0x400f0aec, 0x4008d908),
                alive(7, 0x3ffb9aa4, null, 0, 0xe87a1220, 0x400d4010));
        TraceSnapshot trace = new TraceSnapshot(TraceMode.LEAKS, 4, 3, 100, 3, 9, 10, true, records);

        String withoutNoise = sample("dialect-a-idf44-leaks.log").lines()
                .filter(line -> !line.isEmpty() && !line.startsWith("I (") && !line.matches("0x[0-9a-f]+: .*"))
                .map(line -> line + "\r\n")
                .collect(Collectors.joining());
        assertThat(new DumpPrinter(Dialect.A).print(trace)).isEqualTo(withoutNoise);
    }

    @Test
    void dialectAPrintsFreedByWithUnpaddedZeroSlotsInAllMode() {
        List<Record> records = List.of(
                freed(alive(32, 0x3ffaf214, null, 0, 0x2e9b7384, 0x400d276d), 0x400d2000),
                alive(8, 0x3ffaf804, null, 0, 0x2e9b79c0, 0x400d2776, 0x400d27c1));
        TraceSnapshot trace = new TraceSnapshot(TraceMode.ALL, 2, 2, 100, 2, 2, 1, false, records);

        assertThat(new DumpPrinter(Dialect.A).print(trace)).isEqualTo(""
                + "2 allocations trace (100 entry buffer)\r\n"
                + "32 bytes (@ 0x3ffaf214) allocated CPU 0 ccount 0x2e9b7384 caller 0x400d276d:\r\n"
                + "freed by 0x400d2000:0x0\r\n"
                + "8 bytes (@ 0x3ffaf804) allocated CPU 0 ccount 0x2e9b79c0 caller 0x400d2776:0x400d27c1\r\n"
                + "8 bytes alive in trace (1/2 allocations)\r\n"
                + "total allocations 2 total frees 1\r\n");
    }

    @Test
    void dialectsAAndBLeaveADanglingCallerWhenThereIsNoChain() {
        TraceSnapshot trace = new TraceSnapshot(TraceMode.LEAKS, 0, 1, 5, 1, 1, 0, false,
                List.of(alive(5, 0x3ffb0010, Region.INTERNAL, 0, 0x100)));

        assertThat(new DumpPrinter(Dialect.A).print(trace))
                .contains("5 bytes (@ 0x3ffb0010) allocated CPU 0 ccount 0x00000100 caller \r\n");
        assertThat(new DumpPrinter(Dialect.B).print(trace))
                .contains("     5 bytes (@ 0x3ffb0010, Internal) allocated CPU 0 ccount 0x00000100 caller \r\n");
        assertThat(new DumpPrinter(Dialect.C).print(trace))
                .contains("     5 bytes (@ 0x3ffb0010, Internal) allocated CPU 0 ccount 0x00000100\r\n");
    }

    @Test
    void dialectBPrintsAnEmptyDumpWithItsFullFrame() {
        TraceSnapshot trace = new TraceSnapshot(TraceMode.LEAKS, 8, 0, 200, 9, 0, 0, false, List.of());

        assertThat(new DumpPrinter(Dialect.B).print(trace)).isEqualTo(""
                + "====== Heap Trace: 0 records (200 capacity) ======\r\n"
                + "====== Heap Trace Summary ======\r\n"
                + "Mode: Heap Trace Leaks\r\n"
                + "0 bytes 'leaked' in trace (0 allocations)\r\n"
                + "records: 0 (200 capacity, 9 high water mark)\r\n"
                + "total allocations: 0\r\n"
                + "total frees: 0\r\n"
                + "================================\r\n");
    }

    @Test
    void dialectCPrintsFreedByLinesWithZeroSlotsLikeB() {
        TraceSnapshot trace = new TraceSnapshot(TraceMode.ALL, 3, 1, 10, 1, 1, 1, false,
                List.of(freed(alive(6, 0x3fc9f620, Region.INTERNAL, 0, 0x1a31ac84, 0x40376321, 0x40376379),
                        0x403839e4, 0x42008096)));

        assertThat(new DumpPrinter(Dialect.C).print(trace)).contains(""
                + "     6 bytes (@ 0x3fc9f620, Internal) allocated CPU 0 ccount 0x1a31ac84 caller 0x40376321:0x40376379:\r\n"
                + "freed by 0x403839e4:0x42008096:0x00000000\r\n"
                + "====== Heap Trace Summary ======\r\n"
                + "Mode: Heap Trace All\r\n"
                + "0 bytes alive in trace (0/1 allocations)\r\n");
    }

    @Test
    void dialectBCountsAFreedRecordWithoutFreeingChainAsAliveBecauseItCannotTellThem() {
        TraceSnapshot trace = new TraceSnapshot(TraceMode.ALL, 2, 1, 10, 1, 1, 1, false,
                List.of(freed(alive(10, 0x3ffb0010, Region.INTERNAL, 0, 0x40, 0x400d0001))));

        assertThat(new DumpPrinter(Dialect.B).print(trace))
                .contains("caller 0x400d0001:\r\n====== Heap Trace Summary")
                .contains("10 bytes alive in trace (1/1 allocations)");
        assertThat(new DumpPrinter(Dialect.C).print(trace))
                .contains("caller 0x400d0001: freed\r\n")
                .contains("0 bytes alive in trace (0/1 allocations)");
    }

    @Test
    void aCorruptListPrintsTheErrorAfterAnEmptyLine() {
        TraceSnapshot trace = new TraceSnapshot(TraceMode.LEAKS, 1, 3, 10, 3, 3, 0, false,
                List.of(alive(1, 0x3ffb0010, Region.INTERNAL, 0, 0x40, 0x400d0001)));

        assertThat(new DumpPrinter(Dialect.B).print(trace)).contains(""
                + "caller 0x400d0001\r\n"
                + "\r\n"
                + "Error: heap trace linked list is corrupt. expected more records.\r\n"
                + "====== Heap Trace Summary ======\r\n");
    }

    @Test
    void countersPrintAsUnsigned32BitValues() {
        TraceSnapshot trace = new TraceSnapshot(TraceMode.LEAKS, 2, 0, 10, 0, -1, -2, false, List.of());

        assertThat(new DumpPrinter(Dialect.B).print(trace))
                .contains("total allocations: 4294967295\r\n")
                .contains("total frees: 4294967294\r\n");
    }
}
