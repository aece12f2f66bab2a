package dev.heapscope.sim.lib;

import java.util.Arrays;
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

    private final Map<String, Stored> files = new TreeMap<>();
    private final long capacity;
    private long used;

    /** A file's bytes: a box that grows as it is appended to, so a loop of small writes copies each byte once. */
    private static final class Stored {
        byte[] bytes;
        int length;

        Stored(byte[] bytes) {
            this.bytes = bytes;
            this.length = bytes.length;
        }
    }

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

    /**
     * A write at the end of {@code name} (made if absent): false, and nothing changed, when the partition cannot
     * hold it (ENOSPC). Costs the bytes written, not the file's size: the file module wrote each file whole per
     * {@code write}, so a loop of one-byte writes filling the partition ran for hours.
     */
    public synchronized boolean appendWithin(String name, byte[] source, int offset, int count) {
        Stored file = files.get(name);
        long size = file == null ? 0 : file.length;
        if (!fits(name, size + count)) {
            return false;
        }
        if (file == null) {
            file = new Stored(new byte[0]);
            files.put(name, file);
        }
        if (file.length + count > file.bytes.length) {
            long grown = Math.min(Math.max((long) file.length + count, 2L * file.bytes.length), Integer.MAX_VALUE - 16);
            file.bytes = Arrays.copyOf(file.bytes, (int) grown);
        }
        System.arraycopy(source, offset, file.bytes, file.length, count);
        file.length += count;
        used += count;
        return true;
    }

    /** Whether {@code name} may grow (or shrink) to {@code sizeBytes} within the partition. */
    public synchronized boolean fits(String name, long sizeBytes) {
        Stored old = files.get(name);
        return used - (old == null ? 0 : old.length) + sizeBytes <= capacity;
    }

    /** {@code file.fsinfo()}: remaining, used and total bytes. */
    public synchronized long[] info() {
        return new long[]{Math.max(0, capacity - used), used, capacity};
    }

    private void put(String name, byte[] contents) {
        Stored old = files.put(name, new Stored(contents));
        used += contents.length - (old == null ? 0 : old.length);
    }

    public synchronized Optional<byte[]> read(String name) {
        Stored contents = files.get(name);
        return contents == null ? Optional.empty() : Optional.of(Arrays.copyOf(contents.bytes, contents.length));
    }

    /**
     * Up to {@code maxBytes} from {@code position}, ending after the first {@code stop} byte if there is one
     * ({@code -1}: none); null at or past the end.
     */
    public synchronized byte[] readFrom(String name, int position, int maxBytes, int stop) {
        Stored file = files.get(name);
        if (file == null || position >= file.length) {
            return null;
        }
        int end = (int) Math.min(file.length, (long) position + Math.max(0, maxBytes));
        if (stop >= 0) {
            for (int i = position; i < end; i++) {
                if (file.bytes[i] == (byte) stop) {
                    end = i + 1;
                    break;
                }
            }
        }
        return Arrays.copyOfRange(file.bytes, position, end);
    }

    /** The size of {@code name} in bytes, 0 if absent. */
    public synchronized int size(String name) {
        Stored file = files.get(name);
        return file == null ? 0 : file.length;
    }

    public synchronized boolean exists(String name) {
        return files.containsKey(name);
    }

    public synchronized boolean remove(String name) {
        Stored old = files.remove(name);
        if (old != null) {
            used -= old.length;
        }
        return old != null;
    }

    public synchronized boolean rename(String from, String to) {
        Stored contents = files.remove(from);
        if (contents == null) {
            return false;
        }
        Stored old = files.put(to, contents);
        used -= old == null ? 0 : old.length;
        return true;
    }

    /** Names and sizes in bytes, sorted by name. */
    public synchronized Map<String, Integer> list() {
        Map<String, Integer> sizes = new TreeMap<>();
        files.forEach((name, contents) -> sizes.put(name, contents.length));
        return sizes;
    }
}
