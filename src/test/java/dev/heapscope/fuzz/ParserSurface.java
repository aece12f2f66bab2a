package dev.heapscope.fuzz;

import dev.heapscope.model.Dump;
import dev.heapscope.model.Record;
import dev.heapscope.parse.DumpListener;
import dev.heapscope.parse.LogParser;
import dev.heapscope.parse.ParsedLog;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * The log parser that {@code analyze}, {@code report} and {@code export} read with, called directly (no command
 * line around it): each input parsed whole and streamed, and the two must agree on the dumps and records they
 * found. Without the command line's fixed cost per run this is where the campaign spends most of its inputs.
 */
final class ParserSurface implements Surface {
    private final List<byte[]> seeds;
    private final Mutations mutations;

    ParserSurface(List<byte[]> seeds, Mutations mutations) {
        this.seeds = seeds;
        this.mutations = mutations;
    }

    @Override
    public String name() {
        return "parse";
    }

    @Override
    public FuzzInput next(long index, Random random) {
        StringBuilder description = new StringBuilder();
        byte[] bytes = mutations.mutate(seeds.get(random.nextInt(seeds.size())), seeds, random, description);
        return new FuzzInput(index, bytes, ".log", description.toString());
    }

    @Override
    public Verdict feed(FuzzInput fuzz, Path reproducer) throws Exception {
        ParsedLog whole = new LogParser().parse(new ByteArrayInputStream(fuzz.bytes()));
        long[] streamedRecords = {0};
        ParsedLog streamed = new LogParser().stream(new ByteArrayInputStream(fuzz.bytes()), new DumpListener() {
            @Override
            public void dumpParsed(Dump dump) {
            }

            @Override
            public void recordParsed(Record record) {
                streamedRecords[0]++;
            }
        });
        long wholeRecords = whole.dumps().stream().mapToLong(dump -> dump.records().size()).sum();
        String command = "heapscope analyze --json " + reproducer;
        if (whole.dumps().size() != streamed.dumps().size()) {
            return Verdict.broken("parsed whole: " + whole.dumps().size() + " dumps, streamed: "
                    + streamed.dumps().size(), command);
        }
        if (wholeRecords != streamedRecords[0]) {
            return Verdict.broken("parsed whole: " + wholeRecords + " records, streamed: " + streamedRecords[0], command);
        }
        return Verdict.held(whole.dumps().isEmpty() ? "no dump" : "dumps");
    }
}
