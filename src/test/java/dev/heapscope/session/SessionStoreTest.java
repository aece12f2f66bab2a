package dev.heapscope.session;

import dev.heapscope.model.HeapSample;
import dev.heapscope.parse.LogParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionStoreTest {
    private static final String GOLDEN = "/sessions/nodemcu-session-v1.heapscope";

    @TempDir
    Path dir;

    private static byte[] transcript() throws IOException {
        try (InputStream in = SessionStoreTest.class.getResourceAsStream("/logs/shared/nodemcu-session-idf51.log")) {
            return in.readAllBytes();
        }
    }

    private static SessionSnapshot snapshotOf(byte[] transcript) {
        return new SessionSnapshot(ConnectionState.DISCONNECTED, TraceState.STOPPED, null, "Simulator (esp32-devkitc)",
                new LogParser().parse(new String(transcript, StandardCharsets.ISO_8859_1)).dumps(),
                List.of(new HeapSample(1000, 240_000), new HeapSample(2000, 239_500)),
                List.of(new Marker(Marker.Kind.CONNECT, 900, "sim"), new Marker(Marker.Kind.DUMP, 1500, "dump #1, 1 records")),
                List.of(new SessionSnapshot.SentCommand("heaptrace.init(200)", 950)), List.of(), List.of(), transcript.length);
    }

    private Path golden() throws IOException {
        Path file = dir.resolve("golden.heapscope");
        try (InputStream in = getClass().getResourceAsStream(GOLDEN)) {
            Files.copy(in, file);
        }
        return file;
    }

    @Test
    void aSavedSessionOpensWithTheSameDumpsMarkersSamplesAndCommands() throws Exception {
        byte[] transcript = transcript();
        SessionSnapshot snapshot = snapshotOf(transcript);
        Path elf = Files.writeString(dir.resolve("firmware.elf"), "not really an ELF");
        Path file = dir.resolve("run.heapscope");

        SessionStore.save(SavedSession.of(snapshot, transcript, "esp32-devkitc", elf), file);
        SavedSession opened = SessionStore.open(file);

        assertThat(DumpPrints.of(opened.dumps())).isEqualTo(DumpPrints.of(snapshot.dumps())).hasSize(2);
        assertThat(opened.markers()).isEqualTo(snapshot.markers());
        assertThat(opened.samples()).isEqualTo(snapshot.samples());
        assertThat(opened.commands()).isEqualTo(snapshot.commands());
        assertThat(opened.transcript()).isEqualTo(transcript);
        SessionManifest manifest = opened.manifest();
        assertThat(manifest.formatVersion()).isEqualTo(SessionManifest.FORMAT_VERSION);
        assertThat(manifest.board()).isEqualTo("Simulator (esp32-devkitc)");
        assertThat(manifest.profile()).isEqualTo("esp32-devkitc");
        assertThat(manifest.dialects()).containsExactly("B");
        assertThat(manifest.elfPath()).isEqualTo(elf.toAbsolutePath().toString());
        assertThat(manifest.elfSha256()).isEqualTo("fb92de780796de46c688702b6a133c9b3825d2f25eb67113046f9e5205bf2fe2");
        assertThat(List.of(manifest.dumpCount(), manifest.markerCount(), manifest.sampleCount(), manifest.commandCount()))
                .containsExactly(2, 2, 2, 1);
        assertThat(manifest.transcriptBytes()).isEqualTo(transcript.length);
    }

    @Test
    void savingAgainWhatWasOpenedKeepsEverything() throws Exception {
        SavedSession first = SessionStore.open(golden());
        Path again = dir.resolve("again.heapscope");
        SessionStore.save(first, again);
        SavedSession second = SessionStore.open(again);

        assertThat(DumpPrints.of(second.dumps())).isEqualTo(DumpPrints.of(first.dumps()));
        assertThat(second.markers()).isEqualTo(first.markers());
        assertThat(second.samples()).isEqualTo(first.samples());
        assertThat(second.manifest()).isEqualTo(first.manifest());
    }

    @Test
    void theGoldenVersionOneFileOpensWithItsDumpsAndTheirArrivalTimes() throws Exception {
        SavedSession session = SessionStore.open(golden());

        assertThat(session.dumps()).hasSize(2);
        assertThat(session.dumps().get(0).records()).hasSize(1);
        assertThat(session.dumps().get(1).records()).hasSize(6);
        assertThat(session.dumps()).extracting(d -> d.receivedAtMillis()).containsExactly(1764034201000L, 1764034202000L);
        assertThat(session.markers()).extracting(Marker::kind)
                .containsExactly(Marker.Kind.CONNECT, Marker.Kind.INIT, Marker.Kind.DUMP);
        assertThat(session.samples()).containsExactly(new HeapSample(1764034200600L, 243112), new HeapSample(1764034201600L, 242880));
        assertThat(session.commands()).extracting(SessionSnapshot.SentCommand::lua)
                .containsExactly("heaptrace.init(200)", "heaptrace.dump()");
        assertThat(session.manifest().profile()).isEqualTo("esp32-devkitc");
        assertThat(session.manifest().elfSha256()).isNull();
    }

    @Test
    void aTruncatedFileIsRefusedWithAClearMessage() throws Exception {
        byte[] whole = Files.readAllBytes(golden());
        for (int length : new int[] {4, 40, whole.length / 2, whole.length - 10}) {
            Path cut = Files.write(dir.resolve("cut-" + length + ".heapscope"), java.util.Arrays.copyOf(whole, length));
            assertThatThrownBy(() -> SessionStore.open(cut)).isInstanceOf(IOException.class)
                    .hasMessageContaining(cut.toString()).hasMessageContaining("damaged");
        }
    }

    @Test
    void aCorruptedTranscriptIsRefusedNotMisread() throws Exception {
        byte[] whole = Files.readAllBytes(golden());
        byte[] damaged = whole.clone();
        int at = indexOf(whole, "transcript.bin".getBytes(StandardCharsets.US_ASCII)) + 200;
        for (int i = at; i < at + 50; i++) {
            damaged[i] ^= 0x5A;
        }
        Path file = Files.write(dir.resolve("flipped.heapscope"), damaged);
        assertThatThrownBy(() -> SessionStore.open(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("damaged session file");
    }

    @Test
    void aFileThatIsNotAZipOrHasNoManifestIsNotASession() throws Exception {
        Path text = Files.writeString(dir.resolve("log.heapscope"), "I (300) cpu_start: hello\n");
        assertThatThrownBy(() -> SessionStore.open(text)).isInstanceOf(IOException.class)
                .hasMessageContaining("not a HeapScope session file");
        Path other = zip(dir.resolve("other.heapscope"), "readme.txt", "hello");
        assertThatThrownBy(() -> SessionStore.open(other)).isInstanceOf(IOException.class)
                .hasMessageContaining("has no manifest.json");
    }

    @Test
    void aFileFromAFutureFormatVersionSaysSo() throws Exception {
        Path future = zip(dir.resolve("future.heapscope"), "manifest.json",
                "{\"formatVersion\": 7, \"heapscopeVersion\": \"3.0.0\", \"someNewField\": true}");
        assertThatThrownBy(() -> SessionStore.open(future)).isInstanceOf(IOException.class)
                .hasMessageContaining("newer HeapScope").hasMessageContaining("3.0.0").hasMessageContaining("format 7");
    }

    @Test
    void brokenJsonInsideIsADamagedFile() throws Exception {
        Path broken = zip(dir.resolve("broken.heapscope"), "manifest.json", "{\"formatVersion\": 1, ");
        assertThatThrownBy(() -> SessionStore.open(broken)).isInstanceOf(IOException.class)
                .hasMessageContaining("manifest.json is not readable JSON");
    }

    private static Path zip(Path file, String name, String content) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return file;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found");
    }
}
