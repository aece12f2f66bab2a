package dev.heapscope.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Asks before an action replaces a session with unsaved dumps (connect, open, recover, quit): Save (the
 * normal save, then go on), Discard (go on; the old session's autosave is deleted) or Cancel (nothing
 * happens). The prompt and the save are injectable so tests can answer. FX thread.
 */
public final class UnsavedGuard {
    public enum Choice { SAVE, DISCARD, CANCEL }

    /**
     * Asks the user; {@code unsavedDumps} (0: only heap snapshots are unsaved) and {@code action} ("connect", "open a
     * file", "quit") are for the question.
     */
    @FunctionalInterface
    public interface Prompt {
        Choice ask(int unsavedDumps, String action);
    }

    private final SavedState saved;
    private Prompt prompt = UnsavedGuard::alert;
    private Supplier<CompletableFuture<Boolean>> save;
    private Runnable replaced = () -> { };

    /** @param save the normal save (file chooser, then write); completes with false when not saved */
    UnsavedGuard(SavedState saved, Supplier<CompletableFuture<Boolean>> save) {
        this.saved = saved;
        this.save = save;
    }

    /** For tests: answers instead of the dialog. */
    public void answerWith(Prompt answers) {
        prompt = answers;
    }

    /** For tests: saves instead of the file chooser. */
    public void saveWith(Supplier<CompletableFuture<Boolean>> saver) {
        save = saver;
    }

    /** Runs when an action went ahead and replaces the session (the views reset). */
    void onReplace(Runnable action) {
        replaced = action;
    }

    /**
     * Completes with true when {@code action} may go on: nothing unsaved, Discard, or Save that saved. Cancel,
     * or a save that failed or was cancelled, completes with false and leaves everything as it was.
     */
    public CompletableFuture<Boolean> confirm(String action) {
        if (!saved.unsaved()) {
            saved.discardKeptAutosaves(); // a closed session's autosave whose dumps were all saved
            return CompletableFuture.completedFuture(true);
        }
        return switch (prompt.ask(saved.unsavedDumps(), action)) {
            case CANCEL -> CompletableFuture.completedFuture(false);
            case DISCARD -> {
                saved.accountForShown();
                saved.discardKeptAutosaves();
                yield CompletableFuture.completedFuture(true);
            }
            case SAVE -> save.get().exceptionally(error -> false).thenApply(done -> {
                if (done) {
                    saved.accountForShown();
                    saved.discardKeptAutosaves();
                }
                return done;
            });
        };
    }

    /** Asks, then (on the FX thread, only when allowed) resets the views and runs {@code action}. */
    public CompletableFuture<Boolean> replaceSession(String action, Runnable then) {
        return confirm(action).thenApply(go -> {
            if (go) {
                javafx.application.Platform.runLater(() -> {
                    replaced.run();
                    then.run();
                });
            }
            return go;
        });
    }

    /** Closing the window asks too; Cancel (or a save not done) keeps it open. */
    public void guardQuit(javafx.stage.Stage stage) {
        stage.setOnCloseRequest(e -> {
            if (saved.unsaved()) {
                e.consume();
                confirm("quit").thenAccept(go -> {
                    if (go) {
                        javafx.application.Platform.runLater(stage::close);
                    }
                });
            }
        });
    }

    private static Choice alert(int unsavedDumps, String action) {
        ButtonType save = new ButtonType("Save…", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Discard", ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        String what = unsavedDumps == 1 ? "1 dump" : unsavedDumps == 0 ? "heap snapshots" : unsavedDumps + " dumps";
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "The session shown has " + what + " that no save has "
                + "written. Save them before you " + action + "? Discard loses them (and their autosave).",
                save, discard, cancel);
        alert.setTitle("Unsaved session");
        alert.setHeaderText("Save the session before you " + action + "?");
        // Enter saves, Esc cancels, Tab and the arrow keys move between the three buttons
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(save)).setDefaultButton(true);
        ButtonType answer = alert.showAndWait().orElse(cancel);
        return answer == save ? Choice.SAVE : answer == discard ? Choice.DISCARD : Choice.CANCEL;
    }
}
