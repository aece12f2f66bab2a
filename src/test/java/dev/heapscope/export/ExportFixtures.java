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

    /** Two complete dumps; a monitor names a frame {@value #SCRIPT}; a Lua string in the log too. */
    static final String HOSTILE_LOG = """
            > print("<script>alert(1)</script>")
            ====== Heap Trace: 1 records (10 capacity) ======
                40 bytes (@ 0x3ffc8a30, Internal) allocated CPU 0 ccount 0x1c2f6a40 caller 0x400e1a2c:
            0x400e1a2c: <script>alert(1)</script> at /src/<b>&x.c:7
            ====== Heap Trace Summary ======
            Mode: Heap Trace Leaks
            40 bytes 'leaked' in trace (1 allocations)
            records: 1 (10 capacity, 1 high water mark)
            total allocations: 1
            total frees: 0
            ================================
            ====== Heap Trace: 2 records (10 capacity) ======
                40 bytes (@ 0x3ffc8a30, Internal) allocated CPU 0 ccount 0x1c2f6a40 caller 0x400e1a2c:
                24 bytes (@ 0x3ffc8b00, Internal) allocated CPU 1 ccount 0x2c2f6a40 caller 0x400e1b00:0x400e1a2c:
            ====== Heap Trace Summary ======
            Mode: Heap Trace Leaks
            64 bytes 'leaked' in trace (2 allocations)
            records: 2 (10 capacity, 2 high water mark)
            total allocations: 2
            total frees: 0
            ================================
            """;

    private ExportFixtures() {
    }

    static Path sharedLog(String name) {
        try {
            return Paths.get(ExportFixtures.class.getResource("/logs/shared/" + name).toURI());
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

    static ParsedLog hostile() {
        return new LogParser().parse(HOSTILE_LOG);
    }
}
