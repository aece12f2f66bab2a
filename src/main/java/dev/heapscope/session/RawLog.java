package dev.heapscope.session;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Appends every received byte to a file as it arrives, unbuffered, so a crash or kill of the app
 * loses nothing the board sent. A failing disk is reported once; the session goes on in memory.
 */
final class RawLog implements AutoCloseable {
    private final Path file;
    private FileOutputStream out;
    private String failure;

    RawLog(Path file) {
        this.file = file;
    }

    /** Appends; returns a message the first time writing fails, else null. */
    String append(byte[] bytes) {
        if (failure != null) {
            return null;
        }
        try {
            if (out == null) {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                out = new FileOutputStream(file.toFile(), true);
            }
            out.write(bytes);
            return null;
        } catch (IOException e) {
            failure = "cannot write the raw log " + file + " (" + e.getMessage() + "); keeping the session in memory";
            return failure;
        }
    }

    @Override
    public void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException ignored) {
                // nothing more to save
            }
        }
    }
}
