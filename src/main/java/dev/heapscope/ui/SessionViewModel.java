package dev.heapscope.ui;

import dev.heapscope.console.CommandResult;
import dev.heapscope.model.Dump;
import dev.heapscope.model.TraceMode;
import dev.heapscope.session.ConnectionState;
import dev.heapscope.session.ProfilingSession;
import dev.heapscope.session.SessionOptions;
import dev.heapscope.session.SessionSnapshot;
import dev.heapscope.session.TraceState;
import dev.heapscope.sim.BoardProfile;
import dev.heapscope.sim.SimulatedBoard;
import dev.heapscope.sim.SimulatorTransport;
import dev.heapscope.symbols.Symbolizer;
import dev.heapscope.transport.Transport;
import dev.heapscope.transport.serial.SerialTransport;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The connection and the session verbs for the views. Properties change only on the {@code fx}
 * executor (the FX thread in the app, a single thread in tests); blocking work runs on a worker.
 */
public final class SessionViewModel implements AutoCloseable {
    public static final int MAX_CONSOLE_LINES = 20_000;
    private static final long PROMPT_TIMEOUT_MILLIS = 15_000;

    private static final System.Logger LOG = System.getLogger(SessionViewModel.class.getName());
    private final Executor fx;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("heapscope-ui-pump"));
    private final ExecutorService work = Executors.newSingleThreadExecutor(daemon("heapscope-ui-work"));
    private final ReadOnlyObjectWrapper<SessionSnapshot> snapshot = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ConnectionState> connection = new ReadOnlyObjectWrapper<>(ConnectionState.DISCONNECTED);
    private final ReadOnlyObjectWrapper<TraceState> trace = new ReadOnlyObjectWrapper<>(TraceState.UNKNOWN);
    private final ReadOnlyObjectWrapper<BoardProfile> profile = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper huntProgress = new ReadOnlyDoubleWrapper(-1);
    private final ObservableList<String> consoleLines = FXCollections.observableArrayList();
    private volatile ProfilingSession session;
    private volatile SimulatedBoard board;
    private final javafx.collections.ObservableList<dev.heapscope.model.HeapSnapshot> heapSnapshots =
            javafx.collections.FXCollections.observableArrayList();
    private volatile Symbolizer symbolizer = Symbolizer.NONE;
    private SnapshotPump pump;
    private volatile long pollIntervalMillis;
    private volatile java.nio.file.Path rawLogFile;
    private volatile String serialPort;
    private volatile Path elfFile;
    private volatile Path keepLogAs;
    private volatile java.nio.file.Path autosaveRoot;
    private volatile dev.heapscope.session.Autosave autosave;

    public SessionViewModel(Executor fx) {
        this.fx = fx;
    }

    /** Boots a virtual board of this profile and connects to it; completes once its prompt is seen. */
    public CompletableFuture<Void> connectSimulator(String profileName) {
        rawLogFile = null;
        serialPort = null;
        return connect(() -> {
            BoardProfile chosen = BoardProfile.load(profileName);
            SimulatedBoard created = SimulatedBoard.create(chosen);
            board = created;
            fx.execute(heapSnapshots::clear); // snapshots belong to the board they were taken of
            symbolizer = created.console().symbols();
            fx.execute(() -> profile.set(chosen));
            return new SimulatorTransport(created, false);
        });
    }

    /**
     * Opens a serial port at {@code baudRate}; every byte goes to a raw log on disk, and the session
     * reconnects by itself when the port comes back after an unplug.
     */
    public CompletableFuture<Void> connectSerial(String portName, int baudRate) {
        rawLogFile = RawLogs.newFile(portName);
        serialPort = portName;
        elfFile = null;
        return connect(() -> {
            board = null;
            symbolizer = Symbolizer.NONE;
            fx.execute(() -> profile.set(null));
            return new SerialTransport(portName, baudRate, false, 2_000);
        }).thenCompose(ok -> {
            ProfilingSession opened = session;
            opened.reconnectWith(() -> new SerialTransport(portName, baudRate, false, 2_000), 1_000);
            return opened.checkFirmware();
        }).thenAccept(check -> {
            fx.execute(() -> message.set(check.advice() + "; raw log: "
                    + (autosave != null ? autosave.transcriptFile() + " (kept as " + rawLogFile + ")" : rawLogFile)));
            fx.execute(() -> ElfChoices.remembered(portName).ifPresent(this::useElf));
        });
    }

    /**
     * FX thread. Names real-board frames from this firmware ELF (then the log's monitor names); remembered for
     * the port, and checked against the {@code ELF file SHA256} the board printed at boot.
     */
    public CompletableFuture<Void> useElf(Path elf) {
        String port = serialPort;
        List<String> lines = List.copyOf(consoleLines); // FX thread: the list is the FX thread's
        return CompletableFuture.runAsync(() -> {
            try {
                dev.heapscope.symbols.ElfSymbolizer names = dev.heapscope.symbols.Symbolizers.forElf(elf);
                elfFile = elf;
                symbolizer = names.orElse(monitorNames());
                String warning = ElfIdentity.mismatch(elf, lines);
                if (port != null) {
                    ElfChoices.remember(port, elf);
                }
                SnapshotPump current = pump;
                if (current != null) {
                    current.markDirty();
                }
                fx.execute(() -> message.set(warning != null ? warning : "Names from " + elf.getFileName() + " ("
                        + names.functionCount() + " functions)"));
            } catch (java.io.IOException e) {
                fx.execute(() -> message.set("Cannot use the ELF: " + e.getMessage()));
            }
        }, work);
    }

    /** The firmware ELF naming this session's frames (saved with the session, with its hash), or null. */
    public Path elfFile() {
        return elfFile;
    }

    private Symbolizer monitorNames() {
        dev.heapscope.symbols.SymbolTable table = new dev.heapscope.symbols.SymbolTable();
        SessionSnapshot last = snapshot.get();
        if (last != null) {
            last.symbols().forEach(table::add);
        }
        return table;
    }

    /** Pulses the board's reset line (serial only). */
    public CompletableFuture<Void> resetBoard() {
        return report("reset", withSession(ProfilingSession::resetBoard), ok -> "reset pulse sent");
    }

    /** Switches the board's console speed ({@code uart.setup}) and follows it. */
    public CompletableFuture<CommandResult> changeBaudRate(int baudRate) {
        return verb("uart.setup(" + baudRate + ")", s -> s.changeBaudRate(baudRate));
    }

    private CompletableFuture<Void> connect(java.util.function.Supplier<Transport> transport) {
        disconnect();
        fx.execute(() -> connection.set(ConnectionState.CONNECTING));
        return CompletableFuture.runAsync(() -> {
            Transport link = transport.get();
            SessionOptions options = SessionOptions.DEFAULTS.withCommandTimeoutMillis(30_000).withRawLogFile(rawLogFile);
            // Every session is autosaved (raw bytes on disk as they arrive, so a crash loses nothing); a
            // serial session's transcript is also kept as its raw log in ~/.heapscope/logs when it ends.
            autosave = SessionFiles.beginAutosave(autosaveRoot, board != null ? board.profile().name() : serialPort);
            keepLogAs = autosave != null ? rawLogFile : null;
            if (autosave != null) {
                options = autosave.options(options);
            }
            ProfilingSession opened = new ProfilingSession(link, options);
            if (autosave != null) {
                autosave.follow(opened);
            }
            SnapshotPump newPump = new SnapshotPump(opened, fx, new Sink());
            session = opened;
            pump = newPump;
            newPump.start(timer);
            opened.connect().join();
            opened.awaitPrompt(PROMPT_TIMEOUT_MILLIS).join();
            opened.pollHeapEvery(pollIntervalMillis);
            newPump.markDirty();
        }, work).whenComplete((ok, error) -> fx.execute(() -> {
            if (error != null) {
                LOG.log(System.Logger.Level.WARNING, "connection failed", error);
                disconnect();
                connection.set(ConnectionState.DISCONNECTED);
                message.set("Connection failed: " + reason(error));
            } else {
                message.set("Connected to " + (board != null ? "the virtual board " + board.profile().name() : "the port"));
            }
        }));
    }

    public void disconnect() {
        ProfilingSession closing = session;
        SnapshotPump stopping = pump;
        dev.heapscope.session.Autosave ending = autosave;
        Path keepLog = keepLogAs;
        session = null;
        pump = null;
        autosave = null;
        if (stopping != null) {
            stopping.stop();
        }
        if (closing != null) {
            work.execute(() -> {
                closing.close();
                if (ending != null && RawLogs.keep(ending.transcriptFile(), keepLog)) {
                    ending.close(); // else the autosave stays, to be recovered at the next start
                }
                fx.execute(() -> connection.set(ConnectionState.DISCONNECTED));
            });
        }
    }

    public CompletableFuture<CommandResult> init(int records) {
        return verb("init(" + records + ")", s -> s.init(records));
    }

    public CompletableFuture<CommandResult> start(TraceMode mode) {
        return verb("start(" + mode.word() + ")", s -> s.start(mode));
    }

    public CompletableFuture<CommandResult> stop() {
        return verb("stop()", ProfilingSession::stop);
    }

    public CompletableFuture<CommandResult> resume() {
        return verb("resume()", ProfilingSession::resume);
    }

    public CompletableFuture<CommandResult> collectGarbage() {
        return verb("collectgarbage()", ProfilingSession::collectGarbage);
    }

    public CompletableFuture<CommandResult> execute(String lua) {
        return verb(lua, s -> s.execute(lua));
    }

    public CompletableFuture<Dump> dump() {
        return report("dump()", withSession(ProfilingSession::dump), dump -> "dump #" + (dump.index() + 1) + ": "
                + dump.records().size() + " records, " + dump.liveBytes() + " live bytes");
    }

    /** Polls {@code node.heap()} every {@code intervalMillis} (0 = never), now and after reconnects. */
    public void pollHeapEvery(long intervalMillis) {
        pollIntervalMillis = intervalMillis;
        ProfilingSession current = session;
        if (current != null) {
            current.pollHeapEvery(intervalMillis);
        }
    }

    /** Runs the guided hunt with {@code scenario} on the virtual board; progress goes to {@link #huntProgressProperty()}. */
    public CompletableFuture<GuidedHunt.Result> hunt(Scenario scenario, int bufferRecords, long virtualSeconds) {
        ProfilingSession current = session;
        SimulatedBoard currentBoard = board;
        if (current == null || currentBoard == null) {
            return failed("The guided hunt needs the virtual board: connect to the simulator first.");
        }
        busy.set(true);
        huntProgress.set(0);
        TraceState traceNow = trace.get();
        CompletableFuture<GuidedHunt.Result> result = CompletableFuture.supplyAsync(() -> {
            try {
                return new GuidedHunt(current, currentBoard).run(scenario, bufferRecords, virtualSeconds, traceNow,
                        (done, total, what) -> fx.execute(() -> {
                            huntProgress.set((double) done / total);
                            message.set("Guided hunt " + done + "/" + total + ": " + what);
                        }));
            } catch (GuidedHunt.HuntFailed | InterruptedException e) {
                throw new CompletionException(e);
            }
        }, work);
        return result.whenComplete((done, error) -> fx.execute(() -> {
            busy.set(false);
            huntProgress.set(-1);
            if (error != null) {
                message.set("Guided hunt failed at " + reason(error));
            } else {
                message.set("Guided hunt done: " + scenario.name()
                        + (done.scriptError() != null ? " (the script failed: " + done.scriptError() + ")" : ""));
            }
        }));
    }

    private CompletableFuture<CommandResult> verb(String what,
                                                  java.util.function.Function<ProfilingSession, CompletableFuture<CommandResult>> call) {
        return report(what, withSession(call), answer -> answer.failed() ? what + ": Lua error: " + answer.luaError()
                : what + (answer.output().isEmpty() ? ": ok" : ": " + answer.text()));
    }

    private <T> CompletableFuture<T> withSession(java.util.function.Function<ProfilingSession, CompletableFuture<T>> call) {
        ProfilingSession current = session;
        return current == null ? failed("Not connected.") : call.apply(current);
    }

    private <T> CompletableFuture<T> report(String what, CompletableFuture<T> future, java.util.function.Function<T, String> ok) {
        return future.whenComplete((value, error) -> fx.execute(() ->
                message.set(error != null ? what + " refused: " + reason(error) : ok.apply(value))));
    }

    private static <T> CompletableFuture<T> failed(String why) {
        return CompletableFuture.failedFuture(new IllegalStateException(why));
    }

    static String reason(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof java.util.concurrent.ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String text = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        // "task failed" alone says nothing: name the root cause too
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == cause ? text : text + " (" + root + ")";
    }

    /** Autosave every session from now on under {@code root} (the app: ~/.heapscope/autosave); null: none. */
    public void autosaveInto(java.nio.file.Path root) {
        autosaveRoot = root;
    }

    /** The live session, or null. For saving it. */
    ProfilingSession liveSession() {
        return session;
    }

    void showMessage(String text) {
        fx.execute(() -> message.set(text));
    }

    /** Disconnects and shows a saved session's snapshot in every view. */
    void showSaved(SessionSnapshot saved, String text) {
        disconnect();
        work.execute(() -> fx.execute(() -> {
            snapshot.set(saved);
            trace.set(saved.trace());
            message.set(text);
        }));
    }

    public Symbolizer symbolizer() {
        return symbolizer;
    }

    /** What holds each record's block: the virtual board knows (Lua reachability at each dump); a real board's dump does not. */
    public dev.heapscope.model.HeldBy heldBy() {
        SimulatedBoard current = board;
        return current == null ? dev.heapscope.model.HeldBy.UNKNOWN : current.console().heldBy();
    }

    /** The heap snapshots taken of the connected virtual board, oldest first (FX thread). */
    public javafx.collections.ObservableList<dev.heapscope.model.HeapSnapshot> heapSnapshots() {
        return heapSnapshots;
    }

    /**
     * Takes a heap snapshot of the virtual board (a full collection, then every live Lua object with what holds
     * it), off the FX thread; says what it found. Fails with a sentence on a serial board.
     */
    public CompletableFuture<dev.heapscope.model.HeapSnapshot> takeHeapSnapshot(String label) {
        SimulatedBoard current = board;
        if (current == null) {
            String why = "Heap snapshots need the virtual board: a real board's heap is read with the heaptrace dump";
            fx.execute(() -> message.set(why));
            return CompletableFuture.failedFuture(new IllegalStateException(why));
        }
        return CompletableFuture.supplyAsync(() -> current.console().snapshot(label), work).whenComplete((taken, error) ->
                fx.execute(() -> {
                    if (error != null) {
                        message.set("Heap snapshot failed: " + reason(error));
                    } else {
                        heapSnapshots.add(taken);
                        message.set(String.format("Heap snapshot %s: %,d bytes in %,d Lua objects, after a full "
                                + "collection (see Retained by)", taken.title(), taken.totalBytes(), taken.objects().size()));
                    }
                }));
    }

    public ReadOnlyObjectProperty<SessionSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ConnectionState> connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TraceState> traceProperty() {
        return trace.getReadOnlyProperty();
    }

    /** The virtual board's profile, or null on a serial port. */
    public ReadOnlyObjectProperty<BoardProfile> profileProperty() {
        return profile.getReadOnlyProperty();
    }

    /** Shows a message in the status bar (FX thread). */
    public void say(String text) {
        message.set(text);
    }

    /** The last thing the user should read: a verb's answer, a refusal, a notice. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True while the guided hunt runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** 0..1 while the hunt runs, -1 otherwise. */
    public ReadOnlyDoubleProperty huntProgressProperty() {
        return huntProgress.getReadOnlyProperty();
    }

    /** The console transcript as lines, the oldest dropped past {@value #MAX_CONSOLE_LINES}. */
    public ObservableList<String> consoleLines() {
        return consoleLines;
    }

    @Override
    public void close() {
        disconnect();
        work.shutdown();
        try {
            work.awaitTermination(6, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timer.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Runs on the FX executor. */
    private final class Sink implements SnapshotPump.Sink {
        @Override
        public void snapshot(SessionSnapshot next) {
            snapshot.set(next);
            connection.set(next.connection());
            trace.set(next.trace());
        }

        @Override
        public void consoleLines(List<String> lines) {
            consoleLines.addAll(lines);
            int excess = consoleLines.size() - MAX_CONSOLE_LINES;
            if (excess > 0) {
                consoleLines.remove(0, excess);
            }
        }

        @Override
        public void notice(String text) {
            message.set(text);
        }
    }
}
