package dev.heapscope.session;

import java.io.EOFException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.zip.ZipException;

/**
 * What went wrong, in words about the input: the one place where an exception becomes the text after
 * {@code heapscope: } on the command line and the status line in the app. HeapScope's own exceptions already speak of the input and pass unchanged; the
 * JDK's and libraries' messages ({@code Input length = 1}, {@code arraycopy: last source index 7 out of
 * bounds for byte[0]}, {@code For input string: "x"}, {@code null}) are replaced by what the failure
 * means for the user, chosen by the exception's type.
 */
public final class InputErrorText {
    /** Wording a user must never see: Java class and package names, JDK and Jackson messages. */
    public static final Pattern JAVA_WORDING = Pattern.compile("\\b\\w*(Exception|Error)\\b|\\bjava\\.|\\bjavax\\.|\\bsun\\."
            + "|\\bdev\\.heapscope\\.|\\bat [\\w.$]+\\(|Input length = \\d|arraycopy|out of bounds for|\\bbyte\\[|"
            + "For input string|Cannot invoke|cannot be cast|^null$|No content to map|\\[Source:|Unexpected character"
            + "|Unrecognized token|Index -?\\d+ out of|\\bStackOverflow|\\bOutOfMemory");

    private InputErrorText() {
    }

    /** Why {@code problem} happened, as a phrase about the input; never empty, never Java's wording. */
    public static String reason(Throwable problem) {
        Throwable e = problem;
        String known = byType(e);
        if (known != null) {
            return known;
        }
        String message = e.getMessage();
        if (message != null && !message.isBlank() && !soundsLikeJava(message)) {
            return firstLine(message);
        }
        // a wrapper's own message is Java's; its cause may be ours
        if (e.getCause() != null && e.getCause() != e) {
            return reason(e.getCause());
        }
        return e instanceof java.io.IOException ? "cannot be read" : "cannot be processed";
    }

    /** As {@link #reason}, after the file it concerns when the system named one ("/x/fw.elf: no such file"). */
    public static String describe(Throwable problem) {
        if (problem instanceof FileSystemException fs && fs.getFile() != null) {
            return fs.getFile() + ": " + reason(problem);
        }
        return reason(problem);
    }

    /** {@code message} when it is a sentence for a user; else the reason {@code problem} gives. */
    public static String message(String message, Throwable problem) {
        return message != null && !message.isBlank() && !soundsLikeJava(message) ? firstLine(message) : reason(problem);
    }

    public static boolean soundsLikeJava(String message) {
        return JAVA_WORDING.matcher(message).find();
    }

    private static String byType(Throwable e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "directory not empty";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof FileSystemException fs) {
            // the system's own reason ("Is a directory", "No space left on device") speaks of the file
            return fs.getReason() != null ? fs.getReason() : "cannot be read";
        }
        if (e instanceof CharacterCodingException) {
            return "bytes that are not text";
        }
        if (e instanceof EOFException) {
            return "ends early (cut off?)";
        }
        if (e instanceof ZipException zip) {
            return zip.getMessage() != null && !soundsLikeJava(zip.getMessage())
                    ? "damaged (" + zip.getMessage() + ")" : "damaged";
        }
        if (e instanceof TimeoutException) {
            return "no answer in time";
        }
        if (e instanceof NumberFormatException) {
            return "a number that cannot be read";
        }
        if (e instanceof StackOverflowError) {
            return "nested too deeply to process";
        }
        if (e instanceof OutOfMemoryError) {
            return "too big for the memory HeapScope may use";
        }
        return null;
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }
}
