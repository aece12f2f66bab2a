package dev.heapscope.session;

/**
 * @param commandTimeoutMillis how long a command may go without a byte from the board
 * @param allowHazards         send verbs known to crash boards (resume before start, dump after re-init)
 * @param boardCrashesOnResumeBeforeStart the firmware has IDF 5.1's resume-before-start crash
 */
public record SessionOptions(long commandTimeoutMillis, boolean allowHazards, boolean boardCrashesOnResumeBeforeStart) {
    public static final SessionOptions DEFAULTS = new SessionOptions(5_000, false, true);

    public SessionOptions withCommandTimeoutMillis(long millis) {
        return new SessionOptions(millis, allowHazards, boardCrashesOnResumeBeforeStart);
    }

    public SessionOptions withAllowHazards(boolean allow) {
        return new SessionOptions(commandTimeoutMillis, allow, boardCrashesOnResumeBeforeStart);
    }
}
