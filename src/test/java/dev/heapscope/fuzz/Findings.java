package dev.heapscope.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Failing inputs kept under {@code target/fuzz-findings/}: the input itself, and beside it a text file with
 * the symptom and the command that reproduces it. The first {@link #SAVED_PER_SURFACE} per surface are kept;
 * all are counted.
 */
final class Findings {
    static final int SAVED_PER_SURFACE = 40;
    private final Path directory;
    private final List<String> summaries = new ArrayList<>();
    private final java.util.Map<String, Integer> savedBySurface = new java.util.HashMap<>();

    Findings(Path directory) {
        this.directory = directory;
    }

    Path reproducerPath(Surface surface, FuzzInput input) {
        return directory.resolve(surface.name() + "-" + input.index() + input.extension());
    }

    synchronized void record(Surface surface, FuzzInput input, String kind, Verdict verdict) {
        Path saved = reproducerPath(surface, input);
        String summary = surface.name() + " #" + input.index() + " " + kind + ": " + oneLine(verdict.problem())
                + " [" + input.mutations() + "] -> " + saved;
        summaries.add(summary);
        int count = savedBySurface.merge(surface.name(), 1, Integer::sum);
        if (count > SAVED_PER_SURFACE) {
            return;
        }
        try {
            Files.createDirectories(directory);
            Files.write(saved, input.bytes());
            Files.writeString(saved.resolveSibling(saved.getFileName() + ".txt"), kind + ": " + verdict.problem()
                    + "\nmutations: " + input.mutations() + "\nreproduce: " + verdict.command() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized List<String> summaries() {
        return List.copyOf(summaries);
    }

    private static String oneLine(String text) {
        // the summary goes to a terminal: the control characters some findings are about are shown escaped
        String line = text == null ? "" : text.replaceAll("\\s+", " ").replaceAll("[\\p{Cntrl}\\x80-\\x9f]", "?");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
