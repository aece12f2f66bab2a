package dev.heapscope.session;

import java.nio.file.Path;

/**
 * Where HeapScope keeps its files: autosaves, raw logs of serial sessions, screenshots, the recent
 * sessions, the ELF chosen per board. {@code ~/.heapscope} unless the {@code heapscope.home} system
 * property names another folder; tests and embedders pass their own with {@link #at}.
 *
 * @param root the folder everything else is under
 */
public record DataDirectory(Path root) {

    /** The user's: {@code -Dheapscope.home=…} or {@code ~/.heapscope}. */
    public static DataDirectory ofUser() {
        String chosen = System.getProperty("heapscope.home");
        return new DataDirectory(chosen != null && !chosen.isBlank() ? Path.of(chosen)
                : Path.of(System.getProperty("user.home"), ".heapscope"));
    }

    public static DataDirectory at(Path root) {
        return new DataDirectory(root);
    }

    public Path autosaves() {
        return root.resolve("autosave");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    public Path screenshots() {
        return root.resolve("screenshots");
    }

    public Path recentSessionsFile() {
        return root.resolve("recent.txt");
    }

    public Path elfChoicesFile() {
        return root.resolve("elf-by-board.properties");
    }
}
