package dev.heapscope.ui;

import dev.heapscope.session.ConnectionState;
import dev.heapscope.session.SessionStore;
import dev.heapscope.session.SessionSnapshot;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Save / Discard / Cancel before Connect, Open and quit replace a session with unsaved dumps; views reset. */
class UnsavedSessionUiTest extends WindowTestBase {
    private final List<String> asked = new CopyOnWriteArrayList<>();

    private void answer(UnsavedGuard.Choice choice) throws Exception {
        onFx(() -> {
            window.unsaved().answerWith((dumps, action) -> {
                asked.add(dumps + " dumps, " + action);
                return choice;
            });
            return null;
        });
    }

    private SessionSnapshot shown() throws Exception {
        return onFx(() -> session.snapshotProperty().get());
    }

    @Test
    void cancelLeavesTheSessionAndItsViewsAsTheyWere() throws Exception {
        runGuidedHunt();
        waitUntil("the hunt's diff", () -> !window.diff().lines().isEmpty());
        int dumps = shown().dumps().size();
        robot.clickOn("#disconnect"); // Connect is off while connected
        waitUntil("disconnected", () -> session.connectionProperty().get() == ConnectionState.DISCONNECTED);
        answer(UnsavedGuard.Choice.CANCEL);
        robot.clickOn("#connect");
        waitUntil("asked", () -> asked.size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(asked).containsExactly(dumps + " dumps, connect");
        assertThat(shown().dumps()).hasSize(dumps);
        assertThat(onFx(() -> window.diff().lines())).isNotEmpty();
        assertThat(onFx(() -> session.saved().unsaved())).isTrue();
    }

    @Test
    void discardAndConnectStartsAFreshBoardWithNoOldDiffAndDeletesTheOldAutosave() throws Exception {
        runGuidedHunt();
        waitUntil("the hunt's diff", () -> !window.diff().lines().isEmpty());
        robot.clickOn("#disconnect"); // the autosave of a session with unsaved dumps outlives the disconnect
        waitUntil("disconnected, its autosave kept", () -> session.connectionProperty().get()
                == ConnectionState.DISCONNECTED && !session.saved().keptAutosaves().isEmpty());
        assertThat(onFx(() -> session.saved().keptAutosaves())).singleElement().satisfies(d -> assertThat(d).exists());
        Path oldAutosave = onFx(() -> session.saved().keptAutosaves().get(0));
        answer(UnsavedGuard.Choice.DISCARD);
        robot.clickOn("#connect");
        waitUntil("a fresh board, no dumps", () -> session.connectionProperty().get() == ConnectionState.CONNECTED
                && session.snapshotProperty().get().dumps().isEmpty());
        assertThat(asked).hasSize(1);
        // the new session's autosave may reuse the name (ids are per second): what is there is not the hunt's
        assertThat(oldAutosave.resolve("transcript.bin").toFile().exists()
                ? Files.readString(oldAutosave.resolve("transcript.bin"), java.nio.charset.StandardCharsets.ISO_8859_1)
                : "").doesNotContain("heaptrace.start");
        assertThat(onFx(() -> session.saved().keptAutosaves())).isEmpty();
        assertThat(onFx(() -> window.diff().lines())).isEmpty();
        assertThat(onFx(() -> window.diff().summaryText())).isEmpty();
        assertThat(onFx(() -> window.analysis().rangeProperty().get())).isNull();
        assertThat(leakRows()).isEmpty();
    }

    @Test
    void saveWritesTheSessionThenOpensTheFile() throws Exception {
        runGuidedHunt();
        int dumps = shown().dumps().size();
        Path file = data.resolve("before-open" + SessionStore.EXTENSION);
        answer(UnsavedGuard.Choice.SAVE);
        onFx(() -> {
            window.unsaved().saveWith(() -> window.files().save(file).handle((ok, error) -> error == null));
            return null;
        });
        onFx(() -> {
            window.files().openAsked(file);
            return null;
        });
        waitUntil("saved, then opened", () -> session.messageProperty().get().startsWith("Opened before-open"));
        assertThat(asked).containsExactly(dumps + " dumps, open before-open.heapscope");
        assertThat(Files.size(file)).isPositive();
        assertThat(shown().dumps()).hasSize(dumps);
        assertThat(onFx(() -> session.saved().unsaved())).as("a session opened from a file is saved").isFalse();
    }

    @Test
    void quittingAsksAndCancelKeepsTheWindowOpen() throws Exception {
        runGuidedHunt();
        Stage quitting = onFx(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene(new Pane(), 200, 100));
            window.unsaved().guardQuit(stage);
            stage.show();
            return stage;
        });
        answer(UnsavedGuard.Choice.CANCEL);
        onFx(() -> {
            quitting.fireEvent(new WindowEvent(quitting, WindowEvent.WINDOW_CLOSE_REQUEST));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(quitting::isShowing)).isTrue();
        answer(UnsavedGuard.Choice.DISCARD);
        onFx(() -> {
            quitting.fireEvent(new WindowEvent(quitting, WindowEvent.WINDOW_CLOSE_REQUEST));
            return null;
        });
        waitUntil("closed after Discard", () -> !quitting.isShowing());
        assertThat(asked).hasSize(2).allMatch(line -> line.endsWith("quit"));
    }
}
