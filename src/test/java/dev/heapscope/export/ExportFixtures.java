package dev.heapscope.export;

import dev.heapscope.parse.LogParser;
import dev.heapscope.parse.ParsedLog;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

/** The shared sample logs and a hostile one whose names and text try to inject markup. */
final class ExportFixtures {
    static final String SCRIPT = "<script>alert(1)</script>";

    /** Two complete dumps; a monitor names a frame {@value #SCRIPT}; a Lua string prints markup too. */
    static final String HOSTILE_LOG = "hostile-names.log";

    private ExportFixtures() {
    }

    static Path sharedLog(String name) {
        return log("shared/" + name);
    }

    static Path log(String name) {
        try {
            return Paths.get(ExportFixtures.class.getResource("/logs/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Path> sharedLogs() throws IOException {
        try (Stream<Path> files = Files.list(sharedLog("dialect-a-idf44-leaks.log").getParent())) {
            return files.sorted().toList();
        }
    }

    static ParsedLog parse(Path file) throws IOException {
        return new LogParser().parse(file);
    }

    static ParsedLog hostile() throws IOException {
        return new LogParser().parse(log(HOSTILE_LOG));
    }

    static String hostileText() throws IOException {
        return Files.readString(log(HOSTILE_LOG), java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
