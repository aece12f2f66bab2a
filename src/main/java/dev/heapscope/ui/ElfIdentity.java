package dev.heapscope.ui;

import dev.heapscope.model.BoardEvent;
import dev.heapscope.parse.BoardEventDetector;
import dev.heapscope.symbols.FirmwareIdentity;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Does the ELF the user chose match the firmware the board said it runs (its boot line's SHA-256)? */
final class ElfIdentity {
    private ElfIdentity() {
    }

    /** A warning when the last {@code ELF file SHA256} in the console disagrees with {@code elf}, else null. */
    static String mismatch(Path elf, List<String> consoleLines) throws IOException {
        String printed = null;
        for (String line : consoleLines) {
            if (line.contains("ELF file SHA256")
                    && BoardEventDetector.detect(line).orElse(null) instanceof BoardEvent.ElfSha256 digest) {
                printed = digest.hexPrefix();
            }
        }
        if (printed == null) {
            return null;
        }
        String actual = FirmwareIdentity.sha256Hex(elf);
        return FirmwareIdentity.matches(printed, actual) ? null
                : "Warning: the board runs firmware " + printed + "… but " + elf.getFileName() + " is "
                + actual.substring(0, 16) + "…: a stale ELF gives wrong names";
    }
}
