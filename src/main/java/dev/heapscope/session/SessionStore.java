package dev.heapscope.session;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipOutputStream;

/**
 * Saves sessions to {@code .heapscope} files and opens them again. A session file is a zip holding
 * {@code manifest.json}, {@code transcript.bin} (every byte received), {@code commands.json},
 * {@code markers.json}, {@code samples.json}, {@code dumps.json} (when each dump arrived) and
 * {@code names.json} (the names and retaining paths the live session showed) and {@code snapshots.json} (the
 * heap snapshots it showed in Retained by); both absent in older files, which still open, with the names their
 * transcript holds and no heap snapshots.
 * Stateless; any thread.
 */
public final class SessionStore {
    public static final String EXTENSION = ".heapscope";
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private SessionStore() {
    }

    /** Writes {@code session} to {@code file}, replacing it only once the new file is complete. */
    public static void save(SavedSession session, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
        try {
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(temp))) {
                put(zip, SessionJson.MANIFEST, SessionJson.write(session.manifest()));
                put(zip, SessionJson.TRANSCRIPT, session.transcript());
                put(zip, SessionJson.COMMANDS, SessionJson.write(session.commands()));
                put(zip, SessionJson.MARKERS, SessionJson.write(session.markers()));
                put(zip, SessionJson.SAMPLES, SessionJson.write(session.samples()));
                put(zip, SessionJson.DUMP_TIMES, SessionJson.write(session.dumpTimes()));
                if (!session.names().isEmpty()) {
                    put(zip, SessionJson.NAMES, SessionNamesJson.write(session.names()));
                }
                put(zip, SessionJson.HEAP_SNAPSHOTS, HeapSnapshotsJson.write(session.heapSnapshots()));
            }
            moveInto(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Opens a session file; a damaged, foreign or too new file gives an IOException that says so. */
    public static SavedSession open(Path file) throws IOException {
        return open(file, true);
    }

    /**
     * As {@link #open(Path)}, for a reader that never shows heap snapshots (the CLI's analyze, report, export): the
     * snapshots entry is still read within its bounds and its checksum checked, but not built, which for the largest
     * entry allowed took seconds and hundreds of megabytes; the session opened holds none.
     */
    public static SavedSession openWithoutHeapSnapshots(Path file) throws IOException {
        return open(file, false);
    }

    private static SavedSession open(Path file, boolean withHeapSnapshots) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException(file + ": is a directory, expected a HeapScope session file");
        }
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        if (!isSessionFile(file)) {
            throw new IOException(file + ": not a HeapScope session file (it is not a zip archive)");
        }
        try (SessionZipReader zip = new SessionZipReader(file)) {
            SessionManifest manifest = SessionJson.manifest(
                    zip.read(SessionJson.MANIFEST, SessionZipReader.MAX_MANIFEST_BYTES, true));
            SessionJson.checkVersion(manifest, file.toString());
            byte[] transcript = zip.read(SessionJson.TRANSCRIPT, SessionZipReader.MAX_TRANSCRIPT_BYTES, true);
            byte[] commands = zip.read(SessionJson.COMMANDS, SessionZipReader.MAX_PART_BYTES, false);
            byte[] markers = zip.read(SessionJson.MARKERS, SessionZipReader.MAX_PART_BYTES, false);
            byte[] samples = zip.read(SessionJson.SAMPLES, SessionZipReader.MAX_PART_BYTES, false);
            byte[] times = zip.read(SessionJson.DUMP_TIMES, SessionZipReader.MAX_PART_BYTES, false);
            byte[] names = zip.read(SessionJson.NAMES, SessionNamesJson.MAX_BYTES, false);
            byte[] heaps = zip.read(SessionJson.HEAP_SNAPSHOTS, HeapSnapshotsJson.MAX_BYTES, false);
            return SavedSession.assemble(manifest, transcript,
                    markers == null ? List.of() : SessionJson.markers(markers),
                    samples == null ? List.of() : SessionJson.samples(samples),
                    commands == null ? List.of() : SessionJson.commands(commands),
                    times == null ? List.of() : SessionJson.dumpTimes(times),
                    names == null ? SessionNames.NONE : SessionNamesJson.readChecked(names),
                    heaps == null || !withHeapSnapshots ? List.of() : HeapSnapshotsJson.read(heaps));
        } catch (ZipException e) {
            throw new IOException(file + ": damaged session file, not a readable zip (" + e.getMessage() + ")", e);
        } catch (SessionZipReader.DamagedSessionFile e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(file.toString())) {
                throw e; // worded already, as the version check does
            }
            throw new IOException(file + ": damaged session file: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // a combination of parts the reader did not foresee; its Java wording would not help the user
            throw new IOException(file + ": damaged session file (its parts do not fit together)", e);
        }
    }

    /** True when the file starts like a zip archive, as every session file does. */
    public static boolean isSessionFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(ZIP_MAGIC.length);
            return java.util.Arrays.equals(head, ZIP_MAGIC);
        } catch (IOException e) {
            return false;
        }
    }

    static void moveInto(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

}
