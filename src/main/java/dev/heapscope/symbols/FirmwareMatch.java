package dev.heapscope.symbols;

import dev.heapscope.model.BoardEvent;
import dev.heapscope.model.LineEvent;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Whether a firmware ELF is the build the board runs, told from the {@code ELF file SHA256} the board
 * printed at boot (the last one: a board may be reflashed in the middle of a log). The one check the app
 * and the command line share, so both say the same thing.
 *
 * @param outcome MATCH, MISMATCH, or UNKNOWN when the board printed no digest or too short a one to tell
 * @param message one sentence for the user, without a leading capital (callers prefix it)
 */
public record FirmwareMatch(Outcome outcome, String message) {

    public enum Outcome { MATCH, MISMATCH, UNKNOWN }

    /** Compares the ELF file with the board's digest; the file is read only when the board printed one. */
    public static FirmwareMatch of(List<LineEvent> events, Path elf) throws IOException {
        String name = String.valueOf(elf.getFileName());
        Optional<String> printed = printedDigest(events);
        if (printed.isEmpty() || !FirmwareIdentity.canTell(printed.get())) {
            return of(events, name, "");
        }
        return of(events, name, FirmwareIdentity.sha256Hex(elf));
    }

    /**
     * The pure check.
     *
     * @param elfName      the ELF's file name, for the message
     * @param elfSha256Hex the SHA-256 of the whole ELF file, hex (what ESP-IDF prints a prefix of)
     */
    public static FirmwareMatch of(List<LineEvent> events, String elfName, String elfSha256Hex) {
        Optional<String> printed = printedDigest(events);
        if (printed.isEmpty()) {
            return new FirmwareMatch(Outcome.UNKNOWN, "the board printed no ELF file SHA256, so whether " + elfName
                    + " is its firmware cannot be told");
        }
        String digest = printed.get();
        if (!FirmwareIdentity.canTell(digest)) {
            return new FirmwareMatch(Outcome.UNKNOWN, "the ELF file SHA256 the board printed (" + digest
                    + ") is too short to tell whether " + elfName + " is its firmware");
        }
        String actual = elfSha256Hex.substring(0, Math.min(16, elfSha256Hex.length()));
        if (FirmwareIdentity.matches(digest, elfSha256Hex)) {
            return new FirmwareMatch(Outcome.MATCH, elfName + " is the firmware the board runs (ELF file SHA256 "
                    + digest + "…)");
        }
        // the two earlier warnings (app and command line) in one sentence: both of their telling parts kept
        return new FirmwareMatch(Outcome.MISMATCH, "the board runs firmware " + digest + "… but " + elfName + " is "
                + actual + "…: names may be wrong (a stale or different build?)");
    }

    /** The only outcome worth a warning: names from this ELF would be plausible and wrong. */
    public boolean mismatch() {
        return outcome == Outcome.MISMATCH;
    }

    /** The digest the board printed last, if any. */
    public static Optional<String> printedDigest(List<LineEvent> events) {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).event() instanceof BoardEvent.ElfSha256 digest) {
                return Optional.of(digest.hexPrefix());
            }
        }
        return Optional.empty();
    }
}
