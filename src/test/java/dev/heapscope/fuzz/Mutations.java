package dev.heapscope.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Byte-level mutations of a console log (or any text input), each an operation a damaged cable, a
 * hostile board or a careless paste could produce. Every result stays under {@code maxBytes}, so the
 * cost of one input is bounded by the cap and the campaign's time by its input count.
 */
final class Mutations {
    /** What terminals, consoles and parsers trip over: ESC sequences, BEL, NUL, lone CR, a DEL, 0xff. */
    private static final String[] CONTROL = {"\u001b]0;owned\u0007", "\u001b[2J", "\u001b[31m", "\u0000", "\r",
            "\u0007", "\u007f", "\t", "\u001b", "\r\n"};
    private static final byte[][] ODD_BYTES = {{(byte) 0xff}, {(byte) 0xfe, (byte) 0xff}, {(byte) 0xc3},
            {(byte) 0xe2, (byte) 0x82}, {(byte) 0xf0, (byte) 0x9f, (byte) 0x98, (byte) 0x80}, {(byte) 0x80}};
    private static final String[] NUMBERS = {"0", "-1", "2147483647", "2147483648", "-2147483649",
            "9223372036854775807", "99999999999999999999999", "1e15", "0x", "0xffffffffffffffff", "NaN", ""};

    private final int maxBytes;
    private final InputSizes sizes;
    private final LogShapes shapes;

    Mutations(InputSizes sizes) {
        this.maxBytes = sizes.maxBytes();
        this.sizes = sizes;
        this.shapes = new LogShapes(sizes);
    }

    /** One to four stacked mutations of {@code seed}, drawing splice partners from {@code corpus}. */
    byte[] mutate(byte[] seed, List<byte[]> corpus, Random random, StringBuilder description) {
        byte[] result = seed;
        int rounds = 1 + random.nextInt(4);
        for (int i = 0; i < rounds; i++) {
            int op = random.nextInt(16);
            description.append(description.length() == 0 ? "" : ", ").append(name(op));
            result = apply(op, result, corpus, random);
            if (result.length > maxBytes) {
                result = Arrays.copyOf(result, maxBytes);
            }
        }
        return result;
    }

    private static String name(int op) {
        return switch (op) {
            case 0 -> "bit flips";
            case 1 -> "truncation";
            case 2 -> "splice";
            case 3 -> "duplicated lines";
            case 4 -> "huge repeat";
            case 5 -> "0xff and broken UTF-8";
            case 6 -> "control characters";
            case 7 -> "deep chain";
            case 8 -> "long line";
            case 9 -> "extreme numbers";
            case 10 -> "deleted lines";
            case 11 -> "swapped lines";
            case 12 -> "monitor-decode line";
            case 13 -> "many dumps";
            case 14 -> "random bytes";
            default -> "many distinct frames";
        };
    }

    private byte[] apply(int op, byte[] in, List<byte[]> corpus, Random random) {
        return switch (op) {
            case 0 -> flipBits(in, random);
            case 1 -> in.length == 0 ? in : Arrays.copyOf(in, random.nextInt(in.length));
            case 2 -> splice(in, corpus.get(random.nextInt(corpus.size())), random);
            case 3 -> duplicateLines(in, random);
            case 4 -> hugeRepeat(in, random);
            case 5 -> insert(in, ODD_BYTES[random.nextInt(ODD_BYTES.length)], random, 1 + random.nextInt(8));
            case 6 -> insert(in, ascii(CONTROL[random.nextInt(CONTROL.length)]), random, 1 + random.nextInt(4));
            case 7 -> shapes.deepChain(in, random);
            case 8 -> shapes.longLine(in, random);
            case 9 -> extremeNumber(in, random);
            case 10 -> deleteLines(in, random);
            case 11 -> swapLines(in, random);
            case 12 -> shapes.monitorLine(in, random);
            case 13 -> shapes.manyDumps(in, random);
            case 14 -> randomBytes(in, random);
            default -> shapes.distinctFrames(in, random);
        };
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] flipBits(byte[] in, Random random) {
        if (in.length == 0) {
            return new byte[] {(byte) random.nextInt(256)};
        }
        byte[] out = in.clone();
        for (int i = 1 + random.nextInt(8); i > 0; i--) {
            out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return out;
    }

    private static byte[] randomBytes(byte[] in, Random random) {
        byte[] noise = new byte[1 + random.nextInt(256)];
        random.nextBytes(noise);
        return insert(in, noise, random, 1);
    }

    private static byte[] splice(byte[] in, byte[] other, Random random) {
        int cut = in.length == 0 ? 0 : random.nextInt(in.length + 1);
        int from = other.length == 0 ? 0 : random.nextInt(other.length + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(cut + other.length - from);
        out.write(in, 0, cut);
        out.write(other, from, other.length - from);
        return out.toByteArray();
    }

    static byte[] insert(byte[] in, byte[] piece, Random random, int times) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + piece.length * times);
        int[] positions = new int[times];
        for (int i = 0; i < times; i++) {
            positions[i] = in.length == 0 ? 0 : random.nextInt(in.length + 1);
        }
        Arrays.sort(positions);
        int at = 0;
        for (int position : positions) {
            out.write(in, at, position - at);
            out.write(piece, 0, piece.length);
            at = position;
        }
        out.write(in, at, in.length - at);
        return out.toByteArray();
    }

    private byte[] duplicateLines(byte[] in, Random random) {
        List<byte[]> lines = Lines.split(in);
        if (lines.isEmpty()) {
            return in;
        }
        int index = random.nextInt(lines.size());
        int copies = random.nextInt(4) == 0 ? 1 + random.nextInt(5_000) : 1 + random.nextInt(20);
        int limit = in.length + sizes.growth(random);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < lines.size() && out.size() < limit; i++) {
            for (int c = i == index ? copies : 1; c > 0 && out.size() < limit; c--) {
                out.write(lines.get(i), 0, lines.get(i).length);
            }
        }
        return out.toByteArray();
    }

    private byte[] hugeRepeat(byte[] in, Random random) {
        if (in.length == 0) {
            return in;
        }
        int from = random.nextInt(in.length);
        int length = 1 + random.nextInt(Math.min(in.length - from, 512));
        int target = random.nextInt(sizes.growth(random) + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + target);
        out.write(in, 0, from + length);
        while (out.size() < from + length + target) {
            out.write(in, from, length);
        }
        out.write(in, from + length, in.length - from - length);
        return out.toByteArray();
    }

    private static byte[] extremeNumber(byte[] in, Random random) {
        String text = new String(in, StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher numbers = java.util.regex.Pattern.compile("\\d+").matcher(text);
        List<int[]> spans = new java.util.ArrayList<>();
        while (numbers.find() && spans.size() < 10_000) {
            spans.add(new int[] {numbers.start(), numbers.end()});
        }
        if (spans.isEmpty()) {
            return in;
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        return ascii(text.substring(0, span[0]) + NUMBERS[random.nextInt(NUMBERS.length)] + text.substring(span[1]));
    }

    private static byte[] deleteLines(byte[] in, Random random) {
        List<byte[]> lines = new java.util.ArrayList<>(Lines.split(in));
        for (int i = 1 + random.nextInt(5); i > 0 && !lines.isEmpty(); i--) {
            lines.remove(random.nextInt(lines.size()));
        }
        return Lines.join(lines);
    }

    private static byte[] swapLines(byte[] in, Random random) {
        List<byte[]> lines = new java.util.ArrayList<>(Lines.split(in));
        if (lines.size() > 1) {
            java.util.Collections.swap(lines, random.nextInt(lines.size()), random.nextInt(lines.size()));
        }
        return Lines.join(lines);
    }
}
