package dev.heapscope.ui;

import dev.heapscope.session.Autosave;
import dev.heapscope.session.SessionManifest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What the recovery question says about a leftover autosave: when it started, on which board and how many
 * dumps it holds, in the user's words, never the folder's internal name.
 */
final class RecoveryText {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private RecoveryText() {
    }

    /** "A session did not end cleanly: started 2026-01-01 10:04 on Simulator (esp32-devkitc), 3 dumps." */
    static String describe(Path leftover, ZoneId zone) {
        Optional<SessionManifest> manifest = Autosave.manifestOf(leftover);
        Instant started = manifest.map(SessionManifest::createdAt).flatMap(RecoveryText::instant)
                .or(() -> modified(leftover)).orElse(null);
        StringBuilder text = new StringBuilder("A session did not end cleanly");
        text.append(started == null ? "" : ": started " + WHEN.withZone(zone).format(started));
        String board = manifest.map(SessionManifest::board).filter(b -> !b.isBlank()).orElse(null);
        text.append(board == null ? "" : (started == null ? ": on " : " on ") + board);
        manifest.ifPresent(m -> text.append(", ").append(m.dumpCount()).append(m.dumpCount() == 1 ? " dump" : " dumps"));
        return text.append(". Recover it? Save it with Ctrl+S to keep it.").toString();
    }

    private static Optional<Instant> instant(String iso) {
        try {
            return Optional.of(Instant.parse(iso));
        } catch (DateTimeParseException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** Without a manifest (killed before its first write): when its transcript last grew. */
    private static Optional<Instant> modified(Path leftover) {
        try {
            return Optional.of(Files.getLastModifiedTime(leftover.resolve("transcript.bin")).toInstant());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
