package dev.heapscope.analysis.flame;

import dev.heapscope.analysis.CallTree;
import dev.heapscope.analysis.FrameNamer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Frame names as int ids. A folded file repeats a few thousand names hundreds of thousands of times, so
 * a frame's raw bytes are looked up without making a {@code String}; only a name never seen before is
 * decoded and {@linkplain FrameNamer#sanitize(String) sanitized}. Raw spellings that sanitize alike
 * (" main" and "main") share one id. At most {@link #MAX_NAMES} names are kept: past them every new name is
 * {@link CallTree#OVER_LIMIT} (a gigabyte of folded lines of distinct names held 6 GB). Not thread-safe.
 */
public final class FrameNames {
    /** Distinct names kept: a real profile has a few thousand functions. */
    static final int MAX_NAMES = Integer.getInteger("heapscope.maxFrameNames", 1 << 21);

    private final int maxNames;
    private final List<String> names = new ArrayList<>();
    private final Map<String, Integer> idOfName = new HashMap<>();
    private byte[] pool = new byte[1 << 16];
    private int poolSize;
    private int[] rawStart = new int[1024];
    private int[] rawLength = new int[1024];
    private int[] rawId = new int[1024];
    private int rawCount;
    private int[] slots = filled(4096);

    public FrameNames() {
        this(MAX_NAMES);
    }

    FrameNames(int maxNames) {
        this.maxNames = maxNames;
    }

    /** The id of a name that is already sanitized (a {@link FrameNamer}'s label, {@code [no caller]}). */
    public int idOf(String name) {
        Integer known = idOfName.get(name);
        if (known != null) {
            return known;
        }
        if (names.size() >= maxNames && !name.equals(CallTree.OVER_LIMIT)) {
            return idOf(CallTree.OVER_LIMIT);
        }
        int id = names.size();
        names.add(name);
        idOfName.put(name, id);
        return id;
    }

    static final int HASH_START = 0x811C9DC5;

    /** The id of the UTF-8 frame text {@code bytes[from, to)}, sanitized on first sight. */
    public int idOfRaw(byte[] bytes, int from, int to) {
        return idOfRaw(bytes, from, to, hash(bytes, from, to));
    }

    /** {@link #idOfRaw(byte[], int, int)} with the text's hash already made, by {@link #step} and {@link #finish}. */
    int idOfRaw(byte[] bytes, int from, int to, int hash) {
        int mask = slots.length - 1;
        int slot = hash & mask;
        for (int raw = slots[slot]; raw >= 0; raw = slots[slot]) {
            if (Arrays.equals(pool, rawStart[raw], rawStart[raw] + rawLength[raw], bytes, from, to)) {
                return rawId[raw];
            }
            slot = (slot + 1) & mask;
        }
        int id = idOf(FrameNamer.sanitize(new String(bytes, from, to - from, StandardCharsets.UTF_8)));
        if (names.size() < maxNames) { // past the cap a new spelling is not remembered either
            remember(bytes, from, to, id, slot);
        }
        return id;
    }

    public String name(int id) {
        return names.get(id);
    }

    public int size() {
        return names.size();
    }

    /** Every name, ranked by {@link String#compareTo}: {@code rank[id]} (the order a call tree sorts children in). */
    int[] ranks() {
        Integer[] order = new Integer[names.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> names.get(a).compareTo(names.get(b)));
        int[] rank = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            rank[order[i]] = i;
        }
        return rank;
    }

    private void remember(byte[] bytes, int from, int to, int id, int slot) {
        int length = to - from;
        while (poolSize + length > pool.length) {
            pool = Arrays.copyOf(pool, pool.length * 2);
        }
        System.arraycopy(bytes, from, pool, poolSize, length);
        if (rawCount == rawStart.length) {
            rawStart = Arrays.copyOf(rawStart, rawCount * 2);
            rawLength = Arrays.copyOf(rawLength, rawCount * 2);
            rawId = Arrays.copyOf(rawId, rawCount * 2);
        }
        rawStart[rawCount] = poolSize;
        rawLength[rawCount] = length;
        rawId[rawCount] = id;
        poolSize += length;
        slots[slot] = rawCount++;
        if (rawCount * 2 > slots.length) {
            rehash();
        }
    }

    private void rehash() {
        slots = filled(slots.length * 2);
        int mask = slots.length - 1;
        for (int raw = 0; raw < rawCount; raw++) {
            int slot = hash(pool, rawStart[raw], rawStart[raw] + rawLength[raw]) & mask;
            while (slots[slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = raw;
        }
    }

    private static int hash(byte[] bytes, int from, int to) {
        int h = HASH_START;
        for (int i = from; i < to; i++) {
            h = step(h, bytes[i]);
        }
        return finish(h);
    }

    /** FNV-1a, one byte. */
    static int step(int hash, byte b) {
        return (hash ^ b) * 0x01000193;
    }

    static int finish(int hash) {
        return hash ^ (hash >>> 16);
    }

    private static int[] filled(int size) {
        int[] slots = new int[size];
        Arrays.fill(slots, -1);
        return slots;
    }
}
