package dev.heapscope.session;

import dev.heapscope.model.HeapSnapshot;
import dev.heapscope.model.HeldBy;
import dev.heapscope.symbols.Symbolizer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Keeps a running session on disk so a crash or kill of the app loses nothing: in
 * {@code <root>/<id>/} the raw transcript grows as bytes arrive (through the session's raw log), and
 * markers, heap polls, commands, dump times and the heap snapshots shown are rewritten atomically at most once a
 * second (the snapshots only when they changed, and once more when the autosave stops).
 * A clean {@link #close()} deletes the folder; {@link #findRecoverable} lists the ones left behind.
 *
 * <p>Use: {@code begin}, build the session with {@link #options}, then {@link #follow} it; close the
 * autosave after the session. Its own daemon thread does the writing.
 */
public final class Autosave implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Autosave.class.getName());
    private static final long WRITE_EVERY_MILLIS = 1_000;
    private static final String OWNER = "owner";
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Path directory;
    private final String createdAt;
    private final String profile;
    private final Path elfFile;
    private final ScheduledExecutorService writer;
    private String lastWritten = "";
    private int namedDumps = -1;
    private volatile Supplier<Symbolizer> names = () -> Symbolizer.NONE;
    private volatile HeldBy heldBy = HeldBy.UNKNOWN;
    private volatile Supplier<List<HeapSnapshot>> heapSnapshots = List::of;
    // the writer thread's, then the stopping thread's once the writer is done
    private volatile List<HeapSnapshot> writtenHeapSnapshots = List.of();

    private Autosave(Path directory, String profile, Path elfFile) {
        this.directory = directory;
        this.createdAt = Instant.now().toString();
        this.profile = profile;
        this.elfFile = elfFile;
        this.writer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "heapscope-autosave");
            t.setDaemon(true);
            return t;
        });
    }

    /** Creates a fresh autosave folder under {@code root}, owned by this process. */
    public static Autosave begin(Path root, String profile, Path elfFile) throws IOException {
        Files.createDirectories(root);
        ProcessHandle self = ProcessHandle.current();
        String id = ID_TIME.format(Instant.now()) + "-" + self.pid();
        Path directory = root.resolve(id);
        for (int n = 2; Files.exists(directory); n++) {
            directory = root.resolve(id + "-" + n);
        }
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(OWNER), self.pid() + " " + startOf(self), StandardCharsets.UTF_8);
        return new Autosave(directory, profile, elfFile);
    }

    public Path directory() {
        return directory;
    }

    /** Where the raw transcript goes, byte by byte as it arrives. */
    public Path transcriptFile() {
        return directory.resolve(SessionJson.TRANSCRIPT);
    }

    /** {@code base} with the raw transcript going to this autosave. */
    public SessionOptions options(SessionOptions base) {
        return base.withRawLogFile(directory.resolve(SessionJson.TRANSCRIPT));
    }

    /**
     * As {@link #follow(ProfilingSession)}, also keeping the names and retaining paths of the dumps (the
     * virtual board's symbols and holders), so that a recovered session shows them as the live one did.
     */
    public void follow(ProfilingSession session, Supplier<Symbolizer> names, HeldBy heldBy) {
        this.names = names;
        this.heldBy = heldBy;
        follow(session);
    }

    /**
     * Where the heap snapshots shown for this session come from (the app's Retained by list, oldest first; any
     * thread, an immutable list that is replaced when it changes): written whenever a new list is seen.
     */
    public void keepHeapSnapshots(Supplier<List<HeapSnapshot>> shown) {
        this.heapSnapshots = shown;
    }

    /** Starts rewriting the session's markers, polls and commands here, at most once a second. */
    public void follow(ProfilingSession session) {
        writer.scheduleWithFixedDelay(() -> writeNow(session), 0, WRITE_EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void writeNow(ProfilingSession session) {
        try {
            writeHeapSnapshots(); // first: they need no answer from the session, which may be gone
            CompletableFuture<SessionSnapshot> snapshot = session.snapshot();
            write(snapshot.get(5, TimeUnit.SECONDS));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return; // the session has ended; what was written stays
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "autosave to " + directory + " failed: " + e);
        }
    }

    private void write(SessionSnapshot snapshot) throws IOException {
        String counts = snapshot.dumps().size() + "/" + snapshot.markers().size() + "/" + snapshot.samples().size()
                + "/" + snapshot.commands().size();
        if (counts.equals(lastWritten)) {
            return;
        }
        List<SessionJson.DumpTime> times = new ArrayList<>();
        snapshot.dumps().forEach(d -> times.add(new SessionJson.DumpTime(d.index(), d.receivedAtMillis())));
        // Names and dump times first, markers last: a marker on disk means its dump's time is on disk too.
        if (snapshot.dumps().size() != namedDumps) { // names change only with the dumps
            SessionNames kept = SessionNames.of(snapshot.dumps(), names.get(), heldBy);
            replace(SessionJson.NAMES, SessionNamesJson.write(kept));
            namedDumps = snapshot.dumps().size();
        }
        replace(SessionJson.DUMP_TIMES, SessionJson.write(times));
        replace(SessionJson.SAMPLES, SessionJson.write(snapshot.samples()));
        replace(SessionJson.COMMANDS, SessionJson.write(snapshot.commands()));
        replace(SessionJson.MARKERS, SessionJson.write(snapshot.markers()));
        SessionManifest manifest = new SessionManifest(SessionManifest.FORMAT_VERSION, createdAt,
                SessionManifest.HEAPSCOPE_VERSION, snapshot.board(), profile, SavedSession.dialectsOf(snapshot.dumps()),
                elfFile == null ? null : elfFile.toAbsolutePath().toString(), null, snapshot.dumps().size(),
                snapshot.markers().size(), snapshot.samples().size(), snapshot.commands().size(), snapshot.bytesReceived());
        replace(SessionJson.MANIFEST, SessionJson.write(manifest));
        lastWritten = counts;
    }

    private void writeHeapSnapshots() throws IOException {
        List<HeapSnapshot> shown = heapSnapshots.get();
        if (shown != null && shown != writtenHeapSnapshots) {
            replace(SessionJson.HEAP_SNAPSHOTS, HeapSnapshotsJson.write(shown));
            writtenHeapSnapshots = shown;
        }
    }

    private void replace(String name, byte[] bytes) throws IOException {
        Path temp = directory.resolve(name + ".tmp");
        Files.write(temp, bytes);
        SessionStore.moveInto(temp, directory.resolve(name));
    }

    /** The session ended cleanly: stops writing and deletes the folder. Call after closing the session. */
    @Override
    public void close() {
        stop();
        discard(directory);
    }

    /**
     * Stops writing but keeps the folder: the session ended with dumps the user has not saved yet, so the
     * app discards it only once they chose to (or a crash leaves it to be recovered).
     */
    public void stop() {
        writer.shutdownNow();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isTerminated()) { // the writer is done: a snapshot shown in its last second goes on disk here
            try {
                writeHeapSnapshots();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "autosave to " + directory + " failed: " + e);
            }
        }
    }

    /** Autosave folders under {@code root} whose session did not end cleanly and whose app is gone, newest first. */
    public static List<Path> findRecoverable(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(Files::isDirectory)
                    .filter(dir -> AutosaveRecovery.sizeOf(dir.resolve(SessionJson.TRANSCRIPT)) > 0)
                    .filter(dir -> !ownerAlive(dir))
                    .sorted(Comparator.comparing((Path dir) -> dir.getFileName().toString()).reversed())
                    .toList();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot list " + root + ": " + e);
            return List.of();
        }
    }

    /** The session left in an autosave folder, with every byte that reached the disk. */
    public static SavedSession recover(Path directory) throws IOException {
        return AutosaveRecovery.recover(directory);
    }

    /** What a leftover says about itself (when it started, on which board, how many dumps); empty when it cannot tell. */
    public static java.util.Optional<SessionManifest> manifestOf(Path directory) {
        return java.util.Optional.ofNullable(AutosaveRecovery.readOrNull(directory, SessionJson.MANIFEST, SessionJson::manifest));
    }

    /** Deletes an autosave folder (recovered, saved elsewhere, or declined). */
    public static void discard(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot delete the autosave " + directory + ": " + e);
        }
    }

    private static boolean ownerAlive(Path directory) {
        try {
            String[] owner = Files.readString(directory.resolve(OWNER), StandardCharsets.UTF_8).strip().split(" ", 2);
            long pid = Long.parseLong(owner[0]);
            String start = owner.length > 1 ? owner[1] : "";
            // A pid can be reused: the same pid with another start time is another process.
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(p -> startOf(p).equals(start)).orElse(false);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String startOf(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toString).orElse("?");
    }
}
