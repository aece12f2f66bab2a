package dev.heapscope.session;

import dev.heapscope.console.CommandResult;
import dev.heapscope.console.ConsoleException;
import dev.heapscope.model.Dump;
import dev.heapscope.model.TraceMode;
import dev.heapscope.sim.BoardProfile;
import dev.heapscope.sim.Hazards;
import dev.heapscope.sim.SimulatedBoard;
import dev.heapscope.transport.serial.SerialTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A session on a board behind a real pseudo-terminal, through jSerialComm, paced at 115200 baud:
 * what happens when the board resets mid-dump, the cable is pulled mid-dump, the line carries
 * garbage, or a command is too long for the board's line buffer.
 */
class SerialSessionTest {
    private static final int BAUD = 115_200;

    private static <T> T get(Future<T> future) throws Exception {
        return future.get(30, TimeUnit.SECONDS);
    }

    private static ProfilingSession connect(Path link, Path rawLog) throws Exception {
        ProfilingSession session = new ProfilingSession(new SerialTransport(link.toString()),
                SessionOptions.DEFAULTS.withCommandTimeoutMillis(10_000).withRawLogFile(rawLog));
        get(session.connect());
        get(session.awaitPrompt(15_000));
        return session;
    }

    /** Fills the trace buffer with {@code n} leaked tables. */
    private static void traceLeaks(ProfilingSession session, int records, int leaks) throws Exception {
        get(session.init(records));
        get(session.start(TraceMode.LEAKS));
        assertThat(get(session.execute("keep = {} for i = 1, " + leaks + " do keep[i] = {i} end")).failed()).isFalse();
    }

    @Test
    void aWatchdogResetInTheMiddleOfADumpKeepsTheRecordsAndForgetsTheTraceState(@TempDir Path dir) throws Exception {
        Hazards watchdog = new Hazards(false, false, true);
        SimulatedBoard simulated = SimulatedBoard.create(BoardProfile.load("esp32-devkitc").withHazards(watchdog));
        List<String> notices = new CopyOnWriteArrayList<>();
        try (PtyBoard board = new PtyBoard(simulated, dir.resolve("tty"), BAUD);
             ProfilingSession session = connect(dir.resolve("tty"), dir.resolve("raw.log"))) {
            session.addListener(new SessionListener() {
                @Override
                public void notice(String message) {
                    notices.add(message);
                }
            });
            traceLeaks(session, 150, 120);
            assertThatThrownBy(() -> get(session.dump()))
                    .isInstanceOf(ExecutionException.class)
                    .hasMessageContaining("crashed");
            get(session.awaitPrompt(15_000));
            SessionSnapshot snapshot = get(session.snapshot());
            Dump cut = snapshot.dumps().get(snapshot.dumps().size() - 1);
            assertThat(cut.complete()).isFalse();
            assertThat(cut.records()).isNotEmpty();
            assertThat(snapshot.trace()).isEqualTo(TraceState.NO_BUFFER);
            assertThat(snapshot.markers()).extracting(Marker::kind).contains(Marker.Kind.CRASH, Marker.Kind.RESET);
            assertThat(notices).anyMatch(n -> n.contains("interrupt watchdog may reset the board"));
            String raw = Files.readString(dir.resolve("raw.log"), StandardCharsets.ISO_8859_1);
            assertThat(raw).contains("Guru Meditation Error").contains("====== Heap Trace:");
        }
    }

    @Test
    void pullingTheCableMidDumpKeepsEverythingAndReconnectsWhenThePortComesBack(@TempDir Path dir) throws Exception {
        Path link = dir.resolve("tty");
        PtyBoard board = new PtyBoard(SimulatedBoard.create(BoardProfile.load("esp32-devkitc")), link, BAUD);
        try (ProfilingSession session = connect(link, null)) {
            session.reconnectWith(() -> new SerialTransport(link.toString()), 100);
            traceLeaks(session, 300, 250);
            java.util.concurrent.atomic.AtomicInteger recordLines = new java.util.concurrent.atomic.AtomicInteger();
            session.addListener(new SessionListener() {
                @Override
                public void consoleLine(String line, long hostMillis) {
                    if (line.contains(" bytes (@ ")) {
                        recordLines.incrementAndGet();
                    }
                }
            });
            CompletableFuture<Dump> dump = session.dump();
            waitFor(() -> recordLines.get() >= 20); // part of the dump is on the wire (it takes ~4 s in all)
            board.unplug();
            assertThatThrownBy(() -> get(dump)).hasCauseInstanceOf(ConsoleException.class)
                    .hasMessageContaining("disconnected");
            SessionSnapshot lost = get(session.snapshot());
            assertThat(lost.connection()).isEqualTo(ConnectionState.BOARD_LOST);
            Dump partial = lost.dumps().get(lost.dumps().size() - 1);
            assertThat(partial.complete()).isFalse();
            assertThat(partial.records().size()).isBetween(1, 249);

            board = new PtyBoard(SimulatedBoard.create(BoardProfile.load("esp32-devkitc")), link, BAUD);
            waitFor(() -> get(session.snapshot()).connection() == ConnectionState.CONNECTED);
            CommandResult answer = get(session.execute("print(1 + 1)"));
            assertThat(answer.output()).contains("2");
            assertThat(get(session.snapshot()).dumps()).contains(partial);
        } finally {
            board.close();
        }
    }

    @Test
    void garbageOnTheLineDoesNotDerailTheSession(@TempDir Path dir) throws Exception {
        try (PtyBoard board = new PtyBoard(SimulatedBoard.create(BoardProfile.load("esp32-devkitc")),
                dir.resolve("tty"), BAUD);
             ProfilingSession session = connect(dir.resolve("tty"), null)) {
            byte[] noise = new byte[600];
            new java.util.Random(7).nextBytes(noise);
            board.injectNoise(noise);
            board.injectNoise("\r\n".getBytes(StandardCharsets.US_ASCII));
            traceLeaks(session, 50, 5);
            Dump dump = get(session.dump());
            assertThat(dump.complete()).isTrue();
            assertThat(dump.records()).isNotEmpty();
        }
    }

    @Test
    void aCommandLongerThanTheBoardsLineBufferIsRefusedBeforeItIsSent(@TempDir Path dir) throws Exception {
        try (PtyBoard board = new PtyBoard(SimulatedBoard.create(BoardProfile.load("esp32-devkitc")),
                dir.resolve("tty"), BAUD);
             ProfilingSession session = connect(dir.resolve("tty"), null)) {
            String longLine = "x = '" + "a".repeat(300) + "'";
            assertThatThrownBy(() -> get(session.execute(longLine)))
                    .hasMessageContaining("at most 255").hasMessageContaining("upload it as a file");
            assertThat(get(session.execute("print('still fine')")).output()).contains("still fine");
            assertThat(get(session.snapshot()).commands()).extracting(SessionSnapshot.SentCommand::lua)
                    .doesNotContain(longLine);
        }
    }

    @Test
    void switchingTheConsoleSpeedRunsUartSetupAndFollowsTheBoard(@TempDir Path dir) throws Exception {
        try (PtyBoard board = new PtyBoard(SimulatedBoard.create(BoardProfile.load("esp32-devkitc")),
                dir.resolve("tty"), BAUD)) {
            SerialTransport transport = new SerialTransport(dir.resolve("tty").toString());
            try (ProfilingSession session = new ProfilingSession(transport, SessionOptions.DEFAULTS)) {
                get(session.connect());
                get(session.awaitPrompt(15_000));
                CommandResult answer = get(session.changeBaudRate(921_600));
                assertThat(answer.failed()).as(answer.text()).isFalse();
                assertThat(transport.baudRate()).isEqualTo(921_600);
                assertThat(get(session.snapshot()).markers()).extracting(Marker::detail)
                        .contains("console speed 921600 baud");
                assertThat(get(session.execute("print('fast')")).output()).contains("fast");
            }
        }
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static void waitFor(Check check) throws Exception {
        long deadline = System.currentTimeMillis() + 15_000;
        while (!check.holds()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("not reached within 15 s");
            }
            Thread.sleep(50);
        }
    }
}
