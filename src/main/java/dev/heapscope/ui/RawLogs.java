package dev.heapscope.ui;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Where a serial session's raw log goes: {@code ~/.heapscope/logs/20261125-010203-ttyUSB0.log}. */
final class RawLogs {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private RawLogs() {
    }

    /** Copies a finished session's transcript to its raw log; false (and logged) when that failed. */
    static boolean keep(Path transcript, Path rawLog) {
        if (rawLog == null || !java.nio.file.Files.isRegularFile(transcript)) {
            return true;
        }
        try {
            java.nio.file.Files.createDirectories(rawLog.toAbsolutePath().getParent());
            java.nio.file.Files.copy(transcript, rawLog, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (java.io.IOException e) {
            System.getLogger(RawLogs.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot keep the raw log " + rawLog + " (the autosave stays for recovery): " + e.getMessage());
            return false;
        }
    }

    static Path newFile(String portName) {
        String port = portName.replaceAll(".*[/\\\\]", "").replaceAll("[^A-Za-z0-9._-]", "_");
        return Path.of(System.getProperty("user.home"), ".heapscope", "logs",
                LocalDateTime.now().format(STAMP) + "-" + port + ".log");
    }
}
