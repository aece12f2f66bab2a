package dev.heapscope.session;

import dev.heapscope.model.Dump;
import dev.heapscope.model.TraceMode;
import dev.heapscope.sim.BoardProfile;
import dev.heapscope.sim.SimulatedBoard;
import dev.heapscope.sim.SimulatorTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AutosaveRecoveryTest {
    @TempDir
    Path root;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aSessionKilledWithSigkillIsRecoveredWithEveryDumpReceived() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process victim = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                AutosaveVictim.class.getName(), root.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String ready;
        String times;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(victim.getInputStream(), StandardCharsets.UTF_8))) {
            ready = out.readLine();
            times = out.readLine();
            assertThat(Autosave.findRecoverable(root)).as("a running session is not a leftover").isEmpty();
        } finally {
            victim.destroyForcibly(); // SIGKILL: no shutdown hook, no clean close
            victim.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(ready).startsWith("READY ");
        String[] words = ready.split(" ");
        int dumps = Integer.parseInt(words[1]);
        List<Integer> records = Arrays.stream(words).skip(2).map(Integer::valueOf).toList();

        List<Path> leftovers = Autosave.findRecoverable(root);
        assertThat(leftovers).hasSize(1);
        SavedSession recovered = Autosave.recover(leftovers.get(0));

        assertThat(recovered.dumps()).hasSize(dumps);
        assertThat(recovered.dumps()).extracting(d -> d.records().size()).containsExactlyElementsOf(records);
        assertThat(recovered.dumps()).allMatch(Dump::complete).allMatch(d -> d.receivedAtMillis() > 0);
        assertThat(recovered.markers()).filteredOn(m -> m.kind() == Marker.Kind.DUMP).hasSize(dumps);
        assertThat(recovered.commands()).extracting(SessionSnapshot.SentCommand::lua).contains("heaptrace.init(200)");
        assertThat(recovered.manifest().profile()).isEqualTo("esp32-devkitc");

        assertThat(times).as("the victim's dump times").startsWith("TIMES ");
        assertThat(recovered.dumps()).extracting(Dump::receivedAtMillis).as("each dump keeps its own time, not the recovery's")
                .containsExactlyElementsOf(Arrays.stream(times.split(" ")).skip(1).map(Long::valueOf).toList());
        dev.heapscope.symbols.Symbolizer names = recovered.symbolizer();
        Dump last = recovered.dumps().get(dumps - 1);
        assertThat(last.records()).as("the Lua frame that allocated, named in this process, which never ran the board")
                .anyMatch(r -> IntStream.of(r.caller().frames())
                        .mapToObj(a -> names.resolve(a).map(dev.heapscope.model.Symbol::frameLabel).orElse(""))
                        .anyMatch("fill (stdin:1)"::equals));
        assertThat(last.records()).extracting(r -> recovered.heldBy().pathOf(r).map(p -> p.concrete()).orElse(""))
                .as("what held each block, as the live board knew it").contains("_G.keep2[1]");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aCleanCloseLeavesNothingToRecoverAndASavedLiveSessionReopensAsItWas() throws Exception {
        Autosave autosave = Autosave.begin(root, "esp32-devkitc", null);
        SimulatedBoard board = SimulatedBoard.create(BoardProfile.load("esp32-devkitc"));
        ProfilingSession session = new ProfilingSession(new SimulatorTransport(board, false),
                autosave.options(SessionOptions.DEFAULTS));
        autosave.follow(session);
        SessionSnapshot snapshot;
        byte[] transcript;
        try {
            get(session.connect());
            get(session.awaitPrompt(10_000));
            get(session.init(100));
            get(session.start(TraceMode.LEAKS));
            get(session.execute("t = {} for i=1,4 do t[i] = {i} end"));
            get(session.dump());
            get(session.pollHeap());
            get(session.dump());
            snapshot = get(session.snapshot());
            transcript = get(session.transcript());
            assertThat(Files.readAllBytes(autosave.directory().resolve(SessionJson.TRANSCRIPT)))
                    .as("the raw transcript reaches the disk as it arrives").isEqualTo(transcript);
        } finally {
            session.close();
            autosave.close();
        }
        assertThat(Autosave.findRecoverable(root)).isEmpty();
        assertThat(autosave.directory()).doesNotExist();

        Path file = root.resolve("live.heapscope");
        SessionStore.save(SavedSession.of(snapshot, transcript, "esp32-devkitc", null), file);
        SavedSession opened = SessionStore.open(file);
        assertThat(DumpPrints.of(opened.dumps())).isEqualTo(DumpPrints.of(snapshot.dumps())).hasSize(2);
        assertThat(opened.markers()).isEqualTo(snapshot.markers());
        assertThat(opened.samples()).isEqualTo(snapshot.samples()).hasSize(1);
        assertThat(opened.commands()).isEqualTo(snapshot.commands());
    }

    @Test
    void aLeftoverWithDamagedJsonStillYieldsItsDumps() throws Exception {
        Path leftover = Files.createDirectories(root.resolve("20260101-000000-1"));
        Files.copy(Path.of("src/test/resources/logs/shared/nodemcu-session-idf51.log"), leftover.resolve(SessionJson.TRANSCRIPT));
        Files.writeString(leftover.resolve(SessionJson.MARKERS), "[ {\"kind\": \"DU");
        Files.writeString(leftover.resolve("owner"), "999999999 ?");

        assertThat(Autosave.findRecoverable(root)).containsExactly(leftover);
        SavedSession recovered = Autosave.recover(leftover);
        assertThat(recovered.dumps()).hasSize(2);
        assertThat(recovered.markers()).isEmpty();
        Autosave.discard(leftover);
        assertThat(Autosave.findRecoverable(root)).isEmpty();
    }

    @Test
    void aLeftoverIsReadWithTheBoundsOfASavedFile() throws Exception {
        // sparse files: sizes a hostile leftover could claim, at no disk cost
        Path huge = Files.createDirectories(root.resolve("20260101-000000-2"));
        try (java.io.RandomAccessFile transcript = new java.io.RandomAccessFile(huge.resolve(SessionJson.TRANSCRIPT).toFile(), "rw")) {
            transcript.setLength(300L << 20);
        }
        assertThatThrownBy(() -> Autosave.recover(huge)).isInstanceOf(java.io.IOException.class)
                .hasMessage(huge + ": its transcript is 300 MiB, over the 256 MiB a session may hold");

        Path bloated = Files.createDirectories(root.resolve("20260101-000000-3"));
        Files.copy(Path.of("src/test/resources/logs/shared/nodemcu-session-idf51.log"), bloated.resolve(SessionJson.TRANSCRIPT));
        try (java.io.RandomAccessFile manifest = new java.io.RandomAccessFile(bloated.resolve(SessionJson.MANIFEST).toFile(), "rw")) {
            manifest.setLength(1L << 30);
        }
        SavedSession recovered = Autosave.recover(bloated);
        assertThat(recovered.dumps()).as("an oversized part is skipped, the transcript still read").hasSize(2);
        assertThat(recovered.manifest().board()).isEqualTo("unknown (recovered)");
    }

    private static <T> T get(Future<T> future) throws Exception {
        return future.get(20, TimeUnit.SECONDS);
    }
}
