package dev.heapscope.cli;

import dev.heapscope.parse.LogParser;
import dev.heapscope.parse.ParsedLog;
import dev.heapscope.session.SessionStore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads an input named on the command line, a console log or a saved session ({@code .heapscope},
 * told by its zip magic, whose transcript is the log), turning file problems into one clear line.
 */
final class InputLog {
    private InputLog() {
    }

    static ParsedLog read(Path file) throws UnreadableInputException {
        if (Files.isDirectory(file)) {
            throw new UnreadableInputException(file + ": is a directory, expected a console log or a session file");
        }
        try {
            if (SessionStore.isSessionFile(file)) {
                return SessionStore.open(file).log();
            }
            return new LogParser().parse(file);
        } catch (NoSuchFileException e) {
            throw new UnreadableInputException(file + ": no such file");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new UnreadableInputException(file + ": permission denied");
        } catch (IOException e) {
            throw new UnreadableInputException(e.getMessage() != null && e.getMessage().startsWith(file.toString())
                    ? e.getMessage() : file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    /** The console text of an input: the file itself, or a session's transcript. */
    static InputStream openText(Path file) throws IOException {
        if (SessionStore.isSessionFile(file)) {
            return SessionStore.open(file).openTranscript();
        }
        return Files.newInputStream(file);
    }

    /** The input exists but cannot be read, or holds nothing to work on. Exit code 2. */
    static final class UnreadableInputException extends Exception {
        UnreadableInputException(String message) {
            super(message);
        }
    }
}
