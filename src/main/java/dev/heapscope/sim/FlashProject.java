package dev.heapscope.sim;

import dev.heapscope.sim.lib.FlashFileSystem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The user's own Lua on the virtual board: one {@code .lua} file, or a project folder ({@code init.lua} plus
 * modules and data files, sub-folders as {@code dir/name} as SPIFFS names them), read from disk into the
 * board's flash. A board boots by running {@code init.lua} from its flash, so loading resets it. What is
 * loaded is bounded by the simulated flash: {@link #MAX_FILES} files, {@link #MAX_BYTES} bytes.
 */
public final class FlashProject {
    /** SPIFFS on a 4 MB NodeMCU ESP32 build has about this much room for files. */
    public static final long MAX_BYTES = 512 * 1024;
    public static final int MAX_FILES = 64;
    public static final String BOOT_FILE = "init.lua";

    /** A file or folder that cannot go into the board's flash; the message is one line for the user. */
    public static final class UnloadableException extends Exception {
        public UnloadableException(String message) {
            super(message);
        }
    }

    private final Path source;
    private final Map<String, byte[]> files;

    private FlashProject(Path source, Map<String, byte[]> files) {
        this.source = source;
        this.files = Collections.unmodifiableMap(files);
    }

    /** Reads a {@code .lua} file or a folder; refuses what the flash could not hold. */
    public static FlashProject read(Path fileOrFolder) throws UnloadableException {
        String shown = fileOrFolder.getFileName() == null ? fileOrFolder.toString() : fileOrFolder.getFileName().toString();
        if (!Files.exists(fileOrFolder)) {
            throw new UnloadableException(shown + ": no such file or folder");
        }
        List<Path> paths = new ArrayList<>();
        if (Files.isDirectory(fileOrFolder)) {
            try (Stream<Path> walk = Files.walk(fileOrFolder)) {
                // stop listing past the limit: a folder picked by mistake (a home directory) must not be walked whole
                walk.filter(Files::isRegularFile).filter(path -> !hidden(fileOrFolder.relativize(path)))
                        .limit(MAX_FILES + 1L).forEach(paths::add);
            } catch (IOException | java.io.UncheckedIOException e) {
                throw new UnloadableException("cannot read the folder " + shown);
            }
        } else {
            paths.add(fileOrFolder);
        }
        if (paths.size() > MAX_FILES) {
            throw new UnloadableException(shown + " holds more than " + MAX_FILES
                    + " files; the virtual board's flash takes at most " + MAX_FILES);
        }
        if (paths.isEmpty()) {
            throw new UnloadableException(shown + " holds no files");
        }
        Map<String, byte[]> read = new LinkedHashMap<>();
        long total = 0;
        for (Path path : paths.stream().sorted().toList()) {
            try {
                total += Files.size(path);
                if (total > MAX_BYTES) {
                    throw new UnloadableException(shown + " holds more than " + (MAX_BYTES >> 10)
                            + " KiB of files; the virtual board's flash holds " + (MAX_BYTES >> 10) + " KiB");
                }
                Path relative = Files.isDirectory(fileOrFolder) ? fileOrFolder.relativize(path) : path.getFileName();
                read.put(relative.toString().replace('\\', '/'), Files.readAllBytes(path));
            } catch (IOException e) {
                throw new UnloadableException("cannot read " + path.getFileName());
            }
        }
        return new FlashProject(fileOrFolder, read);
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** Where it was read from. */
    public Path source() {
        return source;
    }

    /** Flash names to contents, sorted by name. */
    public Map<String, byte[]> files() {
        return files;
    }

    /** The file a hunt runs by default: {@code init.lua} runs at boot, so the project's only or first Lua file. */
    public String mainFile() {
        if (files.size() == 1) {
            return files.keySet().iterator().next();
        }
        return files.keySet().stream().filter(name -> name.endsWith(".lua") && !name.equals(BOOT_FILE)).findFirst()
                .orElse(BOOT_FILE);
    }

    public boolean hasBootFile() {
        return files.containsKey(BOOT_FILE);
    }

    /** Writes the files into {@code flash}, first removing those of {@code previous} (null: none) no longer here. */
    public void writeInto(FlashFileSystem flash, FlashProject previous) {
        if (previous != null) {
            previous.files.keySet().stream().filter(name -> !files.containsKey(name)).forEach(flash::remove);
        }
        files.forEach(flash::write);
    }

    /**
     * Writes the files into the running board's flash and resets it, as pressing EN after an upload does; returns
     * once it has booted (its {@code init.lua} run) and shows its prompt.
     */
    public void loadAndReset(SimulatedBoard board, FlashProject previous) {
        writeInto(board.console().files(), previous);
        board.console().setWorld(world());
        board.console().pressReset();
        board.console().awaitIdle();
    }

    /** The world {@code init.lua}'s header describes ({@code -- world.*} lines), none without one. */
    public dev.heapscope.sim.lib.WorldSettings world() {
        byte[] boot = files.get(BOOT_FILE);
        return boot == null ? dev.heapscope.sim.lib.WorldSettings.NONE
                : ScenarioHeader.worldOf(new String(boot, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** In words: {@code my-app (3 files, 2,140 bytes)}. */
    public String describe() {
        long bytes = files.values().stream().mapToLong(contents -> contents.length).sum();
        String name = source.getFileName() == null ? source.toString() : source.getFileName().toString();
        return String.format("%s (%d file%s, %,d bytes)", name, files.size(), files.size() == 1 ? "" : "s", bytes);
    }
}
