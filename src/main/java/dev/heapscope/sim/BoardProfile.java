package dev.heapscope.sim;

import dev.heapscope.model.Dialect;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What kind of ESP32 the simulator pretends to be: memory, ESP-IDF version, heap trace dialect and
 * depth, clock, console speed and which real-board hazards to reproduce. Loaded from a
 * {@code .properties} file (see {@code simulator/boards/}). Immutable.
 *
 * @param name              short name, e.g. {@code esp32-devkitc}
 * @param description       one line for humans
 * @param internalHeapBytes free internal heap at boot
 * @param psramBytes        PSRAM size, 0 for none
 * @param dialect           how {@code heaptrace.dump()} prints
 * @param stackDepth        {@code CONFIG_HEAP_TRACING_STACK_DEPTH}
 * @param cpuMhz            CPU clock (ccount rate)
 * @param baudRate          console UART speed
 * @param idfVersion        e.g. {@code v5.1.3}, printed in the banner
 * @param hazards           real-board failures to reproduce
 * @param luaDebug          the {@code debug} library the firmware was built with ({@code lua.debug})
 */
public record BoardProfile(String name, String description, int internalHeapBytes, int psramBytes,
                           Dialect dialect, int stackDepth, int cpuMhz, int baudRate, String idfVersion,
                           Hazards hazards, DebugLibrary luaDebug) {
    static final String CLASSPATH_FOLDER = "dev/heapscope/simulator/boards/";
    public static final String DEFAULT_NAME = "esp32-devkitc";
    private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)(?:\\.\\d+)?.*");

    public BoardProfile {
        require(name != null && !name.isBlank(), "name is required");
        require(dialect != null, "dialect is required");
        require(hazards != null, "hazards are required (use Hazards.NONE)");
        require(stackDepth >= 0 && stackDepth <= 32, "stack depth must be 0..32, not " + stackDepth);
        require(cpuMhz > 0, "cpu MHz must be positive, not " + cpuMhz);
        require(baudRate > 0, "baud rate must be positive, not " + baudRate);
        require(internalHeapBytes >= 1024 && internalHeapBytes <= SimulatedHeap.MAX_INTERNAL_BYTES,
                "internal heap must be 1024.." + SimulatedHeap.MAX_INTERNAL_BYTES + " bytes, not " + internalHeapBytes);
        require(psramBytes >= 0 && psramBytes <= SimulatedHeap.PSRAM_MAX_BYTES,
                "PSRAM must be 0.." + SimulatedHeap.PSRAM_MAX_BYTES + " bytes, not " + psramBytes);
        require(idfVersion != null && VERSION.matcher(idfVersion).matches(),
                "IDF version must look like v5.1.3, not " + idfVersion);
        description = description == null ? "" : description;
        luaDebug = luaDebug == null ? DebugLibrary.MINIMAL : luaDebug;
    }

    /** The built-in default board (NodeMCU dev-esp32 on a DevKitC, IDF 5.1, dialect B). */
    public static BoardProfile defaults() {
        return load(DEFAULT_NAME);
    }

    /** IDF 4.x: NodeMCU's {@code dev-esp32-idf4-legacy} branch (Lua 5.1, CRLF console, dialect A). */
    public boolean legacyBranch() {
        return !idfAtLeast(5, 0);
    }

    /** Whether this board's IDF is {@code major.minor} or later. */
    public boolean idfAtLeast(int major, int minor) {
        Matcher version = VERSION.matcher(idfVersion);
        version.matches();
        int ourMajor = Integer.parseInt(version.group(1));
        int ourMinor = Integer.parseInt(version.group(2));
        return ourMajor > major || ourMajor == major && ourMinor >= minor;
    }

    /**
     * IDF 5.1 made the record buffer a linked list whose search for a freed block starts at the oldest
     * record ({@code TAILQ_FOREACH}); before, an array searched from the newest (FIRMWARE-FACTS.md §A1).
     */
    public boolean listBasedTrace() {
        return idfAtLeast(5, 1);
    }

    /**
     * Up to IDF 5.3 {@code heap_trace_stop()} fails with 259 whenever not tracing. From 5.4 the state starts
     * unknown, so the very first stop succeeds (NodeMCU's {@code init} makes that first call), later ones
     * fail while stopped (FIRMWARE-FACTS.md §A2).
     */
    public boolean firstStopSucceeds() {
        return idfAtLeast(5, 4);
    }

    /**
     * Bytes of heap one trace record takes ({@code sizeof(heap_trace_record_t)}, FIRMWARE-FACTS.md §A4):
     * 12 + 8 per stack slot up to IDF 5.0, 20 + 8 (the list links) from 5.1, 24 + 8 (a freed flag) from 5.5.
     */
    public int recordBytes() {
        int header = idfAtLeast(5, 5) ? 24 : listBasedTrace() ? 20 : 12;
        return header + 8 * stackDepth;
    }

    public BoardProfile withDialect(Dialect newDialect) {
        return new BoardProfile(name, description, internalHeapBytes, psramBytes, newDialect, stackDepth, cpuMhz,
                baudRate, idfVersion, hazards, luaDebug);
    }

    public BoardProfile withStackDepth(int depth) {
        return new BoardProfile(name, description, internalHeapBytes, psramBytes, dialect, depth, cpuMhz,
                baudRate, idfVersion, hazards, luaDebug);
    }

    public BoardProfile withMemory(int internalBytes, int psram) {
        return new BoardProfile(name, description, internalBytes, psram, dialect, stackDepth, cpuMhz,
                baudRate, idfVersion, hazards, luaDebug);
    }

    public BoardProfile withHazards(Hazards newHazards) {
        return new BoardProfile(name, description, internalHeapBytes, psramBytes, dialect, stackDepth, cpuMhz,
                baudRate, idfVersion, newHazards, luaDebug);
    }

    public BoardProfile withIdfVersion(String version) {
        return new BoardProfile(name, description, internalHeapBytes, psramBytes, dialect, stackDepth, cpuMhz,
                baudRate, version, hazards, luaDebug);
    }

    /**
     * A built-in profile by name ({@code esp32-wrover}), else a {@code .properties} file path.
     *
     * @throws IllegalArgumentException naming the problem and the built-in names
     */
    public static BoardProfile load(String nameOrPath) {
        if (nameOrPath == null || nameOrPath.isBlank()) {
            throw new IllegalArgumentException("no board given; built-in boards: " + String.join(", ", available()));
        }
        String resource = CLASSPATH_FOLDER + nameOrPath + ".properties";
        try (InputStream in = BoardProfile.class.getClassLoader().getResourceAsStream(resource)) {
            if (in != null) {
                return parse(nameOrPath, in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in board " + nameOrPath, e);
        }
        Path file = Path.of(nameOrPath);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("unknown board '" + nameOrPath + "': neither a built-in board ("
                    + String.join(", ", available()) + ") nor a readable .properties file");
        }
        String fileName = file.getFileName().toString();
        String base = fileName.endsWith(".properties") ? fileName.substring(0, fileName.length() - 11) : fileName;
        try (InputStream in = Files.newInputStream(file)) {
            return parse(base, in);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read board file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses a profile; {@code fallbackName} is used when the file has no {@code name} key. */
    static BoardProfile parse(String fallbackName, InputStream in) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        ProfileKeys keys = new ProfileKeys(fallbackName, properties);
        String name = keys.text("name", fallbackName);
        String description = keys.text("description", "");
        int internalBytes = keys.integer("heap.internal.bytes");
        int psram = keys.integer("heap.psram.bytes");
        Dialect dialect = keys.dialect("trace.dialect");
        int depth = keys.integer("trace.stack.depth");
        int mhz = keys.integer("cpu.mhz");
        int baud = keys.integer("uart.baud");
        String idf = keys.text("idf.version", null);
        // the two firmware bugs are on unless switched off, as on every real board; the watchdog is opt-in
        Hazards hazards = new Hazards(keys.flag("hazard.resume.before.start", true),
                keys.flag("hazard.dump.after.reinit", true), keys.flag("hazard.watchdog.long.dump"));
        try {
            return new BoardProfile(name, description, internalBytes, psram, dialect, depth, mhz, baud, idf, hazards,
                    DebugLibrary.parse(keys.text("lua.debug", "minimal")));
        } catch (IllegalArgumentException e) {
            throw keys.error(e.getMessage());
        }
    }

    /** The names of the built-in boards, sorted. */
    public static List<String> available() {
        URL folder = BoardProfile.class.getClassLoader().getResource(CLASSPATH_FOLDER);
        if (folder == null) {
            return List.of();
        }
        try {
            if ("jar".equals(folder.getProtocol())) {
                try (FileSystem jar = FileSystems.newFileSystem(folder.toURI(), Map.of())) {
                    return names(jar.provider().getPath(folder.toURI()));
                } catch (java.nio.file.FileSystemAlreadyExistsException alreadyOpen) {
                    return names(Path.of(folder.toURI()));
                }
            }
            return names(Path.of(folder.toURI()));
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return List.of();
        }
    }

    private static List<String> names(Path folder) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.map(path -> path.getFileName().toString())
                    .filter(file -> file.endsWith(".properties"))
                    .map(file -> file.substring(0, file.length() - ".properties".length()))
                    .sorted()
                    .forEach(names::add);
        }
        return names;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
