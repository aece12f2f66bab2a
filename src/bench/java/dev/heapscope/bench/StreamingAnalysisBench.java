package dev.heapscope.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code -Dbench=stream}: whole commands over {@link SyntheticDump} logs of 1,000,000 and 5,000,000 records
 * (written to target/bench/dump-N.log when missing), side by side in the same run and interleaved so load
 * hits each alike: {@code analyze --folded} from target/heapscope.jar (plain {@code java -jar}, and with
 * {@code -XX:+UseSerialGC}, as the launcher runs the CLI), an earlier build when
 * {@code HEAPSCOPE_BENCH_BEFORE_JAR} names its jar, and perl's one-pass fold
 * (src/bench/resources/fold-heap-trace.pl); on the largest log also the text report, {@code report} and
 * {@code --json}. Wall time and peak RSS from GNU time; {@code HEAPSCOPE_BENCH_RUNS} rounds (default 3),
 * {@code HEAPSCOPE_BENCH_RECORDS} the sizes (default "1000000,5000000"). Prints Markdown rows.
 */
public final class StreamingAnalysisBench {
    private StreamingAnalysisBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "bench"));
        String jar = Path.of("target", "heapscope.jar").toString();
        String before = System.getenv("HEAPSCOPE_BENCH_BEFORE_JAR");
        String perl = Path.of("src", "bench", "resources", "fold-heap-trace.pl").toString();
        int runs = Integer.parseInt(System.getenv().getOrDefault("HEAPSCOPE_BENCH_RUNS", "3"));
        String[] sizes = System.getenv().getOrDefault("HEAPSCOPE_BENCH_RECORDS", "1000000,5000000").split(",");
        for (int s = 0; s < sizes.length; s++) {
            int records = Integer.parseInt(sizes[s].trim());
            Path log = dir.resolve("dump-" + records + ".log");
            if (!Files.exists(log)) {
                SyntheticDump.write(log, records, 2_000, 42);
            }
            boolean largest = s == sizes.length - 1;
            Map<String, List<String>> commands = new LinkedHashMap<>();
            commands.put("perl fold-heap-trace.pl", List.of("perl", perl, log.toString()));
            addJava(commands, "analyze --folded", jar, null, log, "--folded");
            if (before != null) {
                addJava(commands, "analyze --folded", before, "earlier build", log, "--folded");
            }
            if (largest) {
                addJava(commands, "analyze (text)", jar, null, log);
                addJava(commands, "analyze --json", jar, null, log, "--json");
                addJava(commands, "report", jar, null, log, "report");
            }
            System.out.println("\n" + records + " records, " + Files.size(log) / 1_000_000 + " MB:");
            report(run(commands, runs, dir.resolve("stream-bench.out")));
        }
        System.out.println("load average: " + Files.readString(Path.of("/proc/loadavg")).trim());
    }

    /** The command with plain {@code java -jar} and with {@code -XX:+UseSerialGC}; "report" is a command of its own. */
    private static void addJava(Map<String, List<String>> commands, String label, String jar, String which, Path log,
                                String... options) {
        for (boolean serial : new boolean[] {false, true}) {
            List<String> command = new ArrayList<>(List.of("java"));
            if (serial) {
                command.add("-XX:+UseSerialGC");
            }
            command.addAll(List.of("-jar", jar));
            boolean report = options.length == 1 && options[0].equals("report");
            command.add(report ? "report" : "analyze");
            command.add(log.toString());
            if (!report) {
                command.addAll(List.of(options));
            }
            commands.put(label + (which == null ? "" : ", " + which) + (serial ? ", -XX:+UseSerialGC" : ", java -jar"),
                    command);
        }
    }

    private static Map<String, List<double[]>> run(Map<String, List<String>> commands, int runs, Path out)
            throws Exception {
        Map<String, List<double[]>> results = new LinkedHashMap<>();
        for (int round = 0; round < runs; round++) {
            for (Map.Entry<String, List<String>> command : commands.entrySet()) {
                double[] measured = FlameExportBench.timed(command.getValue(), out);
                if (measured != null) {
                    results.computeIfAbsent(command.getKey(), k -> new ArrayList<>()).add(measured);
                }
            }
        }
        return results;
    }

    private static void report(Map<String, List<double[]>> results) {
        double perl = results.containsKey("perl fold-heap-trace.pl")
                ? median(results.get("perl fold-heap-trace.pl"), 0) : Double.NaN;
        System.out.println("| command | wall, median (min–max) | × perl wall | peak RSS, median (max) |");
        System.out.println("|---|---|---|---|");
        for (Map.Entry<String, List<double[]>> result : results.entrySet()) {
            List<double[]> all = result.getValue();
            double[] walls = all.stream().mapToDouble(r -> r[0]).sorted().toArray();
            double[] rss = all.stream().mapToDouble(r -> r[1]).sorted().toArray();
            System.out.printf("| %s | %.2f s (%.2f–%.2f) | %.2f× | %.0f MB (%.0f) |%n", result.getKey(),
                    walls[walls.length / 2], walls[0], walls[walls.length - 1], walls[walls.length / 2] / perl,
                    rss[rss.length / 2] / 1024, rss[rss.length - 1] / 1024);
        }
    }

    private static double median(List<double[]> runs, int field) {
        double[] values = runs.stream().mapToDouble(r -> r[field]).sorted().toArray();
        return values[values.length / 2];
    }
}
