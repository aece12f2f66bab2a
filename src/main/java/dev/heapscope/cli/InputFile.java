package dev.heapscope.cli;

import dev.heapscope.analysis.FoldedImport;
import dev.heapscope.analysis.FoldedStacksReader;
import dev.heapscope.analysis.Weight;
import dev.heapscope.analysis.flame.FlameImport;
import dev.heapscope.analysis.flame.FoldedStacksScanner;
import dev.heapscope.export.StreamedLog;
import dev.heapscope.model.HeldBy;
import dev.heapscope.parse.ParsedLog;
import dev.heapscope.session.SavedSession;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * The input a command reads (a console log, a saved session, for some commands folded stacks): the
 * first positional argument, with its reading and its one-line errors. Its label and description come
 * from the command's help bundle ({@code input.label}, {@code input}), so each command keeps its own words.
 */
final class InputFile {

    @Parameters(index = "0", paramLabel = "${bundle:input.label:-INPUT}", descriptionKey = "input")
    Path path;

    Path path() {
        return path;
    }

    /** The file name alone, for titles. */
    String name() {
        return String.valueOf(path.getFileName());
    }

    InputKind kind() throws InputLog.UnreadableInputException {
        return InputKind.of(path);
    }

    private SavedSession session;

    /** The parsed log (a session's transcript for a session, with the names saved with it). */
    ParsedLog log() throws InputLog.UnreadableInputException {
        if (dev.heapscope.session.SessionStore.isSessionFile(path)) {
            session = InputLog.readSession(path);
            return session.log();
        }
        return InputLog.read(path);
    }

    /**
     * The input with its records added up as they stream by ({@link StreamedLog}); a session, or
     * {@code wholeDumps}, is parsed whole and its records replayed (a session's rows keep their records for
     * what held them).
     */
    StreamedLog streamed(boolean wholeDumps) throws InputLog.UnreadableInputException {
        if (wholeDumps || dev.heapscope.session.SessionStore.isSessionFile(path)) {
            ParsedLog log = log();
            return StreamedLog.of(log, heldBy() != HeldBy.UNKNOWN);
        }
        return InputLog.stream(path);
    }

    /** Whether the input is a session saved with the names its live session showed (call after {@link #log()}). */
    boolean hasSavedNames() {
        return session != null && !session.names().isEmpty();
    }

    /** What held each record's block, as saved with a virtual-board session; unknown for a log. Call after {@link #log()}. */
    HeldBy heldBy() {
        return session == null ? HeldBy.UNKNOWN : session.heldBy();
    }

    /** The folded stacks the file holds (when {@link #kind()} is {@link InputKind#FOLDED}). */
    FoldedImport folded(Weight weight) throws InputLog.UnreadableInputException {
        try {
            return FoldedStacksReader.read(path, weight);
        } catch (IOException e) {
            throw InputLog.unreadable(path, e);
        }
    }

    /** The folded stacks the file holds, unmerged, for a flame graph drawn by sort-and-merge. */
    FlameImport flameStacks(Weight weight) throws InputLog.UnreadableInputException {
        try {
            return FoldedStacksScanner.read(path, weight);
        } catch (IOException e) {
            throw InputLog.unreadable(path, e);
        }
    }

    /** The console text: the file itself, or a session's transcript. */
    InputStream openText() throws IOException {
        return InputLog.openText(path);
    }
}
