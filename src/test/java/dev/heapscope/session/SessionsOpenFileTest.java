package dev.heapscope.session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The third way to open a session: a file, saved by HeapScope or any console log. */
class SessionsOpenFileTest {
    @TempDir
    Path dir;

    @Test
    void aConsoleLogOpensAsASessionOfItsTranscript() throws Exception {
        Path log = dir.resolve("monitor.log");
        try (var sample = getClass().getResourceAsStream("/logs/shared/dialect-c-idf55-freed.log")) {
            Files.write(log, sample.readAllBytes());
        }
        SavedSession opened = Sessions.openFile(log);
        assertThat(opened.dumps()).isNotEmpty();
        assertThat(opened.transcript()).isEqualTo(Files.readAllBytes(log));
    }

    @Test
    void aSavedSessionOpensAsSavedAndALogOfItsTranscriptGivesTheSameDumps() throws Exception {
        Path log = dir.resolve("monitor.log");
        try (var sample = getClass().getResourceAsStream("/logs/shared/dialect-c-idf55-freed.log")) {
            Files.write(log, sample.readAllBytes());
        }
        Path saved = dir.resolve("s" + SessionStore.EXTENSION);
        SessionStore.save(Sessions.openFile(log), saved);

        SavedSession reopened = Sessions.openFile(saved);
        assertThat(SessionStore.isSessionFile(saved)).isTrue();
        assertThat(reopened.dumps()).hasSameSizeAs(Sessions.openFile(log).dumps());
        assertThat(reopened.dumps().get(0).records()).isEqualTo(Sessions.openFile(log).dumps().get(0).records());
    }

    @Test
    void aMissingFileIsAnIoErrorNamingIt() {
        assertThatThrownBy(() -> Sessions.openFile(dir.resolve("gone.log"))).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("gone.log");
    }

    @Test
    void aFileNamedAsASessionThatIsNotOneIsRefusedRatherThanReadAsALog() throws IOException {
        Path notes = Files.writeString(dir.resolve("notes" + SessionStore.EXTENSION), "not a session\n");
        assertThatThrownBy(() -> Sessions.openFile(notes)).isInstanceOf(IOException.class)
                .hasMessage(notes + ": not a HeapScope session file (it is not a zip archive)");
    }

    @Test
    void binaryGarbageOpensWithNoDumpsRatherThanFailing() throws IOException {
        Path garbage = dir.resolve("noise.bin");
        byte[] bytes = new byte[4096];
        new java.util.Random(7).nextBytes(bytes);
        bytes[0] = 'x'; // not the zip magic of a session file
        Files.write(garbage, bytes);
        assertThat(Sessions.openFile(garbage).dumps()).isEmpty();
    }
}
