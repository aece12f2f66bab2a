package dev.heapscope.ui;

import dev.heapscope.export.LogExport;
import dev.heapscope.session.ProfilingSession;
import dev.heapscope.session.SavedSession;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * File › Export: the session on screen (the live one, else the one opened from a file) written as the
 * command line writes it ({@link LogExport}), on a worker thread; the status bar says where it went. A
 * file appears whole or not at all: written beside its target, then moved over it.
 */
final class SessionExports {
    private final SessionViewModel session;
    private final Supplier<SavedSession> shown;
    private final Executor work;
    private volatile Supplier<dev.heapscope.ui.flame.LuaProfiles.Entry> luaShown = () -> null;

    /** @param shown the session opened from a file or recovered, or null; used when none is live */
    SessionExports(SessionViewModel session, Supplier<SavedSession> shown, Executor work) {
        this.session = session;
        this.shown = shown;
        this.work = work;
    }

    /**
     * While {@code shown} gives a Lua allocation profile (the Flame graph shows it), the flame formats export that
     * profile instead of the heap trace.
     */
    void luaProfileWhen(Supplier<dev.heapscope.ui.flame.LuaProfiles.Entry> shown) {
        luaShown = shown;
    }

    /** Asks where (FX thread), then exports there. */
    void ask(LogExport.Format format, Window owner) {
        var lua = LuaFlameExports.handles(format) ? luaShown.get() : null;
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export " + (lua == null ? "" : "Lua allocations as ") + format.title());
        chooser.setInitialFileName(lua == null ? format.fileName("heapscope-session") : LuaFlameExports.fileName(format, lua));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.title(), "*." + format.extension()));
        File file = chooser.showSaveDialog(owner);
        if (file != null) {
            export(format, file.toPath());
        }
    }

    /** Writes {@code format} to {@code file}; completes with the file, or fails after saying why in the status bar. */
    CompletableFuture<Path> export(LogExport.Format format, Path file) {
        var lua = LuaFlameExports.handles(format) ? luaShown.get() : null;
        if (lua != null) {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    writeWhole(file, out -> LuaFlameExports.write(format, lua, out));
                    return file;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, work).whenComplete((written, error) -> session.onFx(() -> session.say(error == null
                    ? "Lua allocations #" + lua.number() + " exported as " + format.title() + " to " + written
                    : "Cannot export the Lua allocations: " + UserMessages.reason(error))));
        }
        return content().thenApplyAsync(exporter -> {
            try {
                writeWhole(file, out -> exporter.write(format, out));
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, work).whenComplete((written, error) -> session.onFx(() -> session.say(error == null
                ? format.title() + " exported to " + written
                : "Cannot export " + format.title() + ": " + UserMessages.reason(error))));
    }

    private CompletableFuture<LogExport> content() {
        ProfilingSession live = session.liveSession();
        String board = session.profileProperty().get() == null ? null : session.profileProperty().get().name();
        if (live != null) {
            return live.snapshot().thenCombine(live.transcript(), (snapshot, bytes) -> {
                SavedSession now = SavedSession.of(snapshot, bytes, board, session.names().elfFile());
                return exporter(now, board == null ? "serial board" : board);
            });
        }
        SavedSession saved = shown.get();
        if (saved == null) {
            return UserMessages.failed("nothing to export yet: connect to a board or open a session.");
        }
        return CompletableFuture.completedFuture(exporter(saved, saved.manifest().board() == null ? "saved session"
                : saved.manifest().board()));
    }

    private LogExport exporter(SavedSession saved, String name) {
        return new LogExport(name, saved.log(), saved.transcript(), session.names().symbolizer());
    }

    private interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private static void writeWhole(Path file, Body body) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path partial = Files.createTempFile(folder, ".heapscope-export", ".part");
        try {
            try (OutputStream out = Files.newOutputStream(partial)) {
                body.writeTo(out);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
