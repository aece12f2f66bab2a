package dev.heapscope.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * Writes the inputs of the export benchmark (docs/PERFORMANCE.md, "Exports"): 100,000 unique folded
 * stacks (depth 6–24, 3,000 names, the first three frames from 40) and a dialect-B dump of 100,000
 * records with 100,000 distinct depth-10 chains. Seeded: every run writes the same files.
 */
public final class UniqueStacks {
    static final int STACKS = 100_000;

    private UniqueStacks() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "bench"));
        writeFolded(dir.resolve("stacks-" + STACKS + ".folded"));
        writeLog(dir.resolve("unique-chains-" + STACKS + ".log"));
        System.out.println("wrote " + dir.resolve("stacks-" + STACKS + ".folded") + " and "
                + dir.resolve("unique-chains-" + STACKS + ".log"));
    }

    static void writeFolded(Path file) throws IOException {
        Random random = new Random(7);
        Set<String> seen = new HashSet<>();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            while (seen.size() < STACKS) {
                int depth = 6 + random.nextInt(19);
                StringBuilder stack = new StringBuilder();
                for (int k = 0; k < depth; k++) {
                    int name = random.nextInt(k < 3 ? 40 : 3000);
                    stack.append(k == 0 ? "" : ";").append("module_").append(name / 50).append("::function_").append(name);
                }
                if (seen.add(stack.toString())) {
                    out.append(stack).append(' ').append(Integer.toString(1 + random.nextInt(4096))).append('\n');
                }
            }
        }
    }

    static void writeLog(Path file) throws IOException {
        Random random = new Random(8);
        Set<String> seen = new HashSet<>();
        long bytes = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
            out.append("====== Heap Trace: " + STACKS + " records (" + STACKS + " capacity) ======\r\n");
            while (seen.size() < STACKS) {
                StringBuilder chain = new StringBuilder();
                for (int k = 0; k < 10; k++) {
                    chain.append(k == 0 ? "" : ":").append(String.format("0x%08x", 0x400d0000 + 4 * random.nextInt(5000)));
                }
                if (!seen.add(chain.toString())) {
                    continue;
                }
                int size = 1 + random.nextInt(4096);
                bytes += size;
                out.append(String.format("%6d bytes (@ 0x%08x, Internal) allocated CPU 0 ccount 0x%08x caller %s\r\n",
                        size, 0x3ffb0000 + seen.size() * 16, seen.size() * 4, chain));
            }
            out.append("====== Heap Trace Summary ======\r\nMode: Heap Trace Leaks\r\n")
                    .append(bytes + " bytes 'leaked' in trace (" + STACKS + " allocations)\r\n")
                    .append("records: " + STACKS + " (" + STACKS + " capacity, " + STACKS + " high water mark)\r\n")
                    .append("total allocations: " + STACKS + "\r\ntotal frees: 0\r\n================================\r\n");
        }
    }
}
