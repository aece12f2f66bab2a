package dev.heapscope.session;

import java.nio.file.Path;

/**
 * @param commandTimeoutMillis how long a command may go without a byte from the board
 * @param allowHazards         send verbs known to crash boards (resume before start, dump after re-init)
 * @param boardCrashesOnResumeBeforeStart the firmware has IDF 5.1's resume-before-start crash
 * @param rawLogFile           every byte received is appended here as it arrives (null: memory only)
 */
public record SessionOptions(long commandTimeoutMillis, boolean allowHazards, boolean boardCrashesOnResumeBeforeStart,
                             Path rawLogFile) {
    public static final SessionOptions DEFAULTS = new SessionOptions(5_000, false, true, null);

    public SessionOptions withCommandTimeoutMillis(long millis) {
        return new SessionOptions(millis, allowHazards, boardCrashesOnResumeBeforeStart, rawLogFile);
    }

    public SessionOptions withAllowHazards(boolean allow) {
        return new SessionOptions(commandTimeoutMillis, allow, boardCrashesOnResumeBeforeStart, rawLogFile);
    }

    public SessionOptions withRawLogFile(Path file) {
        return new SessionOptions(commandTimeoutMillis, allowHazards, boardCrashesOnResumeBeforeStart, file);
    }
}
