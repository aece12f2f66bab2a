package dev.heapscope.bench;

import dev.heapscope.symbols.ElfSymbolizer;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The whole {@code heapscope analyze LOG --elf ELF} command against the toolchain's {@code addr2line}
 * batch on the same addresses, and {@code --help} (JVM start alone) and {@code analyze LOG} without
 * an ELF (what the ELF adds), in interleaved rounds so that a loaded machine weighs on every command
 * alike. The ELF is $HEAPSCOPE_BENCH_ELF or target/bench/large-xtensa.elf (see ElfResolveBench); the jars
 * are $HEAPSCOPE_BENCH_JARS (colon-separated, e.g. an older build beside the new one), else
 * target/heapscope.jar; addr2line is $HEAPSCOPE_ADDR2LINE or the first Xtensa/RISC-V/host addr2line on
 * the PATH; $HEAPSCOPE_BENCH_JAVA_OPTIONS adds the last jar again with those JVM options. CPU time (user +
 * system, JIT threads included) comes from /usr/bin/time when it exists.
 */
public final class ElfCommandBench {
    private static final int ADDRESSES = Integer.getInteger("heapscope.bench.addresses", 10_000);
    private static final int ROUNDS = Integer.getInteger("heapscope.bench.rounds", 7);
    private static final int FRAMES_PER_RECORD = 5;
    /** When set, only addresses in this many source files (as a dump from a few modules would be). */
    private static final int FILES = Integer.getInteger("heapscope.bench.files", 0);

    private ElfCommandBench() {
    }

    public static void main(String[] args) throws Exception {
        Path elf = ElfResolveBench.elfToUse();
        Path work = Files.createDirectories(Path.of("target/bench"));
        int[] addresses = addressesInFunctions(elf, ADDRESSES);
        Path list = work.resolve("elf-addresses.txt");
        Path log = work.resolve("elf-dump.log");
        writeAddresses(list, addresses);
        writeDump(log, addresses);
        String addr2line = addr2line();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Map<String, List<String>> commands = new LinkedHashMap<>();
        commands.put("addr2line -f -e ELF < " + addresses.length + " addresses",
                List.of("sh", "-c", "exec " + addr2line + " -f -e '" + elf + "' < '" + list + "' > /dev/null"));
        for (String jar : jars()) {
            String name = Path.of(jar).getFileName().toString();
            commands.put(name + " --help", List.of(java, "-jar", jar, "--help"));
            commands.put(name + " analyze LOG", List.of(java, "-jar", jar, "analyze", log.toString()));
            commands.put(name + " analyze LOG --elf ELF",
                    List.of(java, "-jar", jar, "analyze", log.toString(), "--elf", elf.toString()));
        }
        String options = System.getenv("HEAPSCOPE_BENCH_JAVA_OPTIONS");
        if (options != null && !options.isBlank()) { // the last jar again, with JVM options a launcher could set
            String jar = jars().get(jars().size() - 1);
            String name = Path.of(jar).getFileName() + " " + options.strip();
            List<String> launch = new ArrayList<>(List.of(java));
            launch.addAll(Arrays.asList(options.strip().split("\\s+")));
            launch.addAll(List.of("-jar", jar));
            List<String> help = new ArrayList<>(launch);
            help.add("--help");
            List<String> analyze = new ArrayList<>(launch);
            analyze.addAll(List.of("analyze", log.toString(), "--elf", elf.toString()));
            commands.put(name + " --help", help);
            commands.put(name + " analyze LOG --elf ELF", analyze);
        }
        System.out.printf("ELF %s (%.1f MB), %,d distinct addresses%s in %,d records, %d rounds%n", elf,
                Files.size(elf) / 1e6, addresses.length, FILES > 0 ? " in " + FILES + " source files" : "",
                addresses.length / FRAMES_PER_RECORD, ROUNDS);
        Map<String, double[][]> times = new LinkedHashMap<>();
        commands.keySet().forEach(key -> times.put(key, new double[2][ROUNDS]));
        for (int round = 0; round < ROUNDS; round++) {
            for (Map.Entry<String, List<String>> command : commands.entrySet()) {
                double[] measured = Timed.run(command.getValue());
                times.get(command.getKey())[0][round] = measured[0];
                times.get(command.getKey())[1][round] = measured[1];
            }
        }
        double addr2lineWall = median(times.values().iterator().next()[0]);
        System.out.println("| command | wall, median (min–max) | CPU, median | wall ÷ addr2line |");
        System.out.println("|---|---|---|---|");
        for (Map.Entry<String, double[][]> entry : times.entrySet()) {
            double[] wall = entry.getValue()[0];
            double[] cpu = entry.getValue()[1];
            System.out.printf(Locale.ROOT, "| %s | %.2f s (%.2f–%.2f) | %s | %.1f× |%n", entry.getKey(), median(wall),
                    Arrays.stream(wall).min().orElse(0), Arrays.stream(wall).max().orElse(0),
                    cpu[0] < 0 ? "—" : String.format(Locale.ROOT, "%.2f s", median(cpu)), median(wall) / addr2lineWall);
        }
    }

    /** Distinct addresses that the ELF names (inside functions), spread as real call chains are. */
    static int[] addressesInFunctions(Path elf, int count) throws IOException {
        ElfSymbolizer symbolizer = ElfSymbolizer.load(elf);
        long low = 0x400d0000L;
        long high = ElfResolveBench.endOfNamedCode(symbolizer, low);
        Random random = new Random(15);
        Set<Integer> found = new LinkedHashSet<>();
        Set<String> files = new LinkedHashSet<>();
        for (int tries = 0; found.size() < count && tries < count * 1000; tries++) {
            int address = (int) (low + (long) (random.nextDouble() * (high - low)));
            var symbol = symbolizer.resolve(address);
            if (symbol.isEmpty()) {
                continue;
            }
            String file = String.valueOf(symbol.get().file());
            if (FILES > 0 && !files.contains(file) && files.size() >= FILES) {
                continue;
            }
            files.add(file);
            found.add(address);
        }
        return found.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void writeAddresses(Path file, int[] addresses) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            for (int address : addresses) {
                out.write(String.format("0x%08x%n", address));
            }
        }
    }

    /** One dialect-B dump whose records' chains hold every address once. */
    private static void writeDump(Path file, int[] addresses) throws IOException {
        int records = addresses.length / FRAMES_PER_RECORD;
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            out.write("> heaptrace.dump()\n");
            out.write("====== Heap Trace: " + records + " records (" + records + " capacity) ======\r\n");
            long total = 0;
            for (int r = 0; r < records; r++) {
                StringBuilder chain = new StringBuilder();
                for (int f = 0; f < FRAMES_PER_RECORD; f++) {
                    chain.append(f == 0 ? "" : ":").append(String.format("0x%08x", addresses[r * FRAMES_PER_RECORD + f]));
                }
                int size = 16 + r % 64;
                total += size;
                out.write(String.format("%6d bytes (@ 0x%08x, Internal) allocated CPU 0 ccount 0x%08x caller %s\r\n",
                        size, 0x3ffb0000 + r * 96, 0x10000000 + r * 400, chain));
            }
            out.write("====== Heap Trace Summary ======\r\nMode: Heap Trace Leaks\r\n");
            out.write(total + " bytes 'leaked' in trace (" + records + " allocations)\r\n");
            out.write("records: " + records + " (" + records + " capacity, " + records + " high water mark)\r\n");
            out.write("total allocations: " + records + "\r\ntotal frees: 0\r\n================================\r\n> ");
        }
    }

    private static List<String> jars() {
        String configured = System.getenv("HEAPSCOPE_BENCH_JARS");
        if (configured == null || configured.isBlank()) {
            return List.of("target/heapscope.jar");
        }
        return Arrays.asList(configured.split(":"));
    }

    private static String addr2line() {
        String configured = System.getenv("HEAPSCOPE_ADDR2LINE");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        for (String name : List.of("xtensa-lx106-elf-addr2line", "xtensa-esp32-elf-addr2line",
                "riscv32-esp-elf-addr2line", "addr2line")) {
            for (String directory : System.getenv().getOrDefault("PATH", "").split(":")) {
                if (Files.isExecutable(Path.of(directory, name))) {
                    return Path.of(directory, name).toString();
                }
            }
        }
        throw new IllegalStateException("no addr2line on the PATH; set HEAPSCOPE_ADDR2LINE");
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** Runs a command to its end: {wall seconds, CPU seconds or -1}; its output is discarded. */
    private static final class Timed {
        private static final Path TIME = Path.of("/usr/bin/time");

        static double[] run(List<String> command) throws IOException, InterruptedException {
            List<String> full = new ArrayList<>();
            Path cpuFile = Files.createTempFile("heapscope-bench", ".time");
            boolean cpu = Files.isExecutable(TIME);
            if (cpu) {
                full.addAll(List.of(TIME.toString(), "-o", cpuFile.toString(), "-f", "%U %S"));
            }
            full.addAll(command);
            long start = System.nanoTime();
            Process process = new ProcessBuilder(full).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            int exit = process.waitFor();
            double wall = (System.nanoTime() - start) / 1e9;
            if (exit != 0) {
                throw new IllegalStateException("exit " + exit + ": " + String.join(" ", command));
            }
            double seconds = -1;
            if (cpu) {
                String[] parts = Files.readString(cpuFile).trim().split("\\s+");
                seconds = Double.parseDouble(parts[parts.length - 2]) + Double.parseDouble(parts[parts.length - 1]);
            }
            Files.deleteIfExists(cpuFile);
            return new double[]{wall, seconds};
        }
    }
}
