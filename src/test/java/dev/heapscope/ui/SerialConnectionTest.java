package dev.heapscope.ui;

import dev.heapscope.session.DataDirectory;
import dev.heapscope.model.Dump;
import dev.heapscope.model.TraceMode;
import dev.heapscope.session.ConnectionState;
import dev.heapscope.sim.BoardOnPty;
import dev.heapscope.sim.BoardOptions;
import dev.heapscope.sim.BoardProfile;
import dev.heapscope.sim.SimulatedBoard;
import dev.heapscope.transport.pty.PseudoTerminals;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The app's serial connection, without a stage, to the virtual board served on a real
 * pseudo-terminal: firmware check, raw log on disk, verbs, an unplug and the reconnection.
 */
class SerialConnectionTest {
    @TempDir
    Path home;
    private final ExecutorService fx = Executors.newSingleThreadExecutor();
    private SessionViewModel session;

    @BeforeEach
    void pseudoTerminalsAreAvailable() {
        PseudoTerminals.assumeAvailable();
    }

    @AfterEach
    void close() throws Exception {
        if (session != null) {
            session.close();
            // the session ends off the calling thread and then moves its autosave into the data directory:
            // let it finish before the temporary directory is deleted under it
            waitFor(() -> session.connectionProperty().get() == ConnectionState.DISCONNECTED);
        }
        fx.shutdownNow();
    }

    @Test
    void aSerialBoardIsCheckedLoggedAndFollowedThroughAnUnplug() throws Exception {
        Path link = home.resolve("esp32");
        BoardOnPty board = BoardOnPty.serve(SimulatedBoard.create(BoardProfile.load("esp32-devkitc"),
                BoardOptions.defaults().withRealTime(true)), link, true);
        DataDirectory data = DataDirectory.at(home.resolve("data"));
        session = new SessionViewModel(fx, data);
        session.connectSerial(link.toString(), 115_200).get(30, TimeUnit.SECONDS);
        waitFor(() -> session.messageProperty().get().contains("heaptrace is available"));
        assertThat(session.messageProperty().get()).contains("dialect B").contains(data.logs().toString());

        session.init(20).get(10, TimeUnit.SECONDS);
        session.start(TraceMode.LEAKS).get(10, TimeUnit.SECONDS);
        Dump dump = session.dump().get(10, TimeUnit.SECONDS);
        assertThat(dump.complete()).isTrue();
        try (var running = Files.list(data.autosaves())) { // every byte is on disk while the session runs
            Path transcript = running.findFirst().orElseThrow().resolve("transcript.bin");
            waitFor(() -> Files.readString(transcript, java.nio.charset.StandardCharsets.ISO_8859_1)
                    .contains("====== Heap Trace: "));
        }

        Path elf = Path.of(getClass().getResource("/elf/app-xtensa-dwarf4.elf").toURI());
        fx.submit(() -> session.names().use(elf)).get(10, TimeUnit.SECONDS).get(20, TimeUnit.SECONDS);
        // The virtual board printed its own firmware digest at boot: a different ELF is flagged.
        waitFor(() -> session.messageProperty().get().contains("Warning: the board runs firmware"));
        assertThat(new ElfChoices(data.elfChoicesFile()).remembered(link.toString())).contains(elf.toAbsolutePath());
        assertThat(session.names().symbolizer().resolve(0x400d0004)).isPresent();

        board.close();
        waitFor(() -> session.connectionProperty().get() == ConnectionState.BOARD_LOST);
        BoardOnPty again = BoardOnPty.serve(SimulatedBoard.create(BoardProfile.load("esp32-devkitc"),
                BoardOptions.defaults().withRealTime(true)), link, true);
        try {
            waitFor(() -> session.connectionProperty().get() == ConnectionState.CONNECTED);
            assertThat(session.execute("print('back')").get(10, TimeUnit.SECONDS).output()).contains("back");
        } finally {
            again.close();
        }
    }

    private static void waitFor(Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(condition);
    }

    @Test
    void aSerialSessionIsAutosavedAndItsTranscriptKeptAsTheRawLogWhenItEnds() throws Exception {
        Path link = home.resolve("esp32");
        DataDirectory data = DataDirectory.at(home.resolve("data"));
        Path autosaves = data.autosaves();
        BoardOnPty board = BoardOnPty.serve(SimulatedBoard.create(BoardProfile.load("esp32-devkitc"),
                BoardOptions.defaults().withRealTime(true)), link, true);
        try {
            session = new SessionViewModel(fx, data);
            session.connectSerial(link.toString(), 115_200).get(30, TimeUnit.SECONDS);
            session.init(20).get(10, TimeUnit.SECONDS);
            try (var running = Files.list(autosaves)) {
                Path transcript = running.findFirst().orElseThrow().resolve("transcript.bin");
                waitFor(() -> Files.readString(transcript, java.nio.charset.StandardCharsets.ISO_8859_1)
                        .contains("heaptrace.init(20)"));
            }
            session.disconnect();
            waitFor(() -> session.connectionProperty().get() == ConnectionState.DISCONNECTED);
            waitFor(() -> {
                try (var left = Files.list(autosaves)) {
                    return left.findAny().isEmpty();
                }
            });
            try (var logs = Files.list(data.logs())) {
                assertThat(Files.readString(logs.findFirst().orElseThrow())).contains("heaptrace.init(20)");
            }
        } finally {
            board.close();
        }
    }

    @Test
    void theGuidedHuntOnARealBoardUploadsTheScriptAndFindsWhatItLeaks() throws Exception {
        Path link = home.resolve("esp32");
        SimulatedBoard simulated = SimulatedBoard.create(BoardProfile.load("esp32-devkitc"),
                BoardOptions.defaults().withRealTime(true));
        try (BoardOnPty board = BoardOnPty.serve(simulated, link, true)) {
            session = new SessionViewModel(fx, DataDirectory.at(home.resolve("data")));
            session.connectSerial(link.toString(), 115_200).get(30, TimeUnit.SECONDS);
            String script = "-- Scenario: keeps twelve strings\nkept = kept or {}\n"
                    + "for i = 1, 12 do kept[#kept + 1] = string.rep('k', 80) .. i end\n";
            var result = fx.submit(() -> session.hunts().hunt("keeper.lua", script, 1, 200)).get(10, TimeUnit.SECONDS)
                    .get(120, TimeUnit.SECONDS);

            assertThat(result.workloadError()).isNull();
            assertThat(simulated.console().files().read("keeper.lua"))
                    .hasValue(script.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(dev.heapscope.analysis.DumpDiff.between(result.first(), result.last()).appeared())
                    .as("the twelve strings, and nothing of the upload").hasSizeGreaterThanOrEqualTo(12)
                    .allSatisfy(record -> assertThat(record.caller().toString()).doesNotContain("vfs"));
            waitFor(() -> session.messageProperty().get().startsWith("Guided hunt done: keeper.lua"));
        }
    }
}
