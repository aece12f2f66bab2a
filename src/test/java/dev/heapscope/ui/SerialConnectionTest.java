package dev.heapscope.ui;

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
    private String previousHome;

    @BeforeEach
    void pseudoTerminalsAreAvailable() {
        PseudoTerminals.assumeAvailable();
    }

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
        fx.shutdownNow();
        if (previousHome != null) {
            System.setProperty("user.home", previousHome);
        }
    }

    @Test
    void aSerialBoardIsCheckedLoggedAndFollowedThroughAnUnplug() throws Exception {
        previousHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        Path link = home.resolve("esp32");
        BoardOnPty board = BoardOnPty.serve(SimulatedBoard.create(BoardProfile.load("esp32-devkitc"),
                BoardOptions.defaults().withRealTime(true)), link, true);
        session = new SessionViewModel(fx);
        session.connectSerial(link.toString(), 115_200).get(30, TimeUnit.SECONDS);
        waitFor(() -> session.messageProperty().get().contains("heaptrace is available"));
        assertThat(session.messageProperty().get()).contains("dialect B").contains(".heapscope");

        session.init(20).get(10, TimeUnit.SECONDS);
        session.start(TraceMode.LEAKS).get(10, TimeUnit.SECONDS);
        Dump dump = session.dump().get(10, TimeUnit.SECONDS);
        assertThat(dump.complete()).isTrue();
        try (var logs = Files.list(home.resolve(".heapscope/logs"))) {
            Path log = logs.findFirst().orElseThrow();
            assertThat(Files.readString(log)).contains("====== Heap Trace: ");
        }

        Path elf = Path.of(getClass().getResource("/elf/app-xtensa-dwarf4.elf").toURI());
        fx.submit(() -> session.useElf(elf)).get(10, TimeUnit.SECONDS).get(20, TimeUnit.SECONDS);
        // The virtual board printed its own firmware digest at boot: a different ELF is flagged.
        waitFor(() -> session.messageProperty().get().contains("Warning: the board runs firmware"));
        assertThat(ElfChoices.remembered(link.toString())).contains(elf.toAbsolutePath());
        assertThat(session.symbolizer().resolve(0x400d0004)).isPresent();

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
        previousHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        Path link = home.resolve("esp32");
        Path autosaves = home.resolve("autosave");
        BoardOnPty board = BoardOnPty.serve(SimulatedBoard.create(BoardProfile.load("esp32-devkitc"),
                BoardOptions.defaults().withRealTime(true)), link, true);
        try {
            session = new SessionViewModel(fx);
            session.autosaveInto(autosaves);
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
            try (var logs = Files.list(home.resolve(".heapscope/logs"))) {
                assertThat(Files.readString(logs.findFirst().orElseThrow())).contains("heaptrace.init(20)");
            }
        } finally {
            board.close();
        }
    }
}
