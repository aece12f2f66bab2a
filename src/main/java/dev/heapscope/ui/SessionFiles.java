package dev.heapscope.ui;

import dev.heapscope.session.Autosave;
import dev.heapscope.session.Sessions;
import dev.heapscope.session.ConnectionState;
import dev.heapscope.session.ProfilingSession;
import dev.heapscope.session.SavedSession;
import dev.heapscope.session.SessionSnapshot;
import dev.heapscope.session.SessionStore;
import dev.heapscope.session.TraceState;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** File actions: save the live session (Ctrl+S), open a saved one (Ctrl+O), recover an autosave. */
final class SessionFiles {
    private static final System.Logger LOG = System.getLogger(SessionFiles.class.getName());

    private final SessionViewModel session;
    private final Executor work;
    private volatile SavedSession shown;
    private volatile Path recoveredFrom;
    private final RecentSessions recent;
    private volatile java.util.function.Consumer<dev.heapscope.analysis.CallTree> foldedViewer;
    private volatile java.util.function.Consumer<List<dev.heapscope.model.LuaAllocationProfile>> profilesViewer = found -> { };
    private UnsavedGuard guard;

    SessionFiles(SessionViewModel session, Executor work) {
        this(session, work, RecentSessions.in(session.dataDirectory()));
    }

    SessionFiles(SessionViewModel session, Executor work, RecentSessions recent) {
        this.session = session;
        this.work = work;
        this.recent = recent;
    }

    /** The recent sessions and logs, newest first (File menu). */
    List<Path> recentFiles() {
        return recent.list();
    }

    /** The session opened from a file or recovered, or null: what is saved or exported when none is live. */
    SavedSession shown() {
        return shown;
    }

    /** A dropped or chosen file: a saved session, or any text log with dumps (monitor output, a paste). */
    CompletableFuture<SavedSession> openAny(Path file) {
        if (SessionStore.isSessionFile(file) || !Files.isRegularFile(file)) {
            return open(file); // opened, or refused in words, as a session
        }
        if (foldedViewer != null && isFolded(file)) {
            openFolded(file);
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                return Sessions.openFile(file);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, work).whenComplete((saved, error) -> {
            if (saved != null) {
                recent.add(file);
                session.saved().accountFor(saved.snapshot());
                show(saved, "Opened the log " + file.getFileName() + ": " + saved.dumps().size() + " dumps");
            }
            report(error, null, "Cannot open: ");
        });
    }

    /** Where folded stacks of other tools are shown (called on a worker thread); null: not offered. */
    void showFoldedIn(java.util.function.Consumer<dev.heapscope.analysis.CallTree> viewer) {
        this.foldedViewer = viewer;
    }

    private static boolean isFolded(Path file) {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(1 << 16);
            return dev.heapscope.analysis.FoldedStacksReader.looksFolded(
                    new String(head, java.nio.charset.StandardCharsets.ISO_8859_1), head.length == 1 << 16);
        } catch (IOException e) {
            return false;
        }
    }

    private void openFolded(Path file) {
        CompletableFuture.supplyAsync(() -> {
            try {
                return dev.heapscope.analysis.FoldedStacksReader.read(file, dev.heapscope.analysis.Weight.BYTES);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, work).whenComplete((folded, error) -> {
            if (folded != null) {
                recent.add(file);
                foldedViewer.accept(folded.tree());
            }
            report(error, folded == null ? null : "Opened folded stacks " + file.getFileName() + ": "
                    + folded.stackLines() + " stacks", "Cannot open: ");
        });
    }

    /** Files dragged onto the window open as sessions or logs. */
    void acceptDrops(Scene scene) {
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(javafx.scene.input.TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            List<File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
            if (!files.isEmpty()) {
                openAsked(files.get(0).toPath());
            }
            e.setDropCompleted(!files.isEmpty());
            e.consume();
        });
    }

    /** Completes with whether the session was saved (false: the chooser was cancelled, or the save failed). */
    CompletableFuture<Boolean> askSave(Scene scene) {
        FileChooser chooser = chooser("Save session");
        chooser.setInitialFileName("session" + SessionStore.EXTENSION);
        File file = chooser.showSaveDialog(scene.getWindow());
        return file == null ? CompletableFuture.completedFuture(false) : save(file.toPath()).handle((ok, e) -> e == null);
    }

    void guardWith(UnsavedGuard unsaved) { this.guard = unsaved; }

    /** Opens a file the user chose (menu, recent list, drop), asking first when unsaved dumps would go. */
    void openAsked(Path file) {
        guarded("open " + file.getFileName(), () -> openAny(file));
    }

    private void guarded(String action, Runnable then) { // no guard: tests of the file actions alone
        java.util.Optional.ofNullable(guard).ifPresentOrElse(g -> g.replaceSession(action, then), then);
    }

    void askOpen(Scene scene) {
        FileChooser chooser = chooser("Open a session or a console log");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Console logs", "*.log", "*.txt"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*"));
        File file = chooser.showOpenDialog(scene.getWindow());
        if (file != null) {
            openAsked(file.toPath());
        }
    }

    /** Saves the live session, else the one shown from a file. */
    CompletableFuture<Void> save(Path file) {
        ProfilingSession live = session.liveSession();
        CompletableFuture<SavedSession> content;
        Path saved = null;
        if (live != null) {
            String profile = session.profileProperty().get() == null ? null : session.profileProperty().get().name();
            java.util.List<dev.heapscope.model.HeapSnapshot> heaps = session.luaHeap().shown();
            content = live.snapshot().thenCombine(live.transcript(), (snap, bytes) -> SavedSession.of(snap, bytes, profile,
                    session.names().elfFile(), session.names().symbolizer(), session.luaHeap().heldBy(), heaps));
        } else if (shown != null) {
            content = CompletableFuture.completedFuture(shown);
            saved = recoveredFrom;
        } else {
            return CompletableFuture.failedFuture(new IllegalStateException("no session to save"));
        }
        Path autosaveDone = saved;
        return content.thenAcceptAsync(contents -> {
            try {
                SessionStore.save(contents, file);
                recent.add(file);
                session.onFx(session.saved()::accountForShown); // what is shown is written now
                if (autosaveDone != null) { // the recovered autosave is now safe in the file
                    Autosave.discard(autosaveDone);
                    recoveredFrom = null;
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, work).whenComplete((ok, error) -> report(error, "Saved the session to " + file, "Cannot save: "));
    }

    CompletableFuture<SavedSession> open(Path file) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return Sessions.openFile(file);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, work).whenComplete((saved, error) -> {
            if (saved != null) {
                recoveredFrom = null;
                recent.add(file);
                session.saved().accountFor(saved.snapshot(), saved.heapSnapshots());
                show(saved, "Opened " + file.getFileName() + ": " + saved.dumps().size() + " dumps"
                        + heapsIn(saved));
            }
            report(error, null, "Cannot open: ");
        });
    }

    /** At startup: offers to recover the newest leftover autosave, without blocking the window. */
    void offerRecovery(Path root) {
        work.execute(() -> {
            List<Path> leftovers = Autosave.findRecoverable(root);
            if (leftovers.isEmpty()) {
                return;
            }
            Path newest = leftovers.get(0);
            String question = RecoveryText.describe(newest, java.time.ZoneId.systemDefault());
            Platform.runLater(() -> {
                ButtonType recover = new ButtonType("Recover", ButtonBar.ButtonData.OK_DONE);
                ButtonType discard = new ButtonType("Discard", ButtonBar.ButtonData.OTHER);
                ButtonType later = new ButtonType("Later", ButtonBar.ButtonData.CANCEL_CLOSE);
                Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, recover, discard, later);
                alert.setHeaderText("Unsaved session found");
                alert.setOnHidden(e -> {
                    if (alert.getResult() == recover) {
                        guarded("recover that session", () -> recover(newest));
                    } else if (alert.getResult() == discard) {
                        work.execute(() -> Autosave.discard(newest));
                    }
                });
                alert.show();
            });
        });
    }

    CompletableFuture<SavedSession> recover(Path directory) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return Autosave.recover(directory);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, work).whenComplete((saved, error) -> {
            if (saved != null) {
                recoveredFrom = directory;
                show(saved, "Recovered " + saved.dumps().size() + " dumps" + heapsIn(saved)
                        + "; save with Ctrl+S (the autosave stays until then)");
            }
            report(error, null, "Cannot recover: ");
        });
    }

    /** Who shows the Lua allocation profiles a saved transcript holds (the Flame tab's Lua view); called off the FX thread. */
    void showLuaProfilesWith(java.util.function.Consumer<List<dev.heapscope.model.LuaAllocationProfile>> viewer) {
        profilesViewer = viewer;
    }

    private void show(SavedSession saved, String text) {
        shown = saved;
        session.names().reset(saved.symbolizer(), null); // the names it was saved with, not the last board's
        session.luaHeap().showSaved(saved.heldBy(), saved.heapSnapshots());
        // read here, on the worker: the transcript is scanned once, and the FX thread only adds the results
        List<dev.heapscope.model.LuaAllocationProfile> profiles = saved.luaProfiles();
        profilesViewer.accept(profiles);
        session.showSaved(saved.snapshot(), text + profilesIn(profiles));
    }

    private static String profilesIn(List<dev.heapscope.model.LuaAllocationProfile> profiles) {
        return profiles.isEmpty() ? "" : profiles.size() == 1 ? "; 1 Lua allocation profile (Flame graph › Lua allocations)"
                : "; " + profiles.size() + " Lua allocation profiles (Flame graph › Lua allocations)";
    }

    private static String heapsIn(SavedSession saved) {
        int heaps = saved.heapSnapshots().size();
        return heaps == 0 ? "" : heaps == 1 ? " and 1 heap snapshot (Retained by)" : " and " + heaps
                + " heap snapshots (Retained by)";
    }

    private void report(Throwable error, String success, String failure) {
        if (error != null) {
            session.onFx(() -> session.say(failure + UserMessages.reason(error)));
        } else if (success != null) {
            session.onFx(() -> session.say(success));
        }
    }

    private static FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("HeapScope sessions", "*" + SessionStore.EXTENSION));
        return chooser;
    }
}
