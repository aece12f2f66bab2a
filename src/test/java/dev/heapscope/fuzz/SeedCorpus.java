package dev.heapscope.fuzz;

import dev.heapscope.session.SessionStore;
import dev.heapscope.session.Sessions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The inputs mutations start from: the test logs (the shared samples among them, every dialect), session files
 * written by the session store from those logs (and the saved session of the tests), and the simulator's Lua
 * examples and scenarios.
 */
final class SeedCorpus {
    private SeedCorpus() {
    }

    static List<byte[]> logs() {
        List<byte[]> seeds = new ArrayList<>();
        for (String folder : new String[] {"/logs", "/golden/stream/inputs"}) {
            seeds.addAll(readAll(resource(folder), name -> name.endsWith(".log") || name.endsWith(".txt")));
        }
        if (seeds.isEmpty()) {
            throw new IllegalStateException("no seed logs on the test class path");
        }
        return seeds;
    }

    /** Session files saved by {@link SessionStore} from every seed log, and the tests' saved session. */
    static List<byte[]> sessions(Path work) {
        try {
            Files.createDirectories(work);
            List<byte[]> seeds = new ArrayList<>(readAll(resource("/sessions"), name -> name.endsWith(SessionStore.EXTENSION)));
            int n = 0;
            for (byte[] log : logs()) {
                Path text = Files.write(work.resolve("seed-" + n + ".log"), log);
                Path saved = work.resolve("seed-" + n++ + SessionStore.EXTENSION);
                SessionStore.save(Sessions.openFile(text), saved);
                seeds.add(Files.readAllBytes(saved));
            }
            return seeds;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<byte[]> luaScripts() {
        Path simulator = Path.of(System.getProperty("heapscope.project.dir", ".")).resolve("simulator");
        List<byte[]> seeds = new ArrayList<>();
        for (String folder : new String[] {"examples", "scenarios"}) {
            seeds.addAll(readAll(simulator.resolve(folder), name -> name.endsWith(".lua")));
        }
        if (seeds.isEmpty()) {
            throw new IllegalStateException("no Lua scripts under " + simulator);
        }
        return seeds;
    }

    private static Path resource(String folder) {
        try {
            return Paths.get(SeedCorpus.class.getResource(folder).toURI());
        } catch (java.net.URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("no " + folder + " on the test class path", e);
        }
    }

    private static List<byte[]> readAll(Path folder, java.util.function.Predicate<String> wanted) {
        try (Stream<Path> files = Files.walk(folder)) {
            List<Path> sorted = files.filter(Files::isRegularFile).filter(file -> wanted.test(file.getFileName().toString()))
                    .sorted().toList();
            List<byte[]> contents = new ArrayList<>();
            for (Path file : sorted) {
                contents.add(Files.readAllBytes(file));
            }
            return contents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
