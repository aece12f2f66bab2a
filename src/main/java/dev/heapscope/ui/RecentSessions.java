package dev.heapscope.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The last sessions and logs opened or saved, newest first, in {@code ~/.heapscope/recent.txt}. */
final class RecentSessions {
    static final int MAX = 8;
    private static final System.Logger LOG = System.getLogger(RecentSessions.class.getName());

    private final Path store;

    RecentSessions(Path store) {
        this.store = store;
    }

    static RecentSessions in(dev.heapscope.session.DataDirectory data) {
        return new RecentSessions(data.recentSessionsFile());
    }

    /** Files that still exist, newest first. */
    List<Path> list() {
        List<Path> files = new ArrayList<>();
        if (Files.isReadable(store)) {
            try {
                for (String line : new String(Files.readAllBytes(store), StandardCharsets.UTF_8).lines().toList()) {
                    if (!line.isBlank() && Files.isRegularFile(Path.of(line))) {
                        files.add(Path.of(line));
                    }
                }
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot read " + store + ": " + e.getMessage());
            }
        }
        return files;
    }

    void add(Path file) {
        List<Path> files = list();
        Path absolute = file.toAbsolutePath();
        files.remove(absolute);
        files.add(0, absolute);
        List<String> lines = files.stream().limit(MAX).map(Path::toString).toList();
        try {
            Files.createDirectories(store.getParent());
            Files.write(store, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot write " + store + ": " + e.getMessage());
        }
    }
}
