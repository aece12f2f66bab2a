package dev.heapscope.launch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Standard error while JavaFX starts. JavaFX writes to it directly: a warning about running from the class
 * path on every start, and whole stack traces when the toolkit cannot start. None of that is for the user
 * of a desktop app, so it is held until the window shows (then dropped) or kept in a file when the window
 * never opens, the one line the user gets naming that file.
 */
final class StartupOutput {
    private final PrintStream original;
    private final ByteArrayOutputStream held = new ByteArrayOutputStream();
    private boolean released;

    private StartupOutput(PrintStream original) {
        this.original = original;
    }

    static StartupOutput hold() {
        StartupOutput output = new StartupOutput(System.err);
        System.setErr(new PrintStream(output.held, true, StandardCharsets.UTF_8));
        return output;
    }

    /** The window is up: what JavaFX writes from now on goes where it always went. */
    synchronized void release() {
        if (!released) {
            released = true;
            System.setErr(original);
        }
    }

    /** The window did not open: the held output and the failure, in a file whose path is returned (null if none). */
    synchronized String keepAsFile(Throwable failure) {
        release();
        try {
            Path file = Files.createTempFile("heapscope-gui-", ".log");
            try (PrintStream log = new PrintStream(Files.newOutputStream(file), true, StandardCharsets.UTF_8)) {
                log.write(held.toByteArray());
                failure.printStackTrace(log);
            }
            return file.toString();
        } catch (IOException e) {
            return null;
        }
    }
}
