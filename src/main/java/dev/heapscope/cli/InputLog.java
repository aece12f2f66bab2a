package dev.heapscope.cli;

import dev.heapscope.session.InputErrorText;
import dev.heapscope.export.StreamedLog;
import dev.heapscope.parse.LogParser;
import dev.heapscope.parse.ParsedLog;
import dev.heapscope.session.SavedSession;
import dev.heapscope.session.SessionStore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
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

    /** A saved session named on the command line (its file told by its zip magic), with the store's one-line errors. */
    static SavedSession readSession(Path file) throws UnreadableInputException {
        try {
            return SessionStore.openWithoutHeapSnapshots(file);
        } catch (IOException e) {
            throw e.getMessage() != null && e.getMessage().startsWith(file + ": ") && !InputErrorText.soundsLikeJava(e.getMessage())
                    ? new UnreadableInputException(e.getMessage()) : unreadable(file, e);
        }
    }

    static ParsedLog read(Path file) throws UnreadableInputException {
        rejectDirectory(file);
        try {
            if (SessionStore.isSessionFile(file)) {
                return SessionStore.openWithoutHeapSnapshots(file).log();
            }
            if (InputKind.of(file) == InputKind.SNAPSHOT) {
                throw new UnreadableInputException(file + ": a Lua heap snapshot saved by 'heapscope snapshot --save', "
                        + "not a console log; 'heapscope diff' compares two of them");
            }
            ParsedLog log = new LogParser().parse(file);
            rejectBinary(file, log);
            return log;
        } catch (IOException e) {
            // the session store words its own errors, starting with the file
            throw e.getMessage() != null && e.getMessage().startsWith(file + ": ") && !InputErrorText.soundsLikeJava(e.getMessage())
                    ? new UnreadableInputException(e.getMessage()) : unreadable(file, e);
        }
    }

    /**
     * A console log (not a session) read as its records stream by, with {@link #read}'s checks and errors:
     * memory follows its dumps and call chains, not its records.
     */
    static StreamedLog stream(Path file) throws UnreadableInputException {
        rejectDirectory(file);
        try {
            if (InputKind.of(file) == InputKind.SNAPSHOT) {
                return StreamedLog.of(read(file), false); // read words the error
            }
            StreamedLog streamed = StreamedLog.read(() -> Files.newInputStream(file), false);
            rejectBinary(file, streamed.log());
            return streamed;
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private static void rejectDirectory(Path file) throws UnreadableInputException {
        if (Files.isDirectory(file)) {
            throw new UnreadableInputException(file + ": is a directory, expected a console log or a session file");
        }
    }

    private static void rejectBinary(Path file, ParsedLog log) throws IOException, UnreadableInputException {
        if (log.dumps().isEmpty() && looksBinary(file)) {
            // a log without dumps is an answer ("none found"); bytes that are no text at all are a wrong input
            throw new UnreadableInputException(file + ": no heap trace dump, and not console text "
                    + "(a binary file, or a capture at the wrong baud rate?)");
        }
    }

    /**
     * More than 1 in 20 of the first 64 KiB are control bytes a console never prints (NUL, and the C0
     * controls other than tab, line feed, carriage return, form feed, backspace and escape).
     */
    static boolean looksBinary(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(1 << 16);
        }
        int control = 0;
        for (byte b : head) {
            if (b >= 0 && b < 0x20 && "\t\n\r\f\b\u001b".indexOf(b) < 0 || b == 0x7f) {
                control++;
            }
        }
        return control * 20L > head.length;
    }

    /** One line for a file that could not be read: no Java exception names, the file first. */
    static UnreadableInputException unreadable(Path file, IOException e) {
        if (e instanceof NoSuchFileException || e instanceof AccessDeniedException) {
            return new UnreadableInputException(file + ": " + InputErrorText.reason(e));
        }
        String reason = InputErrorText.reason(e);
        return new UnreadableInputException(file + ": cannot read"
                + (reason.equals("cannot be read") ? "" : " (" + reason + ")"));
    }

    /** The console text of an input: the file itself, or a session's transcript. */
    static InputStream openText(Path file) throws IOException {
        if (SessionStore.isSessionFile(file)) {
            return SessionStore.openWithoutHeapSnapshots(file).openTranscript();
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
