package dev.heapscope.bench;

import dev.heapscope.parse.LogParser;
import dev.heapscope.parse.ParsedLog;

import java.nio.file.Path;

/** Heap retained by a parsed 1,000,000-record dump, per record (after full GCs). */
public final class MemoryPerRecord {
    private MemoryPerRecord() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path file = SyntheticDump.write(Path.of("target/bench/dump-" + records + ".log"), records, 2_000, 42);
        long before = usedAfterGc();
        ParsedLog log = new LogParser().parse(file);
        long after = usedAfterGc();
        int parsed = log.dumps().get(0).records().size();
        System.out.printf("memory: %d records retained %.1f MB = %.1f bytes/record%n",
                parsed, (after - before) / 1e6, (after - before) / (double) parsed);
        if (log.dumps().isEmpty()) {
            throw new IllegalStateException("nothing parsed");
        }
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
