package dev.heapscope.cli;

import dev.heapscope.parse.LogParser;
import dev.heapscope.parse.ParsedLog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a log named on the command line, turning file problems into one clear line for stderr. */
final class InputLog {
    private InputLog() {
    }

    static ParsedLog read(Path file) throws UnreadableInputException {
        if (Files.isDirectory(file)) {
            throw new UnreadableInputException(file + ": is a directory, expected a console log");
        }
        try {
            return new LogParser().parse(file);
        } catch (NoSuchFileException e) {
            throw new UnreadableInputException(file + ": no such file");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new UnreadableInputException(file + ": permission denied");
        } catch (IOException e) {
            throw new UnreadableInputException(file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    /** The input exists but cannot be read, or holds nothing to work on. Exit code 2. */
    static final class UnreadableInputException extends Exception {
        UnreadableInputException(String message) {
            super(message);
        }
    }
}
