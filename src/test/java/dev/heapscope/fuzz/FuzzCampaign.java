package dev.heapscope.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The long fuzzing campaign ({@code mvn -o -Pfuzz test-compile exec:exec}, docs/RELIABILITY.md "Fuzzing"): every
 * surface in turn in this one JVM, a count of inputs each ({@code -Dfuzz.SURFACE=N}), then the totals and the
 * JVM's peak resident memory (VmHWM) — the campaign runs in a JVM of its own so that figure is its own.
 */
public final class FuzzCampaign {
    /**
     * The pom's default too, two lanes side by side ({@code |}): the parser and the session store called directly
     * (a fraction of a millisecond an input), the sandbox (a script runs to its budget: a quarter of a second),
     * and the commands themselves (about 10 ms of command-line set-up an input).
     */
    static final String DEFAULT_COUNTS = "parse=920000,session-open=60000,sandbox=2000"
            + "|analyze=12000,export=12000,report=6000,diff=4000,session=6000";

    private FuzzCampaign() {
    }

    /** {@code analyze=1000,sandbox=10}: surfaces in the order given. */
    static Map<String, Long> counts(String spec) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String pair : spec.split(",")) {
            String[] parts = pair.strip().split("=");
            counts.put(parts[0], Long.parseLong(parts[1].replace("_", "")));
        }
        return counts;
    }

    public static void main(String[] args) throws Exception {
        // the session store's warnings for parts it skips would flood the output; the oracle reads the results
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.SEVERE);
        long seed = Long.getLong("fuzz.seed", 2026);
        String spec = args.length > 0 ? args[0] : DEFAULT_COUNTS;
        InputSizes sizes = new InputSizes(Integer.getInteger("fuzz.typicalBytes", 2_048),
                Integer.getInteger("fuzz.maxBytes", 1 << 20), Integer.getInteger("fuzz.bigOneIn", 200));
        Path work = Files.createTempDirectory("fuzz-campaign");
        Findings findings = new Findings(Path.of(System.getProperty("fuzz.findings", "target/fuzz-findings")));
        FuzzRun run = new FuzzRun(findings, Long.getLong("fuzz.deadlineMillis", 20_000));
        System.out.printf("fuzz campaign: seed %d, inputs %s, sizes %s, JVM %s%n", seed, spec, sizes,
                java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        long started = System.nanoTime();
        List<Tally> tallies = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> lanes = new ArrayList<>();
        try {
            for (String lane : spec.split("\\|")) {
                Path laneWork = Files.createDirectories(work.resolve("lane-" + lanes.size()));
                Thread thread = new Thread(() -> runLane(counts(lane), sizes, laneWork, run, seed, tallies), "fuzz-lane-" + lanes.size());
                lanes.add(thread);
                thread.start();
            }
            for (Thread lane : lanes) {
                lane.join();
            }
        } finally {
            FuzzFiles.deleteTree(work);
        }
        printSummary(tallies, findings, (System.nanoTime() - started) / 1_000_000_000);
        System.exit(tallies.stream().mapToLong(Tally::failures).sum() == 0 ? 0 : 1);
    }

    /** One lane's surfaces in turn; lanes run side by side so both cores are used. */
    private static void runLane(Map<String, Long> counts, InputSizes sizes, Path work, FuzzRun run, long seed, List<Tally> tallies) {
        for (Map.Entry<String, Long> surface : counts.entrySet()) {
            try (Surface fuzzed = Surfaces.create(surface.getKey(), sizes, work)) {
                Tally tally = run.run(fuzzed, surface.getValue(), seed, progress -> System.out.println("  " + progress
                        + "  VmHWM " + PeakMemory.highWaterMark()));
                tallies.add(tally);
                System.out.println(tally);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private static void printSummary(List<Tally> tallies, Findings findings, long seconds) throws IOException {
        System.out.println();
        System.out.println("=== fuzz campaign summary ===");
        tallies.forEach(System.out::println);
        System.out.printf("total inputs %,d, escaped exceptions %d, hangs %d, bad outputs %d, notes %d, peak RSS (VmHWM) %s, "
                        + "elapsed %d min %d s%n", tallies.stream().mapToLong(t -> t.inputs).sum(),
                tallies.stream().mapToLong(t -> t.escapedExceptions).sum(), tallies.stream().mapToLong(t -> t.hangs).sum(),
                tallies.stream().mapToLong(t -> t.badOutputs).sum(), tallies.stream().mapToLong(t -> t.notes).sum(), PeakMemory.highWaterMark(), seconds / 60, seconds % 60);
        findings.summaries().forEach(line -> System.out.println("finding: " + line));
    }
}
