package dev.heapscope.ui;

import dev.heapscope.console.CommandResult;
import dev.heapscope.model.Dump;
import dev.heapscope.model.TraceMode;
import dev.heapscope.session.ConnectionState;
import dev.heapscope.session.DataDirectory;
import dev.heapscope.session.OpenedSession;
import dev.heapscope.session.ProfilingSession;
import dev.heapscope.session.SessionSnapshot;
import dev.heapscope.session.Sessions;
import dev.heapscope.session.TraceState;
import dev.heapscope.sim.BoardOptions;
import dev.heapscope.sim.BoardProfile;
import dev.heapscope.sim.SimulatedBoard;
import dev.heapscope.symbols.Symbolizer;
import dev.heapscope.ui.console.ConsoleLine;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The connection and the session verbs for the views: properties only, over sessions opened by
 * {@link Sessions}. Properties change only on the {@code fx} executor (the FX thread in the app, a single
 * thread in tests). Connecting and closing run on their own worker, so Disconnect never waits behind a
 * hunt; the hunt, heap snapshots and firmware names have models of their own.
 */
public final class SessionViewModel implements AutoCloseable {
    public static final int MAX_CONSOLE_LINES = LiveState.MAX_CONSOLE_LINES;
    private static final long COMMAND_TIMEOUT_MILLIS = 30_000;
    private static final System.Logger LOG = System.getLogger(SessionViewModel.class.getName());

    private final Executor fx;
    private final DataDirectory data;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(Daemons.named("heapscope-ui-pump"));
    private final ExecutorService work = Executors.newSingleThreadExecutor(Daemons.named("heapscope-ui-work"));
    private final LiveState live = new LiveState();
    private final ReadOnlyObjectWrapper<BoardProfile> profile = new ReadOnlyObjectWrapper<>();
    private final HuntModel hunts = new HuntModel(this);
    private final LuaHeapModel luaHeap = new LuaHeapModel(this, work);
    private final SavedState saved = new SavedState();
    private final FirmwareNames names;
    private volatile OpenedSession opened;
    private volatile SnapshotPump pump;
    private volatile long pollIntervalMillis;

    /** {@code data}: where autosaves, raw logs, screenshots and remembered choices go. */
    public SessionViewModel(Executor fx, DataDirectory data) {
        this.fx = fx;
        this.data = data;
        this.names = new FirmwareNames(this, work, new ElfChoices(data.elfChoicesFile()));
    }

    /** Boots a virtual board of this profile and connects to it; completes once its prompt is seen. */
    public CompletableFuture<Void> connectSimulator(String profileName) {
        return connect(() -> {
            BoardProfile chosen = BoardProfile.load(profileName);
            OpenedSession made = Sessions.virtualBoard(chosen, BoardOptions.defaults(), setup());
            luaHeap.forget();
            names.reset(made.symbols(), null);
            fx.execute(() -> profile.set(chosen));
            return made;
        }).thenApply(ok -> null);
    }

    /**
     * Opens a serial port at {@code baudRate}; every byte goes to the autosave as it arrives and is kept as a
     * raw log when the session ends; the session reconnects by itself when the port comes back after an unplug.
     */
    public CompletableFuture<Void> connectSerial(String portName, int baudRate) {
        return connect(() -> {
            luaHeap.forget();
            names.reset(Symbolizer.NONE, portName);
            fx.execute(() -> profile.set(null));
            return Sessions.serial(portName, baudRate, setup());
        }).thenAccept(made -> {
            String log = made.rawLogFile().map(file -> "; its raw log goes to " + file + " when the session ends")
                    .orElse("");
            made.firmware().ifPresent(check -> fx.execute(() -> say(check.advice() + log)));
            fx.execute(names::restoreChoice);
        });
    }

    private Sessions.Setup setup() {
        return Sessions.Setup.interactive(data, COMMAND_TIMEOUT_MILLIS, pollIntervalMillis);
    }

    private CompletableFuture<OpenedSession> connect(Supplier<OpenedSession> opener) {
        disconnect();
        fx.execute(() -> live.connection(ConnectionState.CONNECTING));
        return CompletableFuture.supplyAsync(() -> {
            OpenedSession made = opener.get().keepAutosaveWhen(saved::keepAutosave).heapSnapshotsFrom(luaHeap::shown);
            SnapshotPump newPump = new SnapshotPump(made.session(), fx, live);
            opened = made;
            pump = newPump;
            newPump.start(timer);
            return made;
        }, work).thenCompose(OpenedSession::connect).whenComplete((made, error) -> fx.execute(() -> {
            if (error != null) {
                LOG.log(System.Logger.Level.WARNING, "connection failed: " + UserMessages.reason(error));
                disconnect();
                live.connection(ConnectionState.DISCONNECTED);
                say("Connection failed: " + UserMessages.reason(error));
            } else {
                refreshViews();
                say("Connected to " + made.description());
            }
        }));
    }

    /**
     * Ends the session (off the FX thread, without waiting for a hunt): everything received is kept.
     * Completes once the link is closed and the raw log written.
     */
    public CompletableFuture<Void> disconnect() {
        OpenedSession closing = opened;
        SnapshotPump stopping = pump;
        opened = null;
        pump = null;
        hunts.cancel();
        if (stopping != null) {
            stopping.stop();
        }
        if (closing == null) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.runAsync(() -> {
            closing.close();
            fx.execute(() -> live.connection(ConnectionState.DISCONNECTED));
        });
    }

    /** Pulses the board's reset line (serial only). */
    public CompletableFuture<Void> resetBoard() {
        return report("reset", withSession(ProfilingSession::resetBoard), ok -> "reset pulse sent");
    }

    /** Switches the board's console speed ({@code uart.setup}) and follows it. */
    public CompletableFuture<CommandResult> changeBaudRate(int baudRate) {
        return verb("uart.setup(" + baudRate + ")", s -> s.changeBaudRate(baudRate));
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
        return report(lua, withSession(s -> s.typed(lua)), answer -> UserMessages.answered(lua, answer));
    }

    public CompletableFuture<Dump> dump() {
        return report("dump()", withSession(ProfilingSession::dump), dump -> "dump #" + (dump.index() + 1) + ": "
                + dump.records().size() + " records, " + dump.liveBytes() + " live bytes");
    }

    /** Polls {@code node.heap()} every {@code intervalMillis} (0 = never), now and after reconnects. */
    public void pollHeapEvery(long intervalMillis) {
        pollIntervalMillis = intervalMillis;
        ProfilingSession current = liveSession();
        if (current != null) {
            current.pollHeapEvery(intervalMillis);
        }
    }

    private CompletableFuture<CommandResult> verb(String what, Function<ProfilingSession, CompletableFuture<CommandResult>> call) {
        return report(what, withSession(call), answer -> UserMessages.answered(what, answer));
    }

    private <T> CompletableFuture<T> withSession(Function<ProfilingSession, CompletableFuture<T>> call) {
        ProfilingSession current = liveSession();
        return current == null ? UserMessages.failed("Not connected.") : call.apply(current);
    }

    private <T> CompletableFuture<T> report(String what, CompletableFuture<T> future, Function<T, String> ok) {
        return future.whenComplete((value, error) -> fx.execute(() ->
                say(error != null ? what + " refused: " + UserMessages.reason(error) : ok.apply(value))));
    }

    /** Disconnects and shows a saved session's snapshot in every view. */
    void showSaved(SessionSnapshot saved, String text) {
        disconnect();
        work.execute(() -> fx.execute(() -> {
            live.showSaved(saved);
            say(text);
        }));
    }

    /** The live session, or null. */
    ProfilingSession liveSession() {
        OpenedSession current = opened;
        return current == null ? null : current.session();
    }

    /** The connected virtual board, or null (a serial board, or none). */
    SimulatedBoard liveBoard() {
        OpenedSession current = opened;
        return current == null ? null : current.board().orElse(null);
    }

    /** Asks the views to redraw from a fresh snapshot (new names, a new connection). */
    void refreshViews() {
        SnapshotPump current = pump;
        if (current != null) {
            current.markDirty();
        }
    }

    void onFx(Runnable action) {
        fx.execute(action);
    }

    /** Shows a message in the status bar (FX thread). */
    public void say(String text) {
        live.notice(text);
    }

    public FirmwareNames names() {
        return names;
    }

    public HuntModel hunts() {
        return hunts;
    }

    public LuaHeapModel luaHeap() {
        return luaHeap;
    }

    public SavedState saved() { return saved; } // unsaved dumps shown; autosaves kept for them

    public DataDirectory dataDirectory() {
        return data;
    }

    public ReadOnlyObjectProperty<SessionSnapshot> snapshotProperty() {
        return live.snapshotProperty();
    }

    public ReadOnlyObjectProperty<ConnectionState> connectionProperty() {
        return live.connectionProperty();
    }

    public ReadOnlyObjectProperty<TraceState> traceProperty() {
        return live.traceProperty();
    }

    /** The virtual board's profile, or null on a serial port. */
    public ReadOnlyObjectProperty<BoardProfile> profileProperty() {
        return profile.getReadOnlyProperty();
    }

    /** The last thing the user should read: a verb's answer, a refusal, a notice. */
    public javafx.beans.property.ReadOnlyStringProperty messageProperty() {
        return live.messageProperty();
    }

    /** The console transcript as lines, the oldest dropped past {@value #MAX_CONSOLE_LINES}. */
    public ObservableList<ConsoleLine> consoleLines() {
        return live.consoleLines();
    }

    @Override
    public void close() {
        CompletableFuture<Void> closing = disconnect();
        work.shutdown();
        try {
            closing.get(6, java.util.concurrent.TimeUnit.SECONDS); // the raw log is written before the app (or a test) goes away
            work.awaitTermination(6, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.log(System.Logger.Level.WARNING, "the session did not close cleanly: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timer.shutdownNow();
    }
}
