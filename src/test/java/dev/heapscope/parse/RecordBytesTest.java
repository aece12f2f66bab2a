package dev.heapscope.parse;

import dev.heapscope.model.Dump;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file's record lines are read from bytes ({@link RecordBytes}), the live serial path's from Strings
 * ({@link RecordLineReader}): both give the same dumps, warnings included, for clean lines and for every
 * kind of line the byte reader must leave to the String path.
 */
class RecordBytesTest {
    private static final String[] LINES = {
        "====== Heap Trace: 14 records (20 capacity) ======",
        "    64 bytes (@ 0x3ffb2a10, Internal) allocated CPU 0 ccount 0x11223344 caller 0x400d1234:0x400d5678:0x400d9abc",
        "freed by 0x400d2000:0x400d5690:0x00000000",
        "  4096 bytes (@ 0x3f800a24,    PSRAM) allocated CPU 1 ccount 0x11230008 caller 0x400d1300:0x400d5700:",
        "    24 bytes (@ 0x3ffb2a60, Internal) allocated CPU 0 ccount 0x11240010 caller 0x400d1234:0x40000000:0xzz",
        "\t  8 bytes (@ 0x3ffb2a70, Internal) allocated CPU 0 ccount 0x11240014 caller 0x400d1234:0x00000000:0x400d1238\t ",
        "    16 bytes (@ 0x3ffb2a80, Internal) allocated CPU 0 ccount 0x11240018 caller 0x400d1234:0xnothex:0x400d1238",
        "    16 bytes (@ 0x3ffb2a90, Internal ) allocated CPU 0 ccount 0x1124001c caller 0x400d1234",
        "    16 bytes (@ 0x3ffb2aa0, DRAM) allocated CPU 0 ccount 0x11240020 caller 0x400d1234",
        "    16 bytes (@ 0x3ffb2ab0, Internal) allocated CPU 0 ccount 0x11240024 caller 0x400d1234 trailing words",
        "    16 bytes (@ 0x3ffb2ac0, Internal) allocated CPU 0 ccount 0x11240028 freed",
        "    16 bytes (@ 0x3ffb2ad0, Internal) allocated CPU 0 ccount 0x1124002c",
        "    16 bytes (@ 0x3ffb2ae0, Internal) allocated CPU 0 ccount 0x11240030 caller",
        "    16 bytes (@ 0x3ffb2af0, Internal) allocated CPU 0 ccount 0x11240034 callerX",
        "99999999999 bytes (@ 0x3ffb2b00, Internal) allocated CPU 0 ccount 0x11240038 caller 0x400d1234",
        "    16 bytes (@ 0x3ffb2b10, Internal) allocated CPU 0 ccount 0x1124003c caller 0x400d1234:0x123456789",
        "    16 bytes (@ 0x3ffb2b20, Internal) allocated CPU 0 ccount 0x11240040 caller 0x400d1234\u001b[0m",
        "    16 bytes (@ 0x3ffb2b30, Internal) allocated CPU 0 ccount 0x11240044 caller 0x400d12\u00e9",
        "    16 bytes (@ 0x3ffb2b4Guru Meditation Error: Core  0 panic'ed (LoadProhibited)",
        "32 bytes (@ 0x3ffb2b50) allocated CPU 1 ccount 0x11240048 caller 0x400d1234:",
        "====== Heap Trace Summary ======",
        "Mode: Heap Trace All",
        "120 bytes alive in trace (3/14 allocations)",
        "================================",
        "    16 bytes (@ 0x3ffb2b60, Internal) allocated CPU 0 ccount 0x1124004c caller 0x400d1234",
    };

    @Test
    void bytesAndStringsGiveTheSameDumps() {
        String text = String.join("\r\n", LINES) + "\n";
        List<Dump> fromBytes = new LogParser().parse(text).dumps();
        List<Dump> fromStrings = new ArrayList<>();
        DumpParser parser = new DumpParser(fromStrings::add);
        long number = 0;
        for (String line : LINES) {
            parser.line(line, ++number, -1);
        }
        parser.finish();
        assertThat(fromBytes).isNotEmpty().isEqualTo(fromStrings);
        assertThat(fromBytes.get(0).records()).hasSizeGreaterThan(10);
    }
}
