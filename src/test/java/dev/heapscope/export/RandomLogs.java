package dev.heapscope.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random console logs for comparing ways of reading them: dumps of all three dialects, freed records
 * and {@code freed by} lines, records repeated from an earlier dump (survivors of a diff), zero-byte and
 * chainless records, noise, dumps cut by a crash, a reset or the end of the input.
 */
final class RandomLogs {
    private RandomLogs() {
    }

    static String of(Random random) {
        List<int[]> chains = new ArrayList<>();
        int chainCount = 1 + random.nextInt(30);
        for (int i = 0; i < chainCount; i++) {
            int[] chain = new int[random.nextInt(6)];
            for (int d = 0; d < chain.length; d++) {
                chain[d] = 0x400d0000 + random.nextInt(64) * 4; // few addresses: chains share frames
            }
            chains.add(chain);
        }
        StringBuilder log = new StringBuilder();
        List<String> earlier = new ArrayList<>();
        int dumps = random.nextInt(5);
        for (int d = 0; d < dumps; d++) {
            char dialect = "ABC".charAt(random.nextInt(3));
            int records = random.nextInt(60);
            log.append(dialect == 'A' ? records + " allocations trace (100 entry buffer)\n"
                    : "====== Heap Trace: " + records + " records (100 capacity) ======\n");
            long bytes = 0;
            List<String> lines = new ArrayList<>();
            for (int r = 0; r < records; r++) {
                String line = !earlier.isEmpty() && random.nextInt(3) == 0 ? earlier.get(random.nextInt(earlier.size()))
                        : record(random, dialect, chains.get(random.nextInt(chains.size())));
                lines.add(line);
                log.append(line).append('\n');
                if (random.nextInt(8) == 0) {
                    log.append("freed by ").append(chainText(chains.get(random.nextInt(chains.size())))).append('\n');
                } else {
                    bytes += Integer.parseInt(line.strip().split(" ")[0]);
                }
                if (random.nextInt(40) == 0) {
                    log.append("I (1234) wifi: noise\n");
                }
            }
            earlier.addAll(lines);
            int end = random.nextInt(10);
            if (end == 0) {
                log.append("Guru Meditation Error: Core  0 panic'ed (LoadProhibited)\n");
            } else if (end == 1) {
                log.append("Rebooting...\n");
            } else if (dialect == 'A') {
                log.append(bytes).append(" bytes 'leaked' in trace (").append(records).append(" allocations)\n")
                        .append("total allocations 9 total frees 3\n");
            } else if (end != 2 || d < dumps - 1) {
                log.append("====== Heap Trace Summary ======\nMode: Heap Trace Leaks\n").append(bytes)
                        .append(" bytes 'leaked' in trace (").append(records).append(" allocations)\n")
                        .append("records: ").append(records).append(" (100 capacity, 70 high water mark)\n")
                        .append("total allocations: 90\ntotal frees: 30\n================================\n");
            }
            log.append("> ");
        }
        return log.toString();
    }

    private static String record(Random random, char dialect, int[] chain) {
        int size = random.nextInt(10) == 0 ? 0 : 4 + random.nextInt(300);
        int address = 0x3ffb0000 + random.nextInt(4096) * 4;
        int ccount = random.nextInt(1 << 28) * 4;
        int cpu = random.nextInt(2);
        if (dialect == 'A') {
            return String.format("%d bytes (@ 0x%x) allocated CPU %d ccount 0x%08x caller %s:", size, address, cpu,
                    ccount, chainText(chain));
        }
        String region = random.nextBoolean() ? "Internal" : "   PSRAM";
        String tail = dialect == 'C' && chain.length == 0 ? "" : " caller " + chainText(chain);
        return String.format("%6d bytes (@ 0x%08x, %s) allocated CPU %d ccount 0x%08x%s", size, address, region, cpu,
                ccount, tail);
    }

    private static String chainText(int[] chain) {
        StringBuilder text = new StringBuilder();
        for (int address : chain) {
            text.append(String.format("0x%08x:", address));
        }
        return text.toString();
    }
}
