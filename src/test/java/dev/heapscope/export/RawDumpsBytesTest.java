package dev.heapscope.export;

import dev.heapscope.model.Dump;
import dev.heapscope.parse.LogParser;
import dev.heapscope.parse.ParsedLog;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The raw dump text is read from the bytes by line number, whatever the line ends and however long a line is. */
class RawDumpsBytesTest {
    private static final String DUMP = "1 allocations trace (100 entry buffer)\r\n"
            + "64 bytes (@ 0x3ffb5800) allocated CPU 0 ccount 0xe877f00c caller 0x400d1234:0x400d5678\r"
            + "64 bytes 'leaked' in trace (1 allocations)\n"
            + "total allocations 1 total frees 0";

    @Test
    void eachDumpKeepsItsLinesWithLineFeedsAfterALongNoiseLine() throws Exception {
        String text = "boot noise\r\n" + "x at y ".repeat(300_000) + "\n" + DUMP + "\r\nI (42) wifi: tail\n" + DUMP;
        ParsedLog log = new LogParser().parse(text);
        List<Dump> dumps = log.dumps();
        assertThat(dumps).hasSize(2);

        Map<Integer, String> raw = RawDumps.read(bytes(text), dumps, RawDumps.MAX_CHARS);

        String expected = DUMP.replace("\r\n", "\n").replace('\r', '\n') + "\n";
        assertThat(raw).containsEntry(0, expected).containsEntry(1, expected).hasSize(2);
    }

    @Test
    void theBudgetCutsALineAndStopsTheReading() throws Exception {
        String text = DUMP + "\n" + DUMP + "\n";
        List<Dump> dumps = new LogParser().parse(text).dumps();
        Map<Integer, String> raw = RawDumps.read(bytes(text), dumps, 10);
        assertThat(raw).containsExactly(Map.entry(0, "1 allocati\n"));
    }

    @Test
    void aLogWithoutDumpsIsNotRead() throws Exception {
        assertThat(RawDumps.read(new ByteArrayInputStream(new byte[0]) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                throw new AssertionError("read");
            }
        }, List.of(), RawDumps.MAX_CHARS)).isEmpty();
    }

    private static ByteArrayInputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
