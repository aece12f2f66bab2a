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
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Saves sessions to {@code .heapscope} files and opens them again. A session file is a zip holding
 * {@code manifest.json}, {@code transcript.bin} (every byte received), {@code commands.json},
 * {@code markers.json}, {@code samples.json}, {@code dumps.json} (when each dump arrived) and
 * {@code names.json} (the names and retaining paths the live session showed; absent in older files,
 * which still open, with the names their transcript holds).
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
            }
            moveInto(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Opens a session file; a damaged, foreign or too new file gives an IOException that says so. */
    public static SavedSession open(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException(file + ": is a directory, expected a HeapScope session file");
        }
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        if (!isSessionFile(file)) {
            throw new IOException(file + ": not a HeapScope session file (it is not a zip archive)");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            byte[] manifestJson = entry(zip, SessionJson.MANIFEST, true);
            SessionManifest manifest = SessionJson.manifest(manifestJson);
            SessionJson.checkVersion(manifest, file.toString());
            byte[] transcript = entry(zip, SessionJson.TRANSCRIPT, true);
            byte[] commands = entry(zip, SessionJson.COMMANDS, false);
            byte[] markers = entry(zip, SessionJson.MARKERS, false);
            byte[] samples = entry(zip, SessionJson.SAMPLES, false);
            byte[] times = entry(zip, SessionJson.DUMP_TIMES, false);
            SessionNames names = names(zip);
            return SavedSession.assemble(manifest, transcript,
                    markers == null ? List.of() : SessionJson.markers(markers),
                    samples == null ? List.of() : SessionJson.samples(samples),
                    commands == null ? List.of() : SessionJson.commands(commands),
                    times == null ? List.of() : SessionJson.dumpTimes(times), names);
        } catch (ZipException e) {
            throw new IOException(file + ": damaged session file, not a readable zip (" + e.getMessage() + ")", e);
        } catch (DamagedEntryException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException(file + ": damaged session file, unreadable JSON (" + e.getOriginalMessage() + ")", e);
        } catch (RuntimeException e) {
            throw new IOException(file + ": damaged session file (" + e + ")", e);
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

    /** The saved names, read no further than their bound (a zip entry may claim any size). */
    private static SessionNames names(ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry(SessionJson.NAMES);
        if (entry == null) {
            return SessionNames.NONE;
        }
        byte[] json;
        try (InputStream in = zip.getInputStream(entry)) {
            json = in.readNBytes(SessionNamesJson.MAX_BYTES + 1);
        } catch (IOException e) {
            throw new DamagedEntryException("damaged session file: " + SessionJson.NAMES + " cannot be read ("
                    + e.getMessage() + ")");
        }
        try {
            return SessionNamesJson.readChecked(json);
        } catch (IOException e) {
            throw new DamagedEntryException("damaged session file: " + e.getMessage());
        }
    }

    private static byte[] entry(ZipFile zip, String name, boolean required) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            if (required) {
                throw new DamagedEntryException("not a HeapScope session file: it has no " + name);
            }
            return null;
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new DamagedEntryException("damaged session file: " + name + " cannot be read (" + e.getMessage() + ")");
        }
    }

    private static final class DamagedEntryException extends IOException {
        DamagedEntryException(String message) {
            super(message);
        }
    }

}
