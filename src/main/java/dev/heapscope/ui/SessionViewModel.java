package dev.heapscope.ui;

import dev.heapscope.console.CommandResult;
import dev.heapscope.model.Dump;
import dev.heapscope.model.TraceMode;
import dev.heapscope.session.ConnectionState;
import dev.heapscope.session.DataDirectory;
import dev.heapscope.session.HuntWorkload;
import dev.heapscope.session.OpenedSession;
import dev.heapscope.session.ProfilingSession;
import dev.heapscope.session.Sessions;
import dev.heapscope.session.SessionSnapshot;
import dev.heapscope.session.TraceState;
import dev.heapscope.sim.BoardProfile;
import dev.heapscope.sim.Scenario;
import dev.heapscope.sim.SimulatedBoard;
import dev.heapscope.sim.BoardOptions;
import dev.heapscope.symbols.Symbolizer;
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
    private static final long COMMAND_TIMEOUT_MILLIS = 30_000;

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
    private volatile OpenedSession opened;
    private volatile ProfilingSession session;
    private volatile SimulatedBoard board;
    private volatile dev.heapscope.session.GuidedHunt activeHunt;
    private final javafx.collections.ObservableList<dev.heapscope.model.HeapSnapshot> heapSnapshots =
            javafx.collections.FXCollections.observableArrayList();
    private volatile Symbolizer symbolizer = Symbolizer.NONE;
    private SnapshotPump pump;
    private volatile long pollIntervalMillis;
    private volatile String serialPort;
    private volatile Path elfFile;
    private final DataDirectory data;
    private final ElfChoices elfChoices;

    /** {@code data}: where autosaves, raw logs, screenshots and remembered choices go. */
    public SessionViewModel(Executor fx, DataDirectory data) {
        this.fx = fx;
        this.data = data;
        this.elfChoices = new ElfChoices(data.elfChoicesFile());
    }

    /** Boots a virtual board of this profile and connects to it; completes once its prompt is seen. */
    public CompletableFuture<Void> connectSimulator(String profileName) {
        serialPort = null;
        return connect(() -> {
            BoardProfile chosen = BoardProfile.load(profileName);
            OpenedSession made = Sessions.virtualBoard(chosen, BoardOptions.defaults(), setup());
            board = made.board().orElseThrow();
            fx.execute(heapSnapshots::clear); // snapshots belong to the board they were taken of
            symbolizer = made.symbols();
            fx.execute(() -> profile.set(chosen));
            return made;
        }).thenApply(ok -> null);
    }

    /**
     * Opens a serial port at {@code baudRate}; every byte goes to the autosave as it arrives and is kept as a
     * raw log when the session ends; the session reconnects by itself when the port comes back after an unplug.
     */
    public CompletableFuture<Void> connectSerial(String portName, int baudRate) {
        serialPort = portName;
        elfFile = null;
        return connect(() -> {
            board = null;
            symbolizer = Symbolizer.NONE;
            fx.execute(() -> profile.set(null));
            return Sessions.serial(portName, baudRate, setup());
        }).thenAccept(made -> {
            String log = made.rawLogFile().map(file -> "; its raw log goes to " + file + " when the session ends")
                    .orElse("");
            made.firmware().ifPresent(check -> fx.execute(() -> message.set(check.advice() + log)));
            fx.execute(() -> elfChoices.remembered(portName).ifPresent(this::useElf));
        });
    }

    private Sessions.Setup setup() {
        return Sessions.Setup.interactive(data, COMMAND_TIMEOUT_MILLIS, pollIntervalMillis);
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
                    elfChoices.remember(port, elf);
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

    private CompletableFuture<OpenedSession> connect(java.util.function.Supplier<OpenedSession> opener) {
        disconnect();
        fx.execute(() -> connection.set(ConnectionState.CONNECTING));
        return CompletableFuture.supplyAsync(() -> {
            OpenedSession made = opener.get();
            SnapshotPump newPump = new SnapshotPump(made.session(), fx, new Sink());
            opened = made;
            session = made.session();
            pump = newPump;
            newPump.start(timer);
            return made;
        }, work).thenCompose(OpenedSession::connect).whenComplete((made, error) -> fx.execute(() -> {
            if (error != null) {
                LOG.log(System.Logger.Level.WARNING, "connection failed", error);
                disconnect();
                connection.set(ConnectionState.DISCONNECTED);
                message.set("Connection failed: " + reason(error));
            } else {
                SnapshotPump current = pump;
                if (current != null) {
                    current.markDirty();
                }
                message.set("Connected to " + made.description());
            }
        }));
    }

    /** Ends the session (off the FX thread, without waiting for a hunt): everything received is kept. */
    public void disconnect() {
        OpenedSession closing = opened;
        SnapshotPump stopping = pump;
        dev.heapscope.session.GuidedHunt hunting = activeHunt;
        opened = null;
        session = null;
        pump = null;
        if (hunting != null) {
            hunting.cancel();
        }
        if (stopping != null) {
            stopping.stop();
        }
        if (closing != null) {
            CompletableFuture.runAsync(() -> {
                closing.close();
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

    /**
     * Runs the guided hunt with {@code scenario} on the virtual board, asynchronously; progress goes to
     * {@link #huntProgressProperty()} and the status line. {@link #cancelHunt()} stops it between steps.
     */
    public CompletableFuture<dev.heapscope.session.GuidedHunt.Result> hunt(Scenario scenario, int bufferRecords,
                                                                          long virtualSeconds) {
        ProfilingSession current = session;
        SimulatedBoard currentBoard = board;
        if (current == null || currentBoard == null) {
            return failed("The guided hunt needs the virtual board: connect to the simulator first.");
        }
        busy.set(true);
        huntProgress.set(0);
        dev.heapscope.session.GuidedHunt hunt = new dev.heapscope.session.GuidedHunt(current, bufferRecords, TraceMode.LEAKS)
                .onProgress(step -> fx.execute(() -> {
                    huntProgress.set(step.fraction());
                    message.set("Guided hunt: " + step.what());
                }));
        activeHunt = hunt;
        return hunt.run(HuntWorkload.scriptOnVirtualBoard(currentBoard, scenario.name(), scenario.text(), virtualSeconds))
                .whenComplete((done, error) -> fx.execute(() -> {
                    activeHunt = null;
                    busy.set(false);
                    huntProgress.set(-1);
                    if (error != null) {
                        message.set("Guided hunt stopped: " + reason(error));
                    } else {
                        message.set("Guided hunt done: " + scenario.name() + (done.workloadError() != null
                                ? " (the script failed: " + done.workloadError() + ")" : ""));
                    }
                }));
    }

    /** Stops the running hunt before its next step. */
    public void cancelHunt() {
        dev.heapscope.session.GuidedHunt hunting = activeHunt;
        if (hunting != null) {
            hunting.cancel();
        }
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

    public DataDirectory dataDirectory() {
        return data;
    }

    ElfChoices elfChoices() {
        return elfChoices;
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
