package dev.heapscope.fuzz;

import dev.heapscope.session.HostileZip;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Session files as an attacker would make them: the zip's bytes damaged, one entry's content mutated (the
 * transcript as a log, a JSON part as JSON of the wrong shape), entries dropped, doubled or renamed, checksums
 * that lie, and bombs: entries that inflate far past what their header says.
 */
final class SessionMutations {
    private static final String[] PARTS = {"manifest.json", "transcript.bin", "commands.json", "markers.json",
            "samples.json", "dumps.json", "names.json"};
    private static final String[] JSON_VALUES = {"null", "\"x\"", "-1", "1e400", "99999999999999999999", "[]", "{}",
            "true", "\"\u0000\"", "\"\\ud800\"", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]"};

    private final Mutations mutations;
    private final int bombOneIn;

    SessionMutations(Mutations mutations, int bombOneIn) {
        this.mutations = mutations;
        this.bombOneIn = bombOneIn;
    }

    byte[] mutate(byte[] seed, List<byte[]> corpus, Random random, StringBuilder description, Path scratch) throws Exception {
        if (random.nextInt(bombOneIn) == 0) {
            return bomb(random, description, scratch);
        }
        Map<String, byte[]> entries = new LinkedHashMap<>(ZipEntries.read(seed));
        switch (random.nextInt(6)) {
            case 0 -> {
                description.append("zip bytes: ");
                return mutations.mutate(seed, corpus, random, description);
            }
            case 1 -> {
                String part = pick(entries, random);
                description.append(part).append(": ");
                entries.put(part, mutations.mutate(entries.getOrDefault(part, new byte[0]), List.of(seed), random, description));
            }
            case 2 -> {
                String part = pick(entries, random);
                description.append(part).append(": wrong JSON value");
                entries.put(part, wrongValue(entries.getOrDefault(part, new byte[0]), random));
            }
            case 3 -> {
                String part = pick(entries, random);
                description.append("without ").append(part);
                entries.remove(part);
            }
            case 4 -> {
                String part = pick(entries, random);
                String renamed = random.nextBoolean() ? "../" + part : part.toUpperCase(java.util.Locale.ROOT);
                description.append(part).append(" renamed ").append(renamed);
                entries.put(renamed, entries.getOrDefault(part, new byte[0]));
                entries.remove(part);
            }
            default -> {
                description.append("names.json: deep JSON nesting");
                entries.put("names.json", ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.US_ASCII));
            }
        }
        boolean storeAll = random.nextBoolean();
        return ZipEntries.write(entries, name -> storeAll);
    }

    private static String pick(Map<String, byte[]> entries, Random random) {
        List<String> names = new ArrayList<>(entries.keySet());
        return names.isEmpty() || random.nextInt(5) == 0 ? PARTS[random.nextInt(PARTS.length)]
                : names.get(random.nextInt(names.size()));
    }

    /** The part's text with one JSON value swapped for a value of another type or an absurd size. */
    private static byte[] wrongValue(byte[] json, Random random) {
        String text = new String(json, StandardCharsets.UTF_8);
        java.util.regex.Matcher values = java.util.regex.Pattern.compile(":\\s*(\"[^\"]*\"|-?\\d+|null|true|false|\\[)").matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (values.find()) {
            spans.add(new int[] {values.start(1), values.end(1)});
        }
        String value = JSON_VALUES[random.nextInt(JSON_VALUES.length)];
        if (spans.isEmpty()) {
            return value.getBytes(StandardCharsets.UTF_8);
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        return (text.substring(0, span[0]) + value + text.substring(span[1])).getBytes(StandardCharsets.UTF_8);
    }

    /** An entry that inflates far past its header, or a stored one whose checksum lies. */
    private static byte[] bomb(Random random, StringBuilder description, Path scratch) throws Exception {
        String part = PARTS[random.nextInt(PARTS.length)];
        long mib = new long[] {1, 2, 40, 300}[random.nextInt(4) == 0 ? 2 + random.nextInt(2) : random.nextInt(2)];
        HostileZip zip = new HostileZip();
        if (!part.equals("manifest.json")) {
            zip.stored("manifest.json", HostileZip.manifestJson());
        }
        if (random.nextBoolean()) {
            description.append(part).append(": bad checksum");
            zip.storedWithCrc(part, "hello\n".getBytes(StandardCharsets.US_ASCII), random.nextInt());
        } else {
            long claimed = random.nextBoolean() ? -1 : random.nextInt(1 << 20);
            description.append(part).append(": ").append(mib).append(" MiB bomb claiming ").append(claimed);
            zip.deflatedFill(part, (byte) (random.nextBoolean() ? ' ' : 0), mib, claimed);
        }
        if (!part.equals("transcript.bin")) {
            zip.stored("transcript.bin", "x\n");
        }
        Path file = scratch.resolve("bomb.heapscope");
        zip.writeTo(file);
        return Files.readAllBytes(file);
    }
}
