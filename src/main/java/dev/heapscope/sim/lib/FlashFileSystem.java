package dev.heapscope.sim.lib;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The virtual board's flash file system (SPIFFS): names to contents, kept across reboots, no larger than its
 * partition. Thread-safe.
 */
public final class FlashFileSystem {
    /** The "storage" partition of the firmware's default partition table (components/platform/partitions.csv). */
    public static final int DEFAULT_PARTITION_BYTES = 0x70000;

    private final Map<String, byte[]> files = new TreeMap<>();
    private final long capacity;
    private long used;

    public FlashFileSystem() {
        this(DEFAULT_PARTITION_BYTES);
    }

    public FlashFileSystem(long capacityBytes) {
        this.capacity = capacityBytes;
    }

    /** Puts a file from the host (a script to run): not refused, so a test's script always lands. */
    public synchronized void write(String name, byte[] contents) {
        put(name, contents.clone());
    }

    /** A write by the board: false, and nothing changed, when the partition cannot hold it (ENOSPC). */
    public synchronized boolean writeWithin(String name, byte[] contents) {
        if (!fits(name, contents.length)) {
            return false;
        }
        put(name, contents.clone());
        return true;
    }

    /** Whether {@code name} may grow (or shrink) to {@code sizeBytes} within the partition. */
    public synchronized boolean fits(String name, long sizeBytes) {
        byte[] old = files.get(name);
        return used - (old == null ? 0 : old.length) + sizeBytes <= capacity;
    }

    /** {@code file.fsinfo()}: remaining, used and total bytes. */
    public synchronized long[] info() {
        return new long[]{Math.max(0, capacity - used), used, capacity};
    }

    private void put(String name, byte[] contents) {
        byte[] old = files.put(name, contents);
        used += contents.length - (old == null ? 0 : old.length);
    }

    public synchronized Optional<byte[]> read(String name) {
        byte[] contents = files.get(name);
        return contents == null ? Optional.empty() : Optional.of(contents.clone());
    }

    public synchronized boolean exists(String name) {
        return files.containsKey(name);
    }

    public synchronized boolean remove(String name) {
        byte[] old = files.remove(name);
        if (old != null) {
            used -= old.length;
        }
        return old != null;
    }

    public synchronized boolean rename(String from, String to) {
        byte[] contents = files.remove(from);
        if (contents == null) {
            return false;
        }
        used -= contents.length;
        put(to, contents);
        return true;
    }

    /** Names and sizes in bytes, sorted by name. */
    public synchronized Map<String, Integer> list() {
        Map<String, Integer> sizes = new TreeMap<>();
        files.forEach((name, contents) -> sizes.put(name, contents.length));
        return sizes;
    }
}
