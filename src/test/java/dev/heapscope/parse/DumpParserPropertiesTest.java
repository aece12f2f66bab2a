package dev.heapscope.parse;

import dev.heapscope.model.Dump;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Combinators;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Random and mutated inputs: the lenient parser never throws and never invents records. */
class DumpParserPropertiesTest {
    private static final List<String> SAMPLES = List.of(
            "shared/nodemcu-session-idf51.log", "shared/dialect-a-idf44-leaks.log",
            "shared/dialect-b-all-psram-overflow.log", "shared/dialect-c-idf55-freed.log",
            "shared/incomplete-dump-panic-reboot.log", "shared/04-espressif-docs-v55-trace-all-freed-by.txt");

    /** One edit to a sample: where, what kind, and a random byte to use. */
    record Mutation(double position, int kind, byte value, int length) {
    }

    @Property(tries = 400)
    void mutatedSamplesNeverThrowAndNeverInventRecords(@ForAll("samples") String sample,
                                                         @ForAll("mutations") List<Mutation> mutations) {
        byte[] mutated = mutate(TestLogs.text(sample).getBytes(StandardCharsets.ISO_8859_1), mutations);
        ParsedLog log = new LogParser().parse(new String(mutated, StandardCharsets.ISO_8859_1));
        long recordLikeLines = new String(mutated, StandardCharsets.ISO_8859_1).lines()
                .filter(l -> l.contains(" bytes (@ ")).count();
        long records = log.dumps().stream().mapToLong(d -> d.records().size()).sum();
        assertThat(records).isLessThanOrEqualTo(recordLikeLines);
        for (Dump dump : log.dumps()) {
            assertThat(dump.lastLine()).isGreaterThanOrEqualTo(dump.firstLine());
            if (!dump.complete()) {
                assertThat(dump.warnings()).isNotEmpty();
            }
        }
    }

    @Property(tries = 300)
    void randomBytesNeverThrowWhateverTheChunking(@ForAll("noise") byte[] noise, @ForAll("chunk") int chunk) {
        List<Dump> dumps = new ArrayList<>();
        DumpParser parser = new DumpParser(dumps::add);
        LineFramer framer = new LineFramer(parser);
        for (int offset = 0; offset < noise.length; offset += chunk) {
            framer.feed(noise, offset, Math.min(chunk, noise.length - offset), offset);
        }
        framer.flush(-1);
        parser.finish();
        assertThat(dumps).allSatisfy(d -> assertThat(d.records()).isNotNull());
    }

    @Property(tries = 100)
    void chunkingNeverChangesTheResult(@ForAll("samples") String sample, @ForAll("chunk") int chunk) {
        byte[] bytes = TestLogs.text(sample).getBytes(StandardCharsets.ISO_8859_1);
        List<Dump> whole = new LogParser().parse(TestLogs.text(sample)).dumps();
        List<Dump> pieces = new ArrayList<>();
        DumpParser parser = new DumpParser(pieces::add);
        LineFramer framer = new LineFramer(parser);
        for (int offset = 0; offset < bytes.length; offset += chunk) {
            framer.feed(bytes, offset, Math.min(chunk, bytes.length - offset), -1);
        }
        framer.flush(-1);
        parser.finish();
        assertThat(pieces).isEqualTo(whole);
    }

    @Provide
    Arbitrary<String> samples() {
        return Arbitraries.of(SAMPLES);
    }

    @Provide
    Arbitrary<Integer> chunk() {
        return Arbitraries.integers().between(1, 300);
    }

    @Provide
    Arbitrary<byte[]> noise() {
        Arbitrary<Byte> interesting = Arbitraries.of((byte) '\r', (byte) '\n', (byte) ' ', (byte) ':', (byte) '=',
                (byte) '0', (byte) 'x', (byte) '(', (byte) '@');
        Arbitrary<Byte> any = Arbitraries.bytes();
        return Arbitraries.oneOf(interesting, any).array(byte[].class).ofMaxSize(4000);
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> one = Combinators.combine(Arbitraries.doubles().between(0, 1),
                        Arbitraries.integers().between(0, 4), Arbitraries.bytes(), Arbitraries.integers().between(1, 40))
                .as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(8);
    }

    private static byte[] mutate(byte[] input, List<Mutation> mutations) {
        List<Byte> bytes = new ArrayList<>(input.length);
        for (byte b : input) {
            bytes.add(b);
        }
        for (Mutation m : mutations) {
            if (bytes.isEmpty()) {
                break;
            }
            int at = (int) (m.position() * (bytes.size() - 1));
            int end = Math.min(bytes.size(), at + m.length());
            switch (m.kind()) {
                case 0 -> bytes.subList(at, end).clear();                  // drop a stretch
                case 1 -> bytes.add(at, m.value());                        // insert a byte
                case 2 -> bytes.set(at, m.value());                        // flip a byte
                case 3 -> bytes.addAll(at, new ArrayList<>(bytes.subList(at, end))); // repeat a stretch
                default -> bytes.subList(end, bytes.size()).clear();       // cut the input short
            }
        }
        byte[] out = new byte[bytes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = bytes.get(i);
        }
        return out;
    }
}
