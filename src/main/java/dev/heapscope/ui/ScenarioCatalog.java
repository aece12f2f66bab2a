package dev.heapscope.ui;

import dev.heapscope.sim.Scenario;
import dev.heapscope.sim.ScenarioHeader;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
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
import java.util.stream.Stream;

/** The scenarios shipped on the classpath ({@code dev/heapscope/simulator/scenarios/*.lua}), from a folder or a jar. */
public final class ScenarioCatalog {
    static final String FOLDER = "dev/heapscope/simulator/scenarios/";
    private static final System.Logger LOG = System.getLogger(ScenarioCatalog.class.getName());

    private ScenarioCatalog() {
    }

    /** Every scenario, sorted by name; empty (and logged) when the folder cannot be read. */
    public static List<Scenario> load() {
        URL folder = ScenarioCatalog.class.getClassLoader().getResource(FOLDER);
        if (folder == null) {
            return List.of();
        }
        try {
            URI uri = folder.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return read(jar.getPath(FOLDER));
                }
            }
            return read(Path.of(uri));
        } catch (IOException | URISyntaxException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot list the scenarios: " + e);
            return List.of();
        }
    }

    /** One scenario by file name, or null (also when it cannot be read; logged). */
    public static Scenario named(String name) {
        String file = name.endsWith(".lua") ? name : name + ".lua";
        try (InputStream in = ScenarioCatalog.class.getClassLoader().getResourceAsStream(FOLDER + file)) {
            return in == null ? null : Scenario.parse(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException | ScenarioHeader.MalformedException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read the scenario " + file + ": " + e.getMessage());
            return null;
        }
    }

    private static List<Scenario> read(Path folder) throws IOException {
        List<Scenario> scenarios = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".lua")) {
                    try { // a byte that is not UTF-8 is U+FFFD, not a scenario left out
                        scenarios.add(Scenario.parse(name, new String(Files.readAllBytes(file), StandardCharsets.UTF_8)));
                    } catch (ScenarioHeader.MalformedException e) {
                        // a shipped scenario's header is checked by the tests; one bad file must not empty the list
                        LOG.log(System.Logger.Level.WARNING, "scenario left out: " + e.getMessage());
                    }
                }
            }
        }
        return scenarios;
    }
}
