package dev.heapscope.session;

import dev.heapscope.model.HeapSnapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads back what an autosave folder holds. The folder may be anyone's leftover: the transcript has the bound of a
 * saved file's, and a part that is missing, oversized or unreadable costs only itself (the transcript still holds
 * every dump). Stateless; any thread.
 */
final class AutosaveRecovery {
    private static final System.Logger LOG = System.getLogger(AutosaveRecovery.class.getName());

    private AutosaveRecovery() {
    }

    /** The session left in an autosave folder, with every byte that reached the disk. */
    static SavedSession recover(Path directory) throws IOException {
        Path transcriptFile = directory.resolve(SessionJson.TRANSCRIPT);
        if (!Files.isRegularFile(transcriptFile)) {
            throw new IOException(directory + ": not an autosave folder (no " + SessionJson.TRANSCRIPT + ")");
        }
        if (sizeOf(transcriptFile) > SessionZipReader.MAX_TRANSCRIPT_BYTES) {
            // the same bound as a saved file's: the autosave folder may be anyone's leftover, not only ours
            throw new IOException(directory + ": its transcript is " + (sizeOf(transcriptFile) >> 20) + " MiB, over the "
                    + (SessionZipReader.MAX_TRANSCRIPT_BYTES >> 20) + " MiB a session may hold");
        }
        byte[] transcript = Files.readAllBytes(transcriptFile);
        SessionManifest manifest = readOrNull(directory, SessionJson.MANIFEST, SessionJson::manifest);
        if (manifest == null) {
            manifest = new SessionManifest(SessionManifest.FORMAT_VERSION, null, null, "unknown (recovered)", null,
                    List.of(), null, null, 0, 0, 0, 0, transcript.length);
        }
        SessionJson.checkVersion(manifest, directory.toString());
        List<Marker> markers = readOrNull(directory, SessionJson.MARKERS, SessionJson::markers);
        List<dev.heapscope.model.HeapSample> samples = readOrNull(directory, SessionJson.SAMPLES, SessionJson::samples);
        List<SessionSnapshot.SentCommand> commands = readOrNull(directory, SessionJson.COMMANDS, SessionJson::commands);
        List<SessionJson.DumpTime> times = readOrNull(directory, SessionJson.DUMP_TIMES, SessionJson::dumpTimes);
        SessionNames names = readOrNull(directory, SessionJson.NAMES, SessionNamesJson::readChecked);
        List<HeapSnapshot> heaps = readOrNull(directory, SessionJson.HEAP_SNAPSHOTS, HeapSnapshotsJson::read);
        return SavedSession.assemble(manifest, transcript, markers == null ? List.of() : markers,
                samples == null ? List.of() : samples, commands == null ? List.of() : commands,
                times == null ? List.of() : times, names, heaps);
    }

    interface JsonPart<T> {
        T read(byte[] json) throws IOException;
    }

    /** A part that is missing or unreadable costs only itself: the transcript still holds every dump. */
    static <T> T readOrNull(Path directory, String name, JsonPart<T> part) {
        Path file = directory.resolve(name);
        long bound = name.equals(SessionJson.MANIFEST) ? SessionZipReader.MAX_MANIFEST_BYTES
                : name.equals(SessionJson.NAMES) ? SessionNamesJson.MAX_BYTES
                : name.equals(SessionJson.HEAP_SNAPSHOTS) ? HeapSnapshotsJson.MAX_BYTES : SessionZipReader.MAX_PART_BYTES;
        if (!Files.isRegularFile(file) || sizeOf(file) > bound) {
            return null; // an oversized part is skipped like an unreadable one: the transcript holds the dumps
        }
        try {
            return part.read(Files.readAllBytes(file));
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "autosave part " + file + " is unreadable, skipped: " + e);
            return null;
        }
    }

    static long sizeOf(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
