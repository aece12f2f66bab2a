package dev.heapscope.symbols;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Entry points for symbolizers that come from files. ELF files are opened once and cached by path (so a
 * unit of one, decoded when a lookup first needs it, is decoded once per session); a
 * cached entry is used only while the file's size and modification time are unchanged, so a rebuilt
 * firmware is read again. Thread-safe: a lock guards the cache (parsing happens under it, so two jobs
 * asking for one ELF parse it once).
 */
public final class Symbolizers {
    private static final int CACHED_FILES = 4;
    private static final Map<Path, Cached> CACHE = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Cached> eldest) {
            return size() > CACHED_FILES;
        }
    };

    private Symbolizers() {
    }

    private record Cached(long sizeBytes, long modifiedMillis, ElfSymbolizer symbolizer) {
    }

    /**
     * The symbolizer of the firmware ELF at {@code elfPath}, from the cache when the file has not
     * changed since it was read.
     *
     * @throws IOException when the file cannot be read or is not a usable ELF (the message says why)
     */
    public static ElfSymbolizer forElf(Path elfPath) throws IOException {
        Path key = elfPath.toAbsolutePath().normalize();
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(key, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new IOException("cannot read " + elfPath + ": " + describe(e), e);
        }
        if (!attributes.isRegularFile()) {
            throw new IOException(elfPath + " is not a regular file");
        }
        long size = attributes.size();
        long modified = attributes.lastModifiedTime().toMillis();
        synchronized (CACHE) {
            Cached cached = CACHE.get(key);
            if (cached != null && cached.sizeBytes() == size && cached.modifiedMillis() == modified) {
                return cached.symbolizer();
            }
            ElfSymbolizer loaded = ElfSymbolizer.load(key);
            CACHE.put(key, new Cached(size, modified, loaded));
            return loaded;
        }
    }

    /** Forgets every cached file (tests, or a user who asks to reload). */
    public static void clearCache() {
        synchronized (CACHE) {
            CACHE.clear();
        }
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
