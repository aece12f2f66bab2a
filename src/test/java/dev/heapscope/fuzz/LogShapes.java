package dev.heapscope.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Structure-aware growth of a heap-trace log: the shapes that once cost time or memory out of proportion to
 * their size (issue 16): deep call chains, many distinct frames, monitor-decode lines of repeated
 * {@code at}, lines of one token, many dumps. Each stays under the cap it is given.
 */
final class LogShapes {
    private static final String HEADER = "====== Heap Trace: %d records (%d capacity) ======\n";
    private static final String RECORD = "    40 bytes (@ 0x3ffc%04x, Internal) allocated CPU 0 ccount 0x1c2f6a40 caller ";
    private static final String SUMMARY = "====== Heap Trace Summary ======\nMode: Heap Trace Leaks\n"
            + "40 bytes 'leaked' in trace (1 allocations)\nrecords: 1 (200 capacity, 1 high water mark)\n"
            + "total allocations: 3\ntotal frees: 2\n================================\n";
    private static final String[] LINE_TOKENS = {"a", "0x4008f5e0 ", "0x400d3588:", " at x", "bytes ", "=", " ",
            "(@ 0x3ffb5800) ", "caller ", "\t", "heap_caps_malloc at ", "'leaked' "};

    private final InputSizes sizes;

    LogShapes(InputSizes sizes) {
        this.sizes = sizes;
    }

    /** One record whose call chain is as deep as the cap allows (or a random depth below it). */
    byte[] deepChain(byte[] in, Random random) {
        int depth = 1 + random.nextInt(Math.max(1, sizes.growth(random) / 11 - 200));
        StringBuilder dump = new StringBuilder(String.format(HEADER, 1, 200));
        dump.append(String.format(RECORD, random.nextInt(0x10000)));
        for (int i = 0; i < depth; i++) {
            dump.append(String.format("0x%08x:", 0x400d0000 + (random.nextBoolean() ? i : random.nextInt(64))));
        }
        dump.append('\n').append(SUMMARY);
        return Mutations.insert(in, ascii(dump), random, 1);
    }

    /** Many records, each a chain of frames no other record has: nothing merges, so outputs grow with depth. */
    byte[] distinctFrames(byte[] in, Random random) {
        int records = 1 + random.nextInt(100);
        int maxBytes = sizes.growth(random);
        int depth = 1 + random.nextInt(Math.max(1, maxBytes / (11 * records) - 20));
        StringBuilder dump = new StringBuilder(String.format(HEADER, records, records));
        int frame = random.nextInt(0x100000);
        for (int r = 0; r < records && dump.length() < maxBytes; r++) {
            dump.append(String.format(RECORD, r));
            for (int i = 0; i < depth; i++) {
                dump.append(String.format("0x%08x:", 0x40000000 + frame++));
            }
            dump.append('\n');
        }
        dump.append(SUMMARY);
        return Mutations.insert(in, ascii(dump), random, 1);
    }

    /** A line of one token repeated: what a backtracking expression over the line would choke on. */
    byte[] longLine(byte[] in, Random random) {
        String token = LINE_TOKENS[random.nextInt(LINE_TOKENS.length)];
        int length = random.nextInt(sizes.growth(random) + 1);
        StringBuilder line = new StringBuilder(length + 2);
        line.append('\n');
        while (line.length() < length) {
            line.append(token);
        }
        line.append(random.nextBoolean() ? "\n" : "");
        return Mutations.insert(in, ascii(line), random, 1);
    }

    /** The monitor's decoded frame, {@code 0x…: f at x at x …}: issue 16's quadratic expression. */
    byte[] monitorLine(byte[] in, Random random) {
        int length = random.nextInt(sizes.growth(random) + 1);
        StringBuilder line = new StringBuilder("\n0x400d3588: f");
        String repeat = random.nextBoolean() ? " at x" : random.nextBoolean() ? " at /a/b.c:1" : " at ";
        while (line.length() < length) {
            line.append(repeat);
        }
        line.append(random.nextBoolean() ? ":147\n" : "\n");
        return Mutations.insert(in, ascii(line), random, 1);
    }

    /** The whole input again and again: a log of many dumps. */
    byte[] manyDumps(byte[] in, Random random) {
        if (in.length == 0) {
            return in;
        }
        int maxBytes = sizes.growth(random);
        int copies = 1 + random.nextInt(Math.max(1, Math.min(2_000, maxBytes / in.length)));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < copies && out.size() + in.length <= maxBytes; i++) {
            out.write(in, 0, in.length);
        }
        return out.toByteArray();
    }

    private static byte[] ascii(CharSequence text) {
        return text.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
