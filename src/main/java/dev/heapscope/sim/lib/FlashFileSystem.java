package dev.heapscope.sim.lib;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The virtual board's flash file system (SPIFFS): names to contents, kept across reboots. Thread-safe. */
public final class FlashFileSystem {
    private final Map<String, byte[]> files = new TreeMap<>();

    public synchronized void write(String name, byte[] contents) {
        files.put(name, contents.clone());
    }

    public synchronized Optional<byte[]> read(String name) {
        byte[] contents = files.get(name);
        return contents == null ? Optional.empty() : Optional.of(contents.clone());
    }

    public synchronized boolean exists(String name) {
        return files.containsKey(name);
    }

    public synchronized boolean remove(String name) {
        return files.remove(name) != null;
    }

    public synchronized boolean rename(String from, String to) {
        byte[] contents = files.remove(from);
        if (contents == null) {
            return false;
        }
        files.put(to, contents);
        return true;
    }

    /** Names and sizes in bytes, sorted by name. */
    public synchronized Map<String, Integer> list() {
        Map<String, Integer> sizes = new TreeMap<>();
        files.forEach((name, contents) -> sizes.put(name, contents.length));
        return sizes;
    }
}
