package dev.heapscope.parse;

import dev.heapscope.model.CallChain;
import dev.heapscope.model.Dialect;
import dev.heapscope.model.Dump;
import dev.heapscope.model.Record;
import dev.heapscope.model.Region;
import dev.heapscope.model.TraceMode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample logs in src/test/resources/logs/shared, read field by field. */
class SharedSamplesTest {

    @Test
    void nodemcuSessionHasTwoLeakDumpsInDialectB() {
        ParsedLog log = TestLogs.parseStrict("shared/nodemcu-session-idf51.log");
        assertThat(log.dumps()).hasSize(2);
        Dump before = log.dumps().get(0);
        Dump after = log.dumps().get(1);
        assertThat(before.dialect()).isEqualTo(Dialect.B);
        assertThat(before.complete()).isTrue();
        assertThat(before.header().records()).isEqualTo(1);
        assertThat(before.header().capacity()).isEqualTo(200);
        assertThat(before.summary().mode()).isEqualTo(TraceMode.LEAKS);
        assertThat(before.summary().bytes()).isEqualTo(40);
        assertThat(before.summary().totalAllocations()).isEqualTo(3);
        assertThat(before.summary().totalFrees()).isEqualTo(2);
        assertThat(before.warnings()).isEmpty();

        assertThat(after.records()).hasSize(6);
        assertThat(after.summary().bytes()).isEqualTo(1176);
        assertThat(after.summary().highWaterMark()).isEqualTo(9);
        assertThat(after.summary().recordsInBuffer()).isEqualTo(6);
        assertThat(after.warnings()).isEmpty();
        Record first = after.records().get(0);
        assertThat(first.sizeBytes()).isEqualTo(40);
        assertThat(first.address()).isEqualTo(0x3ffc8a30);
        assertThat(first.region()).isEqualTo(Region.INTERNAL);
        assertThat(first.cpu()).isZero();
        assertThat(first.ccount()).isEqualTo(0x1c2f6a40);
        assertThat(first.caller()).isEqualTo(CallChain.of(0x400e1a2c, 0x400e1d50, 0x400f3c12));
        assertThat(after.records().get(3).cpu()).isEqualTo(1);
        assertThat(after.records().get(5).sizeBytes()).isEqualTo(1024);
    }

    @Test
    void identicalChainsAreOneSharedInstance() {
        Dump after = TestLogs.parse("shared/nodemcu-session-idf51.log").dumps().get(1);
        assertThat(after.records().get(1).caller()).isSameAs(after.records().get(2).caller());
        assertThat(after.records().get(1).caller()).isSameAs(after.records().get(4).caller());
    }

    @Test
    void dialectAWithMonitorLinesTrailingColonsAndOverflow() {
        ParsedLog log = TestLogs.parseStrict("shared/dialect-a-idf44-leaks.log");
        assertThat(log.dumps()).hasSize(1);
        Dump dump = log.dumps().get(0);
        assertThat(dump.dialect()).isEqualTo(Dialect.A);
        assertThat(dump.complete()).isTrue();
        assertThat(dump.records()).hasSize(3);
        assertThat(dump.records().get(0).caller()).isEqualTo(CallChain.of(0x400d3588, 0x400d395c));
        assertThat(dump.records().get(0).region()).isNull();
        assertThat(dump.records().get(1).caller().depth()).isEqualTo(4);
        assertThat(dump.records().get(2).caller()).isEqualTo(CallChain.of(0x400d4010));
        assertThat(dump.summary().mode()).isEqualTo(TraceMode.LEAKS);
        assertThat(dump.summary().bytes()).isEqualTo(147);
        assertThat(dump.summary().totalAllocations()).isEqualTo(9);
        assertThat(dump.summary().totalFrees()).isEqualTo(10);
        assertThat(dump.summary().overflowed()).isTrue();
        assertThat(dump.summary().capacity()).isEqualTo(100);
        assertThat(dump.summary().highWaterMark()).isNull();
        assertThat(dump.warnings()).extracting(Object::toString).anyMatch(w -> w.contains("overflowed"));
        assertThat(log.symbols()).hasSize(2);
        assertThat(log.symbols().get(0).function()).isEqualTo("get_desc_for_int");
        assertThat(log.symbols().get(0).line()).isEqualTo(147);
        assertThat(log.symbols().get(0).address()).isEqualTo(0x400d3588);
    }

    @Test
    void dialectBAllModeWithFreedByPsramAndHashmap() {
        Dump dump = TestLogs.parseStrict("shared/dialect-b-all-psram-overflow.log").dumps().get(0);
        assertThat(dump.dialect()).isEqualTo(Dialect.B);
        assertThat(dump.complete()).isTrue();
        assertThat(dump.records()).hasSize(4);
        Record first = dump.records().get(0);
        assertThat(first.freed()).isTrue();
        assertThat(first.freedBy()).isEqualTo(CallChain.of(0x400d2000, 0x400d5690));
        assertThat(dump.records().get(1).region()).isEqualTo(Region.PSRAM);
        assertThat(dump.records().get(1).freed()).isFalse();
        assertThat(dump.records().get(2).freedBy()).isEqualTo(CallChain.of(0x400d2000));
        assertThat(dump.records().get(3).sizeBytes()).isEqualTo(131072);
        assertThat(dump.summary().mode()).isEqualTo(TraceMode.ALL);
        assertThat(dump.summary().bytes()).isEqualTo(135168);
        assertThat(dump.summary().allocations()).isEqualTo(2);
        assertThat(dump.summary().recordsInTrace()).isEqualTo(4);
        assertThat(dump.summary().hashmap().hits()).isEqualTo(3);
        assertThat(dump.summary().hashmap().misses()).isEqualTo(1);
        assertThat(dump.summary().overflowed()).isTrue();
        assertThat(dump.liveBytes()).isEqualTo(135168);
    }

    @Test
    void dialectCFreedSuffixAndMissingCaller() {
        Dump dump = TestLogs.parseStrict("shared/dialect-c-idf55-freed.log").dumps().get(0);
        assertThat(dump.dialect()).isEqualTo(Dialect.C);
        assertThat(dump.records().get(0).freed()).isTrue();
        assertThat(dump.records().get(0).freedBy()).isEqualTo(CallChain.EMPTY);
        assertThat(dump.records().get(1).caller()).isEqualTo(CallChain.EMPTY);
        assertThat(dump.records().get(1).freed()).isFalse();
        assertThat(dump.records().get(2).caller()).isEqualTo(CallChain.of(0x42008a10, 0x42008b22));
        assertThat(dump.summary().bytes()).isEqualTo(148);
        assertThat(dump.warnings()).isEmpty();
    }

    @Test
    void panicInTheMiddleOfARecordLeavesAnIncompleteDumpWithItsRecords() {
        ParsedLog log = TestLogs.parse("shared/incomplete-dump-panic-reboot.log");
        assertThat(log.dumps()).hasSize(1);
        Dump dump = log.dumps().get(0);
        assertThat(dump.complete()).isFalse();
        assertThat(dump.summary()).isNull();
        assertThat(dump.header().records()).isEqualTo(40);
        assertThat(dump.records()).hasSize(2);
        assertThat(dump.warnings()).extracting(Object::toString)
                .anyMatch(w -> w.contains("crash cut this line short"))
                .anyMatch(w -> w.contains("incomplete dump"));
    }

    @Test
    void espressifV4ExampleWithOldMonitorLines() {
        ParsedLog log = TestLogs.parseStrict("shared/01-espressif-docs-v4-xtensa-leaks.txt");
        Dump dump = log.dumps().get(0);
        assertThat(dump.dialect()).isEqualTo(Dialect.A);
        assertThat(dump.complete()).isTrue();
        assertThat(dump.records()).hasSize(2);
        assertThat(dump.summary().bytes()).isEqualTo(40);
        assertThat(log.symbols()).extracting(h -> h.function())
                .containsExactly("leak_some_memory", "blink_task", "leak_some_memory", "blink_task");
        assertThat(log.symbols().get(0).file()).endsWith("blink.c");
        assertThat(dump.warnings()).isEmpty();
    }

    @Test
    void espressifRiscvExampleHasRecordsWithEmptyCaller() {
        Dump dump = TestLogs.parseStrict("shared/02-espressif-docs-v44-riscv-empty-caller.txt").dumps().get(0);
        assertThat(dump.dialect()).isEqualTo(Dialect.A);
        assertThat(dump.records()).extracting(Record::caller).containsOnly(CallChain.EMPTY);
        assertThat(dump.summary().bytes()).isEqualTo(40);
    }

    @Test
    void espressifV55ExampleIsDialectCDespiteFixedIndent() {
        Dump dump = TestLogs.parseStrict("shared/03-espressif-docs-v55-riscv-freed-suffix.txt").dumps().get(0);
        assertThat(dump.dialect()).isEqualTo(Dialect.C);
        assertThat(dump.records()).hasSize(8).allMatch(Record::freed);
        assertThat(dump.summary().allocations()).isZero();
        assertThat(dump.summary().recordsInTrace()).isEqualTo(8);
        assertThat(dump.warnings()).isEmpty();
    }

    @Test
    void espressifTraceAllExampleWithFreedByAndDecodeLines() {
        ParsedLog log = TestLogs.parseStrict("shared/04-espressif-docs-v55-trace-all-freed-by.txt");
        Dump dump = log.dumps().get(0);
        assertThat(dump.records()).hasSize(8);
        assertThat(dump.records().stream().filter(Record::freed)).hasSize(7);
        assertThat(dump.records().get(0).freedBy()).isEqualTo(CallChain.of(0x403839e4, 0x42008096));
        assertThat(dump.summary().bytes()).isEqualTo(6);
        assertThat(dump.summary().totalAllocations()).isEqualTo(9);
        assertThat(log.symbols()).anyMatch(h -> h.function().equals("test_func_74") && h.line() == 104);
        assertThat(dump.warnings()).isEmpty();
    }
}
