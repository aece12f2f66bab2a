package dev.heapscope.ui.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Opens {@code file:line} in the user's editor: the command in {@code HEAPSCOPE_EDITOR} (with
 * {@code {file}} and {@code {line}}, e.g. {@code "code -g {file}:{line}"} or {@code "idea --line {line}
 * {file}"}), else VS Code when it is on the PATH, else the desktop's handler for the file (no line).
 */
public final class SourceOpener {
    private SourceOpener() {
    }

    /** The command that would open it, or empty when the file is not on this machine. */
    public static Optional<List<String>> command(String location, String editorTemplate, boolean codeOnPath) {
        int colon = location.lastIndexOf(':');
        boolean hasLine = colon > 0 && location.substring(colon + 1).matches("\\d+");
        String file = hasLine ? location.substring(0, colon) : location;
        String line = hasLine ? location.substring(colon + 1) : "1";
        if (!Files.isRegularFile(Path.of(file))) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        if (editorTemplate != null && !editorTemplate.isBlank()) {
            for (String part : editorTemplate.trim().split("\\s+")) {
                command.add(part.replace("{file}", file).replace("{line}", line));
            }
        } else if (codeOnPath) {
            command.addAll(List.of("code", "-g", file + ":" + line));
        } else {
            command.addAll(List.of("xdg-open", file));
        }
        return Optional.of(command);
    }

    /** Opens the location; returns a message for the status bar. */
    public static String open(String location) {
        Optional<List<String>> command = command(location, System.getenv("HEAPSCOPE_EDITOR"), onPath("code"));
        if (command.isEmpty()) {
            return location + " is not on this machine (the firmware was built elsewhere?)";
        }
        try {
            new ProcessBuilder(command.get()).inheritIO().start();
            return "Opened " + location;
        } catch (IOException e) {
            return "Cannot open " + location + ": " + dev.heapscope.session.InputErrorText.describe(e) + " (set HEAPSCOPE_EDITOR, e.g. \"code -g {file}:{line}\")";
        }
    }

    /** Whether {@code file:line} names a file on this machine. */
    public static boolean isLocal(String location) {
        if (location == null) {
            return false;
        }
        int colon = location.lastIndexOf(':');
        String file = colon > 0 && location.substring(colon + 1).matches("\\d+") ? location.substring(0, colon) : location;
        return Files.isRegularFile(Path.of(file));
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
