package dev.heapscope.bench;

import dev.heapscope.model.Symbol;
import dev.heapscope.symbols.ElfSymbolizer;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;

/**
 * First-load time of a firmware ELF and batch resolution speed (addresses per second). The ELF is
 * $HEAPSCOPE_BENCH_ELF, else target/bench/large-xtensa.elf, built by src/bench/elf/build-large.sh when
 * the Xtensa toolchain is on PATH. Also writes target/bench/elf-sample.txt (address function
 * file:line) to compare with addr2line by hand.
 */
public final class ElfResolveBench {
    private static final int ADDRESSES = 200_000;
    private static final int FIRST_BATCH = 10_000;

    private ElfResolveBench() {
    }

    public static void main(String[] args) throws Exception {
        Path elf = elfToUse();
        System.out.printf("ELF %s: %.1f MB%n", elf, Files.size(elf) / 1e6);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long startCpu = threads.getCurrentThreadCpuTime();
        ElfSymbolizer symbolizer = ElfSymbolizer.load(elf);
        System.out.printf("first open (cold JVM): %.0f ms wall, %.0f ms CPU of this thread, %d functions%n",
                (System.nanoTime() - start) / 1e6, (threads.getCurrentThreadCpuTime() - startCpu) / 1e6,
                symbolizer.functionCount());
        // What analyze --elf does next: name a dump's addresses, the JIT still cold.
        int[] sample = Arrays.copyOf(textAddresses(symbolizer, new Random(15), FIRST_BATCH), FIRST_BATCH);
        start = System.nanoTime();
        startCpu = threads.getCurrentThreadCpuTime();
        long named = Arrays.stream(sample).filter(address -> symbolizer.resolve(address).isPresent()).count();
        System.out.printf("then %,d addresses (%,d in functions): %.0f ms wall, %.0f ms CPU of this thread, "
                + "%d line programs decoded%n", FIRST_BATCH, named, (System.nanoTime() - start) / 1e6,
                (threads.getCurrentThreadCpuTime() - startCpu) / 1e6, symbolizer.decodedLinePrograms());
        long decodeStart = System.nanoTime();
        int rows = symbolizer.lineRowCount(); // decodes every line program
        double decodeMillis = (System.nanoTime() - decodeStart) / 1e6;
        System.out.printf("then decoding every other line table: %.0f ms, %d line rows in all, %d inlined segments%n",
                decodeMillis, rows, symbolizer.inlinedSegmentCount());
        double bestLoadMillis = Double.MAX_VALUE;
        for (int run = 0; run < 5; run++) {
            long t = System.nanoTime();
            ElfSymbolizer.load(elf);
            bestLoadMillis = Math.min(bestLoadMillis, (System.nanoTime() - t) / 1e6);
        }
        System.out.printf("open (warm, best of 5): %.0f ms%n", bestLoadMillis);

        int[] addresses = textAddresses(symbolizer, new Random(6), ADDRESSES);
        long sink = 0;
        for (int run = 0; run < 5; run++) {
            long t = System.nanoTime();
            for (int address : addresses) {
                Optional<Symbol> symbol = symbolizer.resolve(address);
                if (symbol.isPresent()) {
                    sink += symbol.get().line();
                }
            }
            double seconds = (System.nanoTime() - t) / 1e9;
            System.out.printf("resolve run %d: %,d addresses in %.1f ms = %,.0f addresses/s%n", run + 1,
                    addresses.length, seconds * 1e3, addresses.length / seconds);
        }
        System.out.println("(checksum " + sink + ")");
        writeSample(symbolizer, addresses);
    }

    /** Random addresses over the span of the named code, as chains from a real dump would spread. */
    private static int[] textAddresses(ElfSymbolizer symbolizer, Random random, int count) {
        long low = 0x400d0000L;
        long high = endOfCode(symbolizer, low);
        int[] addresses = new int[count];
        for (int i = 0; i < addresses.length; i++) {
            addresses[i] = (int) (low + (long) (random.nextDouble() * (high - low)));
        }
        return addresses;
    }

    /** Where the code sections end, probing upwards from {@code low} in 4 KiB steps (decodes nothing). */
    static long endOfCode(ElfSymbolizer symbolizer, long low) {
        long high = low;
        while (high - low < 0x4000000L && symbolizer.isCodeAddress((int) (high + 0x1000))) {
            high += 0x1000;
        }
        return high + 0x1000;
    }

    /** Where the named code ends, probing upwards from {@code low} in 64 KiB steps. */
    static long endOfNamedCode(ElfSymbolizer symbolizer, long low) {
        long high = low;
        while (high - low < 0x4000000L && (symbolizer.resolve((int) (high + 0x10000)).isPresent()
                || symbolizer.resolve((int) (high + 0x8000)).isPresent())) {
            high += 0x10000;
        }
        return high + 0x10000;
    }

    private static void writeSample(ElfSymbolizer symbolizer, int[] addresses) throws Exception {
        Path sample = Path.of("target/bench/elf-sample.txt");
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(sample))) {
            for (int i = 0; i < 2000; i++) {
                int address = addresses[i];
                Optional<Symbol> symbol = symbolizer.resolve(address);
                out.printf("0x%08x %s %s:%s%n", address, symbol.map(Symbol::function).orElse("??"),
                        symbol.map(Symbol::file).orElse("??"),
                        symbol.map(s -> s.line() > 0 ? Integer.toString(s.line()) : "?").orElse("0"));
            }
        }
        System.out.println("sample for addr2line comparison: " + sample);
    }

    static Path elfToUse() throws Exception {
        String configured = System.getenv("HEAPSCOPE_BENCH_ELF");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path large = Path.of("target/bench/large-xtensa.elf");
        if (!Files.exists(large)) {
            Files.createDirectories(large.getParent());
            System.out.println("building " + large + " with src/bench/elf/build-large.sh (minutes) ...");
            Process build = new ProcessBuilder("sh", "src/bench/elf/build-large.sh", large.toString())
                    .inheritIO().start();
            if (build.waitFor() != 0) {
                throw new IllegalStateException("could not build " + large + " (is xtensa-lx106-elf-gcc on PATH?); "
                        + "set HEAPSCOPE_BENCH_ELF to a firmware ELF instead");
            }
        }
        return large;
    }
}
