package dev.heapscope.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/** The firmware ELF chosen for each board (serial port), remembered in a properties file of the data directory. */
final class ElfChoices {
    private static final System.Logger LOG = System.getLogger(ElfChoices.class.getName());
    private final Path file;

    ElfChoices(Path file) {
        this.file = file;
    }

    Optional<Path> remembered(String board) {
        Properties choices = load();
        String path = choices.getProperty(board);
        return path == null || !Files.isReadable(Path.of(path)) ? Optional.empty() : Optional.of(Path.of(path));
    }

    void remember(String board, Path elf) {
        Properties choices = load();
        choices.setProperty(board, elf.toAbsolutePath().toString());
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                choices.store(out, "HeapScope: the firmware ELF of each board");
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot remember the ELF choice: " + e.getMessage());
        }
    }

    private Properties load() {
        Properties choices = new Properties();
        if (Files.isReadable(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                choices.load(in);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot read " + file + ": " + e.getMessage());
            }
        }
        return choices;
    }
}
