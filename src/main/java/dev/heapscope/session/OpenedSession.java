package dev.heapscope.session;

import dev.heapscope.sim.SimulatedBoard;
import dev.heapscope.symbols.Symbolizer;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A session {@link Sessions} built: the session, the virtual board it runs on (if any), its autosave,
 * and what closing it must finish (keeping a serial session's transcript as its raw log). Add listeners
 * to {@link #session()} before {@link #connect()}, so that not a byte is missed.
 */
public final class OpenedSession implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(OpenedSession.class.getName());

    private final ProfilingSession session;
    private final SimulatedBoard board;
    private final Autosave autosave;
    private final Path keepLogAs;
    private final String description;
    private final Sessions.Setup setup;
    private final java.util.function.Supplier<dev.heapscope.transport.Transport> reconnect;
    private volatile FirmwareCheck firmware;
    private volatile java.util.function.Predicate<Path> keepAutosave = folder -> false;

    OpenedSession(ProfilingSession session, SimulatedBoard board, Autosave autosave, Path keepLogAs, String description,
                  Sessions.Setup setup, java.util.function.Supplier<dev.heapscope.transport.Transport> reconnect) {
        this.session = session;
        this.board = board;
        this.autosave = autosave;
        this.keepLogAs = keepLogAs;
        this.description = description;
        this.setup = setup;
        this.reconnect = reconnect;
        if (autosave != null) {
            autosave.follow(session, this::symbols, heldBy());
        }
    }

    /**
     * Opens the link, waits for the board's prompt and starts the heap polls; on a serial port also
     * reconnects by itself after an unplug and checks the firmware for {@code heaptrace}.
     */
    public CompletableFuture<OpenedSession> connect() {
        CompletableFuture<Void> ready = session.connect()
                .thenCompose(ok -> session.awaitPrompt(setup.promptTimeoutMillis()))
                .thenRun(() -> session.pollHeapEvery(setup.pollEveryMillis()));
        if (reconnect == null) {
            return ready.thenApply(ok -> this);
        }
        return ready.thenCompose(ok -> {
            session.reconnectWith(reconnect, Sessions.RECONNECT_EVERY_MILLIS);
            return session.checkFirmware();
        }).thenApply(check -> {
            firmware = check;
            return this;
        });
    }

    public ProfilingSession session() {
        return session;
    }

    /** The virtual board behind the session, when it is one. */
    public Optional<SimulatedBoard> board() {
        return Optional.ofNullable(board);
    }

    /** Names for the board's frames: the virtual board's symbol table; none for a real board (an ELF adds them). */
    public Symbolizer symbols() {
        return board == null ? Symbolizer.NONE : board.console().symbols();
    }

    /** What held each record's block when the virtual board printed its dump; unknown on a real board. */
    public dev.heapscope.model.HeldBy heldBy() {
        return board == null ? dev.heapscope.model.HeldBy.UNKNOWN : board.console().heldBy();
    }

    /** "the virtual board esp32-devkitc", "/dev/ttyUSB0 at 115200 baud". */
    public String description() {
        return description;
    }

    /** The serial board's firmware check, once {@link #connect()} has completed; empty for the virtual board. */
    public Optional<FirmwareCheck> firmware() {
        return Optional.ofNullable(firmware);
    }

    /** Where a serial session's transcript is kept when the session ends, if anywhere. */
    public Optional<Path> rawLogFile() {
        return Optional.ofNullable(keepLogAs);
    }

    /**
     * Asked at {@link #close()} with the autosave folder: true keeps it on disk (the app does while the session
     * has dumps nobody saved, and deletes it once the user saved or discarded them).
     */
    public OpenedSession keepAutosaveWhen(java.util.function.Predicate<Path> keep) {
        keepAutosave = keep;
        return this;
    }

    /**
     * Where the heap snapshots shown for this session come from (the app's Retained by list, an immutable list
     * replaced when it changes, readable from any thread): its autosave keeps them, so a recovered session shows
     * them again. Without an autosave (the CLI, tests) nothing is kept.
     */
    public OpenedSession heapSnapshotsFrom(java.util.function.Supplier<java.util.List<dev.heapscope.model.HeapSnapshot>> shown) {
        if (autosave != null) {
            autosave.keepHeapSnapshots(shown);
        }
        return this;
    }

    /**
     * Ends the session, keeping everything received: a serial session's transcript is copied to its raw log
     * and the autosave deleted; if that copy fails, the autosave stays to be recovered at the next start.
     */
    @Override
    public void close() {
        session.close();
        if (board != null) {
            board.close();
        }
        if (autosave != null) {
            boolean logKept = SerialLogs.keep(autosave.transcriptFile(), keepLogAs);
            autosave.stop(); // before anyone may delete the folder: nothing is written into it after this
            if (keepAutosave.test(autosave.directory())) {
                LOG.log(System.Logger.Level.INFO, "the autosave " + autosave.directory() + " stays: unsaved dumps or heap snapshots");
            } else if (logKept) {
                autosave.close();
            } else {
                LOG.log(System.Logger.Level.WARNING, "the autosave " + autosave.directory() + " stays for recovery");
            }
        }
    }
}
