package dev.heapscope.bench;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.util.Arrays;

/**
 * {@code mvn -Pbench compile exec:java -Dexec.args="NAME..."}: runs the named benchmarks.
 * {@code parse} (JMH), {@code memory} (retained heap per record), {@code ingest} (serial); no name runs all.
 */
public final class BenchRunner {
    private BenchRunner() {
    }

    public static void main(String[] args) throws Exception {
        var names = Arrays.asList(args);
        boolean all = names.isEmpty();
        if (all || names.contains("memory")) {
            MemoryPerRecord.main(new String[0]);
        }
        if (all || names.contains("ingest")) {
            SerialIngestBench.main(new String[0]);
        }
        if (all || names.contains("parse")) {
            jmh(ParseBenchmark.class.getSimpleName());
        }
    }

    static void jmh(String include) throws RunnerException {
        new Runner(new OptionsBuilder().include(include).build()).run();
    }
}
