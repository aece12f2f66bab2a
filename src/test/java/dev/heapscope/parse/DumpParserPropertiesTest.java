package dev.heapscope.parse;

import dev.heapscope.model.CallChain;
import dev.heapscope.model.Dump;
import dev.heapscope.model.Record;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Random and mutated inputs: the lenient parser never throws and never invents records. */
@StatisticsReport(onFailureOnly = true)
class DumpParserPropertiesTest {
    private static final List<String> SAMPLES = List.of(
            "shared/nodemcu-session-idf51.log", "shared/dialect-a-idf44-leaks.log",
            "shared/dialect-b-all-psram-overflow.log", "shared/dialect-c-idf55-freed.log",
            "shared/incomplete-dump-panic-reboot.log", "shared/04-espressif-docs-v55-trace-all-freed-by.txt");
    /** What the parser reads as colour codes (ESC [ digits and semicolons, then one more character). */
    private static final Pattern ANSI_ESCAPE = Pattern.compile("\u001b\\[[0-9;]*(?s:.)?");
    private static final Pattern RECORD_START = Pattern.compile("[ \t]*(\\d+) bytes \\(@ 0[xX]([0-9a-fA-F]{1,8})[,)]");
    private static final Pattern CPU = Pattern.compile(" allocated CPU (\\d+) ccount ");
    private static final Pattern HEX = Pattern.compile("0[xX]([0-9a-fA-F]{1,8})");

    /** One edit to a sample: where, what kind, and a random byte to use. */
    record Mutation(double position, int kind, byte value, int length) {
    }

    @Property(tries = 400)
    void mutatedSamplesNeverThrowAndNeverInventRecords(@ForAll("samples") String sample,
                                                         @ForAll("mutations") List<Mutation> mutations) {
        byte[] mutated = mutate(TestLogs.text(sample).getBytes(StandardCharsets.ISO_8859_1), mutations);
        ParsedLog log = new LogParser().parse(new String(mutated, StandardCharsets.ISO_8859_1));
        // as the parser reads a line: colour codes removed (a mutation can put one inside " bytes (@ ")
        long recordLikeLines = new String(mutated, StandardCharsets.ISO_8859_1).lines()
                .map(AnsiCodes::strip).filter(l -> l.contains(" bytes (@ ")).count();
        long records = log.dumps().stream().mapToLong(d -> d.records().size()).sum();
        assertThat(records).isLessThanOrEqualTo(recordLikeLines);
        for (Dump dump : log.dumps()) {
            assertThat(dump.lastLine()).isGreaterThanOrEqualTo(dump.firstLine());
            if (!dump.complete()) {
                assertThat(dump.warnings()).isNotEmpty();
            }
        }
    }

    /**
     * Console streams made of pieces of the samples (whole, or cut anywhere), random bytes and line ends,
     * fed in chunks of any sizes: the dumps are those of the whole input read at once, and every record
     * was read from the line it names (its size, address, CPU and chains are printed there).
     */
    @Property(tries = 300)
    void anyBytesInAnyChunkingGiveTheDumpsOfTheWholeInputAndEveryRecordIsReadFromItsLine(
            @ForAll("consoleStreams") byte[] input, @ForAll("chunkSizes") List<Integer> chunkSizes) throws IOException {
        List<Dump> whole = new LogParser().parse(new ByteArrayInputStream(input)).dumps();

        List<Dump> chunked = parseInChunks(input, chunkSizes);

        assertThat(chunked).isEqualTo(whole);
        List<String> lines = linesOf(input);
        int records = 0;
        for (Dump dump : chunked) {
            for (Record record : dump.records()) {
                assertRecordIsOnItsLine(record, dump, lines);
                records++;
            }
        }
        Statistics.label("input has records").collect(records > 0);
        Statistics.label("input has records").coverage(coverage -> coverage.check(true).percentage(p -> p >= 25));
    }

    private static List<Dump> parseInChunks(byte[] input, List<Integer> chunkSizes) {
        List<Dump> dumps = new ArrayList<>();
        DumpParser parser = new DumpParser(dumps::add);
        LineFramer framer = new LineFramer(parser);
        int offset = 0;
        for (int i = 0; offset < input.length; i++) {
            int length = Math.min(chunkSizes.get(i % chunkSizes.size()), input.length - offset);
            framer.feed(input, offset, length, -1);
            offset += length;
        }
        framer.flush(-1);
        parser.finish();
        return dumps;
    }

    /** The input's lines as a console ends them (CR, LF or CRLF), numbered from 1 by their index + 1. */
    private static List<String> linesOf(byte[] input) {
        return List.of(new String(input, StandardCharsets.ISO_8859_1).split("\r\n|\r|\n", -1));
    }

    private static void assertRecordIsOnItsLine(Record record, Dump dump, List<String> lines) {
        assertThat(record.lineNumber()).as("record line").isBetween(dump.firstLine(), dump.lastLine());
        String line = ANSI_ESCAPE.matcher(lines.get((int) record.lineNumber() - 1)).replaceAll("");
        Matcher start = RECORD_START.matcher(line);
        assertThat(start.lookingAt()).as("line %d starts a record: %s", record.lineNumber(), line).isTrue();
        assertThat(Long.parseLong(start.group(1))).as("size on line %d", record.lineNumber())
                .isEqualTo(record.sizeBytes());
        assertThat(Long.parseLong(start.group(2), 16)).as("address on line %d", record.lineNumber())
                .isEqualTo(record.addressUnsigned());
        Matcher cpu = CPU.matcher(line);
        assertThat(cpu.find()).isTrue();
        assertThat(Integer.parseInt(cpu.group(1))).isEqualTo(record.cpu());
        assertThat(hexNumbers(line)).as("caller on line %d", record.lineNumber())
                .containsAll(framesOf(record.caller()));
        String rest = String.join("\n", lines.subList((int) record.lineNumber() - 1, (int) dump.lastLine()));
        assertThat(hexNumbers(ANSI_ESCAPE.matcher(rest).replaceAll("")))
                .as("freed by, after line %d", record.lineNumber())
                .containsAll(framesOf(record.freedBy()));
    }

    private static Set<Long> hexNumbers(String text) {
        Set<Long> numbers = new HashSet<>();
        Matcher hex = HEX.matcher(text);
        while (hex.find()) {
            numbers.add(Long.parseLong(hex.group(1), 16));
        }
        return numbers;
    }

    private static List<Long> framesOf(CallChain chain) {
        List<Long> frames = new ArrayList<>();
        for (int i = 0; i < chain.depth(); i++) {
            frames.add(Integer.toUnsignedLong(chain.frame(i)));
        }
        return frames;
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
    Arbitrary<List<Integer>> chunkSizes() {
        return Arbitraries.integers().between(1, 300).list().ofMinSize(1).ofMaxSize(20);
    }

    /** Whole samples, pieces cut from them anywhere, random bytes and line ends, one after another. */
    @Provide
    Arbitrary<byte[]> consoleStreams() {
        Arbitrary<byte[]> wholeSample = samples().map(DumpParserPropertiesTest::bytesOf);
        Arbitrary<byte[]> pieceOfASample = Combinators.combine(samples(), Arbitraries.doubles().between(0, 1),
                Arbitraries.integers().between(0, 2_000)).as((sample, from, length) -> {
                    byte[] bytes = bytesOf(sample);
                    int start = (int) (from * bytes.length);
                    return Arrays.copyOfRange(bytes, start, Math.min(bytes.length, start + length));
                });
        Arbitrary<Byte> interesting = Arbitraries.of((byte) '\r', (byte) '\n', (byte) ' ', (byte) ':', (byte) '=',
                (byte) '0', (byte) 'x', (byte) '(', (byte) '@', (byte) 0x1b, (byte) '[');
        Arbitrary<byte[]> randomBytes = Arbitraries.oneOf(interesting, Arbitraries.bytes())
                .array(byte[].class).ofMaxSize(200);
        Arbitrary<byte[]> lineEnd = Arbitraries.of("\r", "\n", "\r\n")
                .map(end -> end.getBytes(StandardCharsets.ISO_8859_1));
        Arbitrary<byte[]> piece = Arbitraries.frequencyOf(Tuple.of(3, wholeSample), Tuple.of(4, pieceOfASample),
                Tuple.of(3, randomBytes), Tuple.of(2, lineEnd));
        return piece.list().ofMaxSize(10).map(pieces -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pieces.forEach(out::writeBytes);
            return out.toByteArray();
        });
    }

    private static byte[] bytesOf(String sample) {
        return TestLogs.text(sample).getBytes(StandardCharsets.ISO_8859_1);
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
