package dev.heapscope.ui;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Where a serial session's raw log goes: {@code ~/.heapscope/logs/20261125-010203-ttyUSB0.log}. */
final class RawLogs {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private RawLogs() {
    }

    static Path newFile(String portName) {
        String port = portName.replaceAll(".*[/\\\\]", "").replaceAll("[^A-Za-z0-9._-]", "_");
        return Path.of(System.getProperty("user.home"), ".heapscope", "logs",
                LocalDateTime.now().format(STAMP) + "-" + port + ".log");
    }
}
