package dev.heapscope.sim;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The heaptrace module's documented session typed at the virtual board's console, byte for byte:
 * addresses, cycle counts and all. The virtual board is deterministic (its collector follows Lua's
 * reachability, not the JVM's), so nothing is masked, and this runs after whatever other tests ran in
 * the same JVM. Set {@code -Dheapscope.golden.update=true} to rewrite the golden file after a
 * deliberate change.
 */
class DocumentedSessionTranscriptTest {
    private static final String GOLDEN = "/golden/documented-session.transcript";
    private static final String[] SESSION = {
            "heaptrace.init(200)", "collectgarbage()", "heaptrace.start(heaptrace.TRACE_LEAKS)", "heaptrace.dump()",
            "cache = {}", "for i=1,3 do cache[#cache+1] = {i} end", "collectgarbage()", "heaptrace.stop()",
            "heaptrace.dump()", "heaptrace.stop()", "heaptrace.resume()", "=node.heap() > 100000"};

    @Test
    void theDocumentedSessionPrintsExactlyTheGoldenTranscript() throws IOException {
        String transcript = runSession();
        if (Boolean.getBoolean("heapscope.golden.update")) {
            Path file = Path.of(System.getProperty("heapscope.project.dir"), "src/test/resources" + GOLDEN);
            Files.writeString(file, transcript, StandardCharsets.ISO_8859_1);
        }
        assertThat(transcript).isEqualTo(golden());
    }

    private static String runSession() {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (SimulatedBoard board = SimulatedBoard.create(BoardProfile.load("esp32-devkitc"))) {
            board.console().addOutputListener(console::write);
            board.console().boot();
            for (String line : SESSION) {
                board.console().receive((line + "\n").getBytes(StandardCharsets.ISO_8859_1));
                board.console().awaitIdle();
            }
        }
        return console.toString(StandardCharsets.ISO_8859_1);
    }

    private static String golden() throws IOException {
        try (InputStream in = DocumentedSessionTranscriptTest.class.getResourceAsStream(GOLDEN)) {
            return in == null ? "(no golden file)" : new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
