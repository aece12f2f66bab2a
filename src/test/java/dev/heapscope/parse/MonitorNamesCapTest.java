package dev.heapscope.parse;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Monitor names past the cap are counted, not kept, and the dumps around them still read. */
class MonitorNamesCapTest {

    @Test
    void namesPastTheCapAreCountedNotKept() throws Exception {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            log.append(String.format("0x%08x: function_%d at /src/main.c:%d%n", 0x400d0000 + 4 * i, i, i + 1));
        }
        log.append("""
                1 allocations trace (100 entry buffer)
                64 bytes (@ 0x3ffb5800) allocated CPU 0 ccount 0xe877f00c caller 0x400d0000:0x400d0004
                64 bytes 'leaked' in trace (1 allocations)
                total allocations 1 total frees 0
                """);
        byte[] bytes = log.toString().getBytes(StandardCharsets.US_ASCII);

        ParsedLog capped = new LogParser(ParserOptions.LENIENT, 4, LogParser.MAX_STREAMED_DUMPS).parse(new ByteArrayInputStream(bytes));
        ParsedLog open = new LogParser().parse(new ByteArrayInputStream(bytes));

        assertThat(capped.symbols()).hasSize(4).isEqualTo(open.symbols().subList(0, 4));
        assertThat(capped.symbolsLeftOut()).isEqualTo(6);
        assertThat(open.symbolsLeftOut()).isZero();
        assertThat(capped.dumps()).hasSize(1);
        assertThat(capped.dumps().get(0).records()).hasSize(1);
    }
}
