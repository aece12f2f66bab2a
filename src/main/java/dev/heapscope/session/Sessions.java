package dev.heapscope.session;

import dev.heapscope.sim.BoardOptions;
import dev.heapscope.sim.BoardProfile;
import dev.heapscope.sim.SimulatedBoard;
import dev.heapscope.sim.SimulatorTransport;
import dev.heapscope.transport.Transport;
import dev.heapscope.transport.serial.SerialTransport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * The ways to open a session, with everything around it wired in one place: the transport, the
 * autosave (every byte on disk as it arrives), a serial session's raw log, reconnection after an
 * unplug, the firmware check and the heap polls; and a saved file. The app and the CLI open sessions only here.
 */
public final class Sessions {
    static final long RECONNECT_EVERY_MILLIS = 1_000;
    private static final System.Logger LOG = System.getLogger(Sessions.class.getName());

    /**
     * How to open one.
     *
     * @param data                 where autosaves and serial raw logs go; null for neither (the CLI, tests)
     * @param rawLogFile           without {@code data}: a file every received byte goes to (the CLI's
     *                             {@code --raw-log}); may be null
     * @param commandTimeoutMillis how long a command may wait in silence for the board
     * @param promptTimeoutMillis  how long connecting waits for the first prompt
     * @param pollEveryMillis      {@code node.heap()} polls while idle; 0 for none
     */
    public record Setup(DataDirectory data, Path rawLogFile, long commandTimeoutMillis, long promptTimeoutMillis,
                        long pollEveryMillis) {
        /** For tools: no autosave, no polls. */
        public static Setup headless(long commandTimeoutMillis) {
            return new Setup(null, null, commandTimeoutMillis, 15_000, 0);
        }

        /** For the app: autosaves and raw logs under {@code data}. */
        public static Setup interactive(DataDirectory data, long commandTimeoutMillis, long pollEveryMillis) {
            return new Setup(data, null, commandTimeoutMillis, 15_000, pollEveryMillis);
        }

        public Setup withRawLogFile(Path file) {
            return new Setup(data, file, commandTimeoutMillis, promptTimeoutMillis, pollEveryMillis);
        }

        public Setup withPromptTimeoutMillis(long millis) {
            return new Setup(data, rawLogFile, commandTimeoutMillis, millis, pollEveryMillis);
        }
    }

    private Sessions() {
    }

    /** A freshly booted virtual board of {@code profile}; its output reaches the session as fast as it is printed. */
    public static OpenedSession virtualBoard(BoardProfile profile, BoardOptions options, Setup setup) {
        SimulatedBoard board = SimulatedBoard.create(profile, options);
        Autosave autosave = beginAutosave(setup, profile.name());
        return new OpenedSession(new ProfilingSession(new SimulatorTransport(board, false), options(setup, autosave, null)),
                board, autosave, null, "the virtual board " + profile.name(), setup, null);
    }

    /** A real board on a serial port; its transcript is kept as a raw log when the session ends. */
    public static OpenedSession serial(String portName, int baudRate, Setup setup) {
        Supplier<Transport> port = () -> new SerialTransport(portName, baudRate, false, 2_000);
        Autosave autosave = beginAutosave(setup, portName);
        Path rawLog = setup.data() == null ? setup.rawLogFile() : SerialLogs.newFile(setup.data(), portName);
        // without an autosave the raw log is written directly
        SessionOptions options = options(setup, autosave, autosave == null ? rawLog : null);
        return new OpenedSession(new ProfilingSession(port.get(), options), null, autosave,
                autosave == null ? null : rawLog, portName + " at " + baudRate + " baud", setup, port);
    }

    /**
     * A file as it was saved: a {@code .heapscope} session, or any console log with dumps (monitor output,
     * a paste, a raw log), which opens as a session that has only its transcript.
     */
    public static SavedSession openFile(Path file) throws IOException {
        // a .heapscope name or a missing file: the session store says what is wrong with it
        if (SessionStore.isSessionFile(file) || file.getFileName().toString().endsWith(SessionStore.EXTENSION)
                || !Files.exists(file) || Files.isDirectory(file)) {
            return SessionStore.open(file);
        }
        byte[] text = Files.readAllBytes(file);
        SessionSnapshot onlyText = new SessionSnapshot(ConnectionState.DISCONNECTED, TraceState.UNKNOWN, null,
                file.getFileName().toString(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), text.length);
        return SavedSession.of(onlyText, text, null, null);
    }

    private static SessionOptions options(Setup setup, Autosave autosave, Path rawLog) {
        SessionOptions options = SessionOptions.DEFAULTS.withCommandTimeoutMillis(setup.commandTimeoutMillis())
                .withRawLogFile(rawLog);
        return autosave == null ? options : autosave.options(options);
    }

    private static Autosave beginAutosave(Setup setup, String what) {
        if (setup.data() == null) {
            return null;
        }
        try {
            return Autosave.begin(setup.data().autosaves(), what, null);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "no autosave for this session: " + e);
            return null;
        }
    }
}
