package dev.heapscope.bench;

import dev.heapscope.parse.LogParser;
import dev.heapscope.parse.ParsedLog;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Parse throughput: a whole generated log, file → LineFramer → DumpParser → Dump. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class ParseBenchmark {

    @Param({"100000", "1000000"})
    int records;

    private Path file;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        file = SyntheticDump.write(Path.of("target/bench/dump-" + records + ".log"), records, 2_000, 42);
    }

    @Benchmark
    public ParsedLog parseWholeLog() throws IOException {
        return new LogParser().parse(file);
    }
}
