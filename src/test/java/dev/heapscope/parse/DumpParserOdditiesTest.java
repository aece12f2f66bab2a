package dev.heapscope.parse;

import dev.heapscope.model.CallChain;
import dev.heapscope.model.Dialect;
import dev.heapscope.model.Dump;
import dev.heapscope.model.Record;
import dev.heapscope.model.TraceMode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Everything else that shares the console line with a dump (heap-trace-format.md §6). */
class DumpParserOdditiesTest {
    private static final String B_DUMP = String.join("\r\n",
            "====== Heap Trace: 2 records (10 capacity) ======",
            "    40 bytes (@ 0x3ffc8a30, Internal) allocated CPU 0 ccount 0x1c2f6a40 caller 0x400e1a2c:0x400e1d50:",
            "    32 bytes (@ 0x3ffc9d14, Internal) allocated CPU 1 ccount 0x8a01b2c4 caller 0x400e1a2c:0x400e5f08:",
            "====== Heap Trace Summary ======",
            "Mode: Heap Trace Leaks",
            "72 bytes 'leaked' in trace (2 allocations)",
            "records: 2 (10 capacity, 5 high water mark)",
            "total allocations: 7",
            "total frees: 5",
            "================================",
            "");

    private static ParsedLog parse(String text) {
        return new LogParser().parse(text);
    }

    private static List<String> warnings(Dump dump) {
        return dump.warnings().stream().map(Object::toString).toList();
    }

    @Test
    void promptsEchoLogsAndLfLinesAroundACrLfDumpAreIgnored() {
        String log = "\nNodeMCU ESP32 build 2024-10-25 powered by Lua 5.3.5 [5.3-int32-singlefp] on IDF v5.1.3\n"
                + "> heaptrace.dump()\n" + B_DUMP + "> print('hi')\nhi\n> ";
        ParsedLog parsed = new LogParser(ParserOptions.STRICT).parse(log);
        assertThat(parsed.dumps()).hasSize(1);
        assertThat(parsed.dumps().get(0).complete()).isTrue();
        assertThat(parsed.dumps().get(0).warnings()).isEmpty();
    }

    @Test
    void colouredLogLinesInsideADumpAreSkippedSilently() {
        String withLog = B_DUMP.replace("    32 bytes", "\u001b[0;32mI (6261) wifi: connected\u001b[0m\r\n    32 bytes");
        Dump dump = new LogParser(ParserOptions.STRICT).parse(withLog).dumps().get(0);
        assertThat(dump.records()).hasSize(2);
        assertThat(dump.warnings()).isEmpty();
    }

    @Test
    void everyLineDoubledWithBlankLinesStillParses() {
        String doubled = B_DUMP.replace("\r\n", "\r\n\r\n");
        Dump dump = new LogParser(ParserOptions.STRICT).parse(doubled).dumps().get(0);
        assertThat(dump.complete()).isTrue();
        assertThat(dump.records()).hasSize(2);
        assertThat(dump.warnings()).isEmpty();
    }

    @Test
    void newStyleMonitorLinesGiveSymbolsAndAreNotWarnedAbout() {
        String withMonitor = B_DUMP.replace("    32 bytes",
                "--- 0x400e1a2c: l_alloc at /nodemcu/components/lua/lauxlib.c:1010\r\n"
                        + "--- 0x400e5f08: luaH_new at /nodemcu/components/lua/ltable.c:417 (discriminator 2)\r\n"
                        + "    32 bytes");
        ParsedLog log = new LogParser(ParserOptions.STRICT).parse(withMonitor);
        assertThat(log.symbols()).hasSize(2);
        assertThat(log.symbols().get(1).function()).isEqualTo("luaH_new");
        assertThat(log.symbols().get(1).file()).isEqualTo("/nodemcu/components/lua/ltable.c");
        assertThat(log.symbols().get(1).line()).isEqualTo(417);
        assertThat(log.dumps().get(0).warnings()).isEmpty();
    }

    @Test
    void unknownMonitorNamesAreNotTurnedIntoSymbols() {
        ParsedLog log = parse("0x400d0000: ?? ??:0\n");
        assertThat(log.symbols()).isEmpty();
    }

    @Test
    void recordsPastedWithoutTheirHeaderBecomeAHeaderlessDump() {
        String trimmed = B_DUMP.substring(B_DUMP.indexOf("\r\n") + 2);
        Dump dump = parse(trimmed).dumps().get(0);
        assertThat(dump.header()).isNull();
        assertThat(dump.dialect()).isEqualTo(Dialect.B);
        assertThat(dump.complete()).isTrue();
        assertThat(dump.records()).hasSize(2);
        assertThat(dump.summary().capacity()).isEqualTo(10);
        assertThat(warnings(dump)).anyMatch(w -> w.contains("without a dump header"));
    }

    @Test
    void aBareRecordListWithoutSummaryIsKeptAsIncomplete() {
        Dump dump = parse("12 bytes (@ 0x3ffb5800) allocated CPU 0 ccount 0xe877f00c caller 0x400d3588:\n"
                + "7 bytes (@ 0x3ffb9aa4) allocated CPU 0 ccount 0xe87a1220 caller 0x400d4010:\n").dumps().get(0);
        assertThat(dump.dialect()).isEqualTo(Dialect.A);
        assertThat(dump.complete()).isFalse();
        assertThat(dump.records()).hasSize(2);
        assertThat(dump.summary()).isNull();
    }

    @Test
    void aNewHeaderClosesAnUnfinishedDump() {
        String cut = B_DUMP.substring(0, B_DUMP.indexOf("====== Heap Trace Summary"));
        ParsedLog log = parse(cut + B_DUMP);
        assertThat(log.dumps()).hasSize(2);
        assertThat(log.dumps().get(0).complete()).isFalse();
        assertThat(log.dumps().get(0).records()).hasSize(2);
        assertThat(log.dumps().get(1).complete()).isTrue();
        assertThat(log.dumps().get(1).index()).isEqualTo(1);
    }

    @Test
    void aPromptBeforeTheSummaryEndsTheDumpAsIncomplete() {
        String cut = B_DUMP.substring(0, B_DUMP.indexOf("====== Heap Trace Summary"));
        ParsedLog log = parse(cut + "> =node.heap()\n123456\n");
        assertThat(log.dumps()).hasSize(1);
        assertThat(log.dumps().get(0).complete()).isFalse();
        assertThat(warnings(log.dumps().get(0))).anyMatch(w -> w.contains("prompt came back"));
    }

    @Test
    void aBannerInTheMiddleOfADumpMeansTheBoardReset() {
        String cut = B_DUMP.substring(0, B_DUMP.indexOf("====== Heap Trace Summary"));
        ParsedLog log = parse(cut + "rst:0xc (SW_CPU_RESET),boot:0x13 (SPI_FAST_FLASH_BOOT)\r\n"
                + "NodeMCU ESP32 build 2024-10-25 powered by Lua 5.3.5 [5.3-int32-singlefp] on IDF v5.1.3\r\n");
        assertThat(log.dumps().get(0).complete()).isFalse();
        assertThat(warnings(log.dumps().get(0))).anyMatch(w -> w.contains("reset or crashed"));
    }

    @Test
    void aCrashInsideTheChainDropsOnlyTheCutRecord() {
        String log = "====== Heap Trace: 3 records (10 capacity) ======\r\n"
                + "    40 bytes (@ 0x3ffc8a30, Internal) allocated CPU 0 ccount 0x1c2f6a40 caller 0x400e1a2c:0x400e1d50\r\n"
                + "    32 bytes (@ 0x3ffc9d14, Internal) allocated CPU 0 ccount 0x8a01b2c4 caller 0x400e1a2c:0x400eGuru "
                + "Meditation Error: Core  0 panic'ed (Interrupt wdt timeout on CPU0).\r\n";
        Dump dump = parse(log).dumps().get(0);
        assertThat(dump.records()).hasSize(1);
        assertThat(dump.complete()).isFalse();
    }

    @Test
    void theRomInvalidAddressEndsAChain() {
        Dump dump = parse("1 allocations trace (10 entry buffer)\n"
                + "16 bytes (@ 0x3ffb0000) allocated CPU 0 ccount 0x00000010 caller 0x400d1000:0x40000000:0x400d2000\n"
                + "16 bytes 'leaked' in trace (1 allocations)\ntotal allocations 1 total frees 0\n").dumps().get(0);
        assertThat(dump.records().get(0).caller()).isEqualTo(CallChain.of(0x400d1000));
        assertThat(dump.complete()).isTrue();
    }

    @Test
    void dialectAAllModeWithUnpaddedNullSlotsInFreedBy() {
        Dump dump = parse("2 allocations trace (10 entry buffer)\n"
                + "16 bytes (@ 0x3ffb0000) allocated CPU 0 ccount 0x00000010 caller 0x400d1000:0x400d1100\n"
                + "freed by 0x400d3000:0x0\n"
                + "24 bytes (@ 0x3ffb0100) allocated CPU 1 ccount 0x00000020 caller 0x400d1000:0x400d1100\n"
                + "24 bytes alive in trace (1/2 allocations)\ntotal allocations 2 total frees 1\n").dumps().get(0);
        assertThat(dump.dialect()).isEqualTo(Dialect.A);
        assertThat(dump.summary().mode()).isEqualTo(TraceMode.ALL);
        assertThat(dump.records().get(0).freedBy()).isEqualTo(CallChain.of(0x400d3000));
        assertThat(dump.records().get(1).freed()).isFalse();
        assertThat(dump.warnings()).isEmpty();
    }

    @Test
    void aDialectADumpEndsAtItsTotalsAndTakesItsNbLines() {
        ParsedLog log = parse("1 allocations trace (10 entry buffer)\n"
                + "16 bytes (@ 0x3ffb0000) allocated CPU 0 ccount 0x00000010 caller 0x400d1000:\n"
                + "16 bytes 'leaked' in trace (1 allocations)\ntotal allocations 4 total frees 3\n"
                + "(NB: New entries were traced while dumping, so trace dump may have duplicate entries.)\n"
                + "(NB: Buffer has overflowed, so trace data is incomplete.)\n"
                + "I (100) app: next\n");
        Dump dump = log.dumps().get(0);
        assertThat(dump.complete()).isTrue();
        assertThat(dump.summary().overflowed()).isTrue();
        assertThat(dump.summary().mayHaveDuplicates()).isTrue();
        assertThat(dump.lastLine()).isEqualTo(6);
    }

    @Test
    void printedTotalsThatDisagreeWithTheRecordsAreWarnedAbout() {
        Dump dump = parse(B_DUMP.replace("72 bytes 'leaked' in trace (2 allocations)",
                "80 bytes 'leaked' in trace (3 allocations)")).dumps().get(0);
        assertThat(warnings(dump)).anyMatch(w -> w.contains("summary says 80 bytes, the records add up to 72"))
                .anyMatch(w -> w.contains("summary says 3 allocations, 2 records are not freed"));
    }

    @Test
    void aHeaderCountThatDisagreesWithTheRecordsReadIsWarnedAbout() {
        Dump dump = parse(B_DUMP.replace("2 records (10 capacity)", "3 records (10 capacity)")).dumps().get(0);
        assertThat(warnings(dump)).anyMatch(w -> w.contains("header announced 3 records, 2 were read"));
    }

    @Test
    void twoLiveRecordsAtOneAddressAreFlaggedAsPossibleDuplicates() {
        Dump dump = parse(B_DUMP.replace("0x3ffc9d14", "0x3ffc8a30")).dumps().get(0);
        assertThat(warnings(dump)).anyMatch(w -> w.contains("possible duplicates") && w.contains("0x3ffc8a30"));
    }

    @Test
    void theCorruptListMessageIsAWarning() {
        Dump dump = parse(B_DUMP.replace("====== Heap Trace Summary",
                "\r\nError: heap trace linked list is corrupt. expected more records.\r\n====== Heap Trace Summary"))
                .dumps().get(0);
        assertThat(dump.complete()).isTrue();
        assertThat(warnings(dump)).anyMatch(w -> w.contains("corrupt"));
    }

    @Test
    void aGarbledRecordLineIsWarnedInLenientModeAndThrownInStrictMode() {
        String garbled = B_DUMP.replace("allocated CPU 1 ccount 0x8a01b2c4", "allocated CPU 1 ccount 0xZZ01b2c4");
        Dump dump = parse(garbled).dumps().get(0);
        assertThat(dump.records()).hasSize(1);
        assertThat(warnings(dump)).anyMatch(w -> w.startsWith("line 3: unreadable record line"));
        assertThatThrownBy(() -> new LogParser(ParserOptions.STRICT).parse(garbled))
                .isInstanceOf(DumpFormatException.class)
                .hasMessageStartingWith("line 3:");
    }

    @Test
    void sizesWiderThanSixDigitsAndWideCpuNumbersParse() {
        Dump dump = parse("====== Heap Trace: 1 records (1 capacity) ======\r\n"
                + "1234567 bytes (@ 0x3f800000,    PSRAM) allocated CPU 1 ccount 0xfffffffc caller 0x400d0001\r\n")
                .dumps().get(0);
        Record record = dump.records().get(0);
        assertThat(record.sizeBytes()).isEqualTo(1234567);
        assertThat(record.ccount()).isEqualTo(0xfffffffc);
        assertThat(record.ccountUnsigned()).isEqualTo(0xfffffffcL);
    }

    @Test
    void dialectBDanglingCallerWithTrailingSpaceMeansNoChain() {
        Dump dump = parse("====== Heap Trace: 1 records (1 capacity) ======\r\n"
                + "     8 bytes (@ 0x3ffb0000, Internal) allocated CPU 0 ccount 0x00000010 caller \r\n").dumps().get(0);
        assertThat(dump.dialect()).isEqualTo(Dialect.B);
        assertThat(dump.records().get(0).caller()).isEqualTo(CallChain.EMPTY);
    }

    @Test
    void manyDumpsInOneInputComeOutInOrderWithHostTimes() {
        List<Dump> dumps = new java.util.ArrayList<>();
        DumpParser parser = new DumpParser(dumps::add);
        LineFramer framer = new LineFramer(parser);
        for (int i = 0; i < 5; i++) {
            byte[] bytes = B_DUMP.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            framer.feed(bytes, 0, bytes.length, 1000L * (i + 1));
        }
        parser.finish();
        assertThat(dumps).extracting(Dump::index).containsExactly(0, 1, 2, 3, 4);
        assertThat(dumps).extracting(Dump::receivedAtMillis).containsExactly(1000L, 2000L, 3000L, 4000L, 5000L);
    }

    @Test
    void anEmptyInputHasNoDumps() {
        assertThat(parse("").dumps()).isEmpty();
        assertThat(parse("\r\n\n\r").dumps()).isEmpty();
    }
}
