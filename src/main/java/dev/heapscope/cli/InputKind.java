package dev.heapscope.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What an input file holds, told by its content: folded stacks ({@code a;b;c 123} on every line
 * that is not blank or a {@code #} comment, among the first 64 KiB), a saved session (a zip), a Lua heap
 * snapshot saved by {@code snapshot --save} (its first line that is not blank or a comment is the agent's
 * begin line), or anything else, read as a log.
 */
enum InputKind {
    LOG, FOLDED, SESSION, SNAPSHOT;

    private static final int SNIFF_BYTES = 1 << 16;

    static InputKind of(Path file) throws InputLog.UnreadableInputException {
        if (Files.isDirectory(file)) {
            throw new InputLog.UnreadableInputException(file + ": is a directory, expected a console log or folded stacks");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        } catch (IOException e) {
            throw InputLog.unreadable(file, e);
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return SESSION;
        }
        if (head.length == SNIFF_BYTES && FirstLongLine.hasNoLineBreak(head)) {
            // deep stacks make first lines longer than the sniff: judge that line by its start and its end
            return FirstLongLine.looksFolded(file, head) ? FOLDED : LOG;
        }
        return of(new String(head, StandardCharsets.ISO_8859_1), head.length == SNIFF_BYTES);
    }

    /** @param cut the text is the start of a longer file, so its last line may be unfinished */
    static InputKind of(String text, boolean cut) {
        if (SnapshotFile.looksLikeSnapshot(text)) {
            return SNAPSHOT;
        }
        return dev.heapscope.analysis.FoldedStacksReader.looksFolded(text, cut) ? FOLDED : LOG;
    }
}
