package dev.heapscope.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Where a serial session's raw log is kept when it ends: {@code <data>/logs/20261125-010203-ttyUSB0.log}. */
final class SerialLogs {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private SerialLogs() {
    }

    static Path newFile(DataDirectory data, String portName) {
        String port = portName.replaceAll(".*[/\\\\]", "").replaceAll("[^A-Za-z0-9._-]", "_");
        return data.logs().resolve(LocalDateTime.now().format(STAMP) + "-" + port + ".log");
    }

    /** Copies a finished session's transcript to its raw log; false (and logged) when that failed. */
    static boolean keep(Path transcript, Path rawLog) {
        if (rawLog == null || !Files.isRegularFile(transcript)) {
            return true;
        }
        try {
            Files.createDirectories(rawLog.toAbsolutePath().getParent());
            Files.copy(transcript, rawLog, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (IOException e) {
            System.getLogger(SerialLogs.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot keep the raw log " + rawLog + " (the autosave stays for recovery): " + e.getMessage());
            return false;
        }
    }
}
