package dev.heapscope.parse;

import dev.heapscope.model.Dialect;
import dev.heapscope.model.Dump;
import dev.heapscope.model.DumpHeader;
import dev.heapscope.model.Record;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A streamed log keeps its first dumps and its last complete and last dump; the rest are counted. */
class StreamedDumpsCapTest {
    private static final String COMPLETE = """
            1 allocations trace (100 entry buffer)
            64 bytes (@ 0x3ffb5800) allocated CPU 0 ccount 0xe877f00c caller 0x400d1234:0x400d5678
            64 bytes 'leaked' in trace (1 allocations)
            total allocations 1 total frees 0
            """;
    private static final String CUT = """
            1 allocations trace (100 entry buffer)
            64 bytes (@ 0x3ffb5800) allocated CPU 0 ccount 0xe877f00c caller 0x400d1234:0x400d5678
            """;

    @Test
    void theFirstDumpsAndTheLastCompleteAndLastAreKept() throws Exception {
        byte[] log = (COMPLETE.repeat(10) + CUT).getBytes(StandardCharsets.US_ASCII);
        AtomicInteger records = new AtomicInteger();
        ParsedLog streamed = new LogParser(ParserOptions.LENIENT, 100, 5).stream(new ByteArrayInputStream(log),
                counting(records));

        assertThat(streamed.dumps()).extracting(Dump::index).containsExactly(0, 1, 2, 9, 10);
        assertThat(streamed.dumpCount()).isEqualTo(11);
        assertThat(streamed.dumpsLeftOut()).isEqualTo(6);
        assertThat(streamed.lastCompleteDump()).get().extracting(Dump::index).isEqualTo(9);
        assertThat(streamed.dump(9)).isSameAs(streamed.dumps().get(3));
        assertThat(streamed.dump(5)).isNull();
        assertThat(records).hasValue(11); // every record still streams by

        ParsedLog whole = new LogParser(ParserOptions.LENIENT, 100, 5).parse(new ByteArrayInputStream(log));
        assertThat(whole.dumps()).hasSize(11);
        assertThat(whole.dumpsLeftOut()).isZero();
    }

    @Test
    void aCompleteDumpAfterTheLastCutOneReplacesIt() throws Exception {
        byte[] log = (COMPLETE.repeat(6) + CUT + COMPLETE).getBytes(StandardCharsets.US_ASCII);
        // a cut dump ends where the next header starts
        ParsedLog streamed = new LogParser(ParserOptions.LENIENT, 100, 4).stream(new ByteArrayInputStream(log),
                counting(new AtomicInteger()));
        assertThat(streamed.dumps()).extracting(Dump::index).containsExactly(0, 1, 7);
        assertThat(streamed.dumpCount()).isEqualTo(8);
    }

    private static DumpListener counting(AtomicInteger records) {
        return new DumpListener() {
            @Override
            public void dumpStarted(Dialect dialect, DumpHeader header, long lineNumber) {
            }

            @Override
            public void recordParsed(Record record) {
                records.incrementAndGet();
            }

            @Override
            public void dumpParsed(Dump dump) {
            }
        };
    }
}
