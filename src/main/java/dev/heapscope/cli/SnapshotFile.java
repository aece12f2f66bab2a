package dev.heapscope.cli;

import dev.heapscope.model.AgentSnapshot;
import dev.heapscope.parse.AgentSnapshotReader;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A snapshot saved by {@code snapshot --save}: a {@code #} comment line, then the agent's own lines as they
 * came over the wire, so {@link AgentSnapshotReader} reads it back exactly as it read the console (a cut
 * snapshot stays cut). Reading is bounded: a file larger than {@link #MAX_BYTES} is refused before it is read.
 */
final class SnapshotFile {
    /** Far above a real heap's snapshot (a 300 KB ESP32 heap holds some 10,000 objects: 320 KB of lines). */
    static final long MAX_BYTES = 32L << 20;
    static final String HEADER = "# HeapScope agent snapshot (heapscope snapshot --save)";

    private SnapshotFile() {
    }

    /** Whether a file's first text is a saved snapshot: its first line that is neither blank nor a comment is an agent begin line. */
    static boolean looksLikeSnapshot(String head) {
        for (String line : head.split("\n", 64)) {
            String text = line.strip();
            if (!text.isEmpty() && !text.startsWith("#")) {
                return text.startsWith("~HB ");
            }
        }
        return false;
    }

    /** Whole or not at all ({@link OutputTarget}): an interrupted save leaves no half snapshot to compare later. */
    static void save(Path file, String board, List<String> agentLines) throws IOException {
        OutputTarget.write(file, null, stream -> {
            StringBuilder text = new StringBuilder(HEADER).append(": ").append(board.replace('\n', ' ')).append('\n');
            for (String line : agentLines) {
                text.append(line).append('\n');
            }
            stream.write(text.toString().getBytes(StandardCharsets.ISO_8859_1));
        });
    }

    /** Null when a snapshot can be saved as {@code file}; else why not, in one line. */
    static String cannotSave(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        if (Files.isDirectory(file)) {
            return file + ": is a directory";
        }
        return folder == null || Files.isDirectory(folder) ? null : file + ": no such directory " + folder;
    }

    /** Every snapshot in the file, in order; one clear line when there is none or the file cannot be read. */
    static List<AgentSnapshot> read(Path file) throws InputLog.UnreadableInputException {
        if (Files.isDirectory(file)) {
            throw new InputLog.UnreadableInputException(file + ": is a directory, expected a saved snapshot");
        }
        AgentSnapshotReader reader = new AgentSnapshotReader();
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new InputLog.UnreadableInputException(file + ": " + size + " bytes is too big for a saved "
                        + "snapshot (at most " + (MAX_BYTES >> 20) + " MiB)");
            }
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    reader.accept(line);
                }
            }
        } catch (IOException e) {
            throw InputLog.unreadable(file, e);
        }
        reader.finish();
        List<AgentSnapshot> snapshots = reader.snapshots();
        if (snapshots.isEmpty()) {
            throw new InputLog.UnreadableInputException(file + ": no HeapScope agent snapshot in it "
                    + "(heapscope snapshot --save writes one)");
        }
        for (AgentSnapshot snapshot : snapshots) {
            if (snapshot.objects().isEmpty() && snapshot.problem() != null) {
                throw new InputLog.UnreadableInputException(file + ": the snapshot does not read: " + snapshot.problem());
            }
        }
        return snapshots;
    }

    /** The one snapshot a command compares: the last in the file, or number {@code n} (1-based). */
    static AgentSnapshot pick(Path file, List<AgentSnapshot> snapshots, Integer n) throws InputLog.UnreadableInputException {
        if (n == null) {
            return snapshots.get(snapshots.size() - 1);
        }
        if (n < 1 || n > snapshots.size()) {
            throw new InputLog.UnreadableInputException(file + ": no snapshot #" + n + " (it holds " + snapshots.size() + ")");
        }
        return snapshots.get(n - 1);
    }
}
