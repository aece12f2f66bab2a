package dev.heapscope.bench;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.util.Arrays;

/**
 * {@code mvn -Pbench compile exec:exec -Dbench=NAME}: runs the named benchmark ({@code all}: every one).
 * {@code parse} (JMH), {@code memory} (retained heap per record), {@code ingest} (serial), {@code flame} (flame graph and timeline: redraw p50/p99/worst idle and under load, allocation per redraw; layout and reductions in JMH),
 * {@code elf} (ELF first load and address resolution), {@code elf-command} (analyze --elf beside addr2line),
 * {@code flame-export} (SVG of 100,000 folded stacks against flamegraph.pl), {@code stream} (analyze and report of
 * 1M and 5M records beside perl's fold, memory); no name runs all.
 */
public final class BenchRunner {
    private BenchRunner() {
    }

    public static void main(String[] args) throws Exception {
        var names = Arrays.asList(args);
        boolean all = names.isEmpty() || names.contains("all");
        if (all || names.contains("memory")) {
            MemoryPerRecord.main(new String[0]);
        }
        if (all || names.contains("ingest")) {
            SerialIngestBench.main(new String[0]);
        }
        if (all || names.contains("flame")) {
            dev.heapscope.ui.flame.FlamePaintTiming.main(new String[] {"keep-fx"});
            dev.heapscope.ui.timeline.TimelinePaintTiming.main(new String[0]);
            jmh("FlameBenchmark");
        }
        if (names.contains("exports")) {
            UniqueStacks.main(new String[0]);
        }
        if (names.contains("flame-export")) { // needs target/heapscope.jar (mvn package) and perl with flamegraph.pl
            FlameExportBench.main(new String[0]);
        }
        if (names.contains("elf")) { // builds a 25 MB ELF with the Xtensa toolchain unless HEAPSCOPE_BENCH_ELF is set
            ElfResolveBench.main(new String[0]);
        }
        if (names.contains("stream")) { // analyze/report of 1M and 5M records beside perl's fold; needs the packaged jar
            StreamingAnalysisBench.main(new String[0]);
        }
        if (names.contains("elf-command")) { // the whole analyze --elf command beside addr2line; needs the packaged jar
            ElfCommandBench.main(new String[0]);
        }
        if (all || names.contains("parse")) {
            jmh(ParseBenchmark.class.getSimpleName());
        }
    }

    static void jmh(String include) throws RunnerException {
        new Runner(new OptionsBuilder().include(include).build()).run();
    }
}
