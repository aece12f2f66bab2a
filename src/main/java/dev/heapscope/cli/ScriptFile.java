package dev.heapscope.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A Lua script named on the command line ({@code run SCRIPT}, {@code hunt --script}), read whole. */
final class ScriptFile {
    private ScriptFile() {
    }

    /**
     * @param maxBytes the most the caller can use; a bigger file is an error saying so
     * @param limitReason why there is a limit, for that error ("uploaded through the console")
     */
    static byte[] read(Path file, long maxBytes, String limitReason) throws InputLog.UnreadableInputException {
        if (Files.isDirectory(file)) {
            throw new InputLog.UnreadableInputException(file + ": is a directory, expected a Lua script");
        }
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new InputLog.UnreadableInputException(file + ": " + size + " bytes is too big; at most "
                        + maxBytes + " bytes (" + (maxBytes >> 10) + " KiB) can be " + limitReason);
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw InputLog.unreadable(file, e);
        }
    }

    /** As {@link #read(Path, long, String)} without a limit. */
    static byte[] read(Path file) throws InputLog.UnreadableInputException {
        return read(file, Long.MAX_VALUE, "read");
    }
}
