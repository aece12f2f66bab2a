package dev.heapscope.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a large, realistic dialect-B LEAKS dump: records with sizes from 4 B to 4 KiB, depth-8
 * chains drawn from a pool (as real firmware repeats its call sites), console noise around it.
 * Deterministic for a seed, so figures are comparable across runs.
 */
public final class SyntheticDump {
    private SyntheticDump() {
    }

    public static Path write(Path file, int records, int distinctChains, long seed) throws IOException {
        Random random = new Random(seed);
        String[] chains = new String[distinctChains];
        for (int i = 0; i < distinctChains; i++) {
            StringBuilder chain = new StringBuilder();
            int depth = 2 + random.nextInt(7);
            for (int d = 0; d < 8; d++) {
                if (d < depth) {
                    chain.append(String.format("0x%08x", 0x400d0000 + random.nextInt(0x60000) * 4));
                }
                if (d < 7 && d < depth) {
                    chain.append(':');
                }
            }
            chains[i] = chain.toString();
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        long totalBytes = 0;
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.US_ASCII), 1 << 16)) {
            out.write("> heaptrace.dump()\n");
            out.write("====== Heap Trace: " + records + " records (" + records + " capacity) ======\r\n");
            int address = 0x3ffb0000;
            int ccount = 0x10000000;
            for (int i = 0; i < records; i++) {
                int size = 4 + random.nextInt(4) * 4 + (random.nextInt(16) == 0 ? random.nextInt(4096) : 0);
                totalBytes += size;
                address += (size + 11) & ~3;
                ccount += 400 + random.nextInt(4000) & ~3;
                int chain = (int) Math.min(distinctChains - 1, Math.abs(random.nextGaussian()) * distinctChains / 3);
                out.write(String.format("%6d bytes (@ 0x%08x, Internal) allocated CPU %d ccount 0x%08x caller %s\r\n",
                        size, address, i & 1, ccount & ~3, chains[chain]));
                if (i % 50_000 == 0) {
                    out.write("I (" + (1000 + i) + ") wifi: bcn_timeout,ap_probe_send_start\r\n");
                }
            }
            out.write("====== Heap Trace Summary ======\r\n");
            out.write("Mode: Heap Trace Leaks\r\n");
            out.write(totalBytes + " bytes 'leaked' in trace (" + records + " allocations)\r\n");
            out.write("records: " + records + " (" + records + " capacity, " + records + " high water mark)\r\n");
            out.write("total allocations: " + (records * 3L) + "\r\n");
            out.write("total frees: " + (records * 2L) + "\r\n");
            out.write("================================\r\n> ");
        }
        return file;
    }

    /** {@code SyntheticDump FILE RECORDS [CHAINS]}: writes a dump for command-line measurements. */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "target/bench/dump-1m.log");
        int records = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int chains = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
        write(file, records, chains, 42);
        System.out.println(file + ": " + Files.size(file) + " bytes, " + records + " records");
    }
}
