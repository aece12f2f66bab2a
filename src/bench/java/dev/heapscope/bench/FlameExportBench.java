package dev.heapscope.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code -Dbench=flame-export}: the SVG flame graph of 100,000 unique folded stacks (written by
 * {@link UniqueStacks}), whole commands side by side in the same run, interleaved so load hits each
 * alike: {@code heapscope export -f svg} from target/heapscope.jar (default JVM, and with the
 * launcher's candidate options), an earlier build when {@code HEAPSCOPE_BENCH_BEFORE_JAR} names its
 * jar, and flamegraph.pl ({@code HEAPSCOPE_FLAMEGRAPH_PL}, else {@code flamegraph.pl} on the PATH;
 * default 0.1 px minwidth and {@code --minwidth 1}). Wall time and peak RSS come from GNU time.
 * {@code HEAPSCOPE_BENCH_RUNS} sets the rounds (default 5). Prints one Markdown row per command.
 */
public final class FlameExportBench {
    private FlameExportBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "bench"));
        Path folded = dir.resolve("stacks-" + UniqueStacks.STACKS + ".folded");
        if (!Files.exists(folded)) {
            UniqueStacks.writeFolded(folded);
        }
        Path out = dir.resolve("flame-bench.svg");
        Map<String, List<String>> commands = new LinkedHashMap<>();
        String jar = Path.of("target", "heapscope.jar").toString();
        commands.put("heapscope export -f svg (java -jar)", List.of("java", "-jar", jar, "export", folded.toString(),
                "-f", "svg", "-o", out.toString()));
        commands.put("same, -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto", List.of("java", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-jar", jar, "export", folded.toString(), "-f", "svg", "-o",
                out.toString()));
        String before = System.getenv("HEAPSCOPE_BENCH_BEFORE_JAR");
        if (before != null) {
            commands.put("earlier build (" + Path.of(before).getFileName() + "), java -jar", List.of("java", "-jar",
                    before, "export", folded.toString(), "-f", "svg", "-o", dir.resolve("flame-before.svg").toString()));
        }
        String flamegraph = System.getenv().getOrDefault("HEAPSCOPE_FLAMEGRAPH_PL", "flamegraph.pl");
        commands.put("flamegraph.pl (minwidth 0.1 px)", List.of("perl", flamegraph, folded.toString()));
        commands.put("flamegraph.pl --minwidth 1", List.of("perl", flamegraph, "--minwidth", "1", folded.toString()));
        int runs = Integer.parseInt(System.getenv().getOrDefault("HEAPSCOPE_BENCH_RUNS", "5"));
        Map<String, List<double[]>> results = new LinkedHashMap<>();
        for (int round = 0; round < runs; round++) {
            for (Map.Entry<String, List<String>> command : commands.entrySet()) {
                double[] measured = timed(command.getValue(), dir.resolve("flame-bench.out"));
                if (measured != null) {
                    results.computeIfAbsent(command.getKey(), k -> new ArrayList<>()).add(measured);
                }
            }
        }
        System.out.println("| command | wall, median (min–max) | peak RSS, median |");
        System.out.println("|---|---|---|");
        for (Map.Entry<String, List<double[]>> result : results.entrySet()) {
            List<double[]> all = result.getValue();
            double[] walls = all.stream().mapToDouble(r -> r[0]).sorted().toArray();
            double[] rss = all.stream().mapToDouble(r -> r[1]).sorted().toArray();
            System.out.printf("| %s | %.2f s (%.2f–%.2f) | %.0f MB |%n", result.getKey(), walls[walls.length / 2],
                    walls[0], walls[walls.length - 1], rss[rss.length / 2] / 1024);
        }
        System.out.println("load average: " + Files.readString(Path.of("/proc/loadavg")).trim());
    }

    /** {wall seconds, max RSS KB} of one run, or null when it could not run (flamegraph.pl missing). */
    static double[] timed(List<String> command, Path stdout) throws IOException, InterruptedException {
        Path times = Files.createTempFile("flame-bench", ".time");
        List<String> full = new ArrayList<>(List.of("/usr/bin/time", "-o", times.toString(), "-f", "%e %M"));
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectOutput(stdout.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int code = process.waitFor();
        String[] fields = Files.readString(times, StandardCharsets.UTF_8).trim().split("\\s+");
        Files.delete(times);
        if (code != 0) {
            System.err.println("skipped (exit " + code + "): " + String.join(" ", command));
            return null;
        }
        return new double[] {Double.parseDouble(fields[fields.length - 2]), Double.parseDouble(fields[fields.length - 1])};
    }
}
