package dev.heapscope.ui;

import dev.heapscope.model.Dump;
import dev.heapscope.session.ConnectionState;
import dev.heapscope.session.SessionSnapshot;
import dev.heapscope.session.TraceState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static dev.heapscope.analysis.TestRecords.dump;
import static dev.heapscope.analysis.TestRecords.live;
import static org.assertj.core.api.Assertions.assertThat;

class UnsavedGuardTest {
    @TempDir
    Path dir;
    private final SavedState saved = new SavedState();
    private final List<String> asked = new ArrayList<>();
    private boolean saveSucceeds = true;
    private final UnsavedGuard guard = new UnsavedGuard(saved, () -> CompletableFuture.completedFuture(saveSucceeds));

    private static SessionSnapshot with(List<Dump> dumps) {
        return new SessionSnapshot(ConnectionState.CONNECTED, TraceState.UNKNOWN, null, "test", dumps, List.of(),
                List.of(), List.of(), List.of(), List.of(), 0);
    }

    private void answer(UnsavedGuard.Choice choice) {
        guard.answerWith((dumps, action) -> {
            asked.add(dumps + " " + action);
            return choice;
        });
    }

    @Test
    void nothingIsAskedWithoutDumpsOrAfterASave() {
        answer(UnsavedGuard.Choice.CANCEL);
        saved.show(with(List.of()));
        assertThat(guard.confirm("connect")).isCompletedWithValue(true);
        saved.show(with(List.of(dump(List.of(live(16, 0x3ffb0000, 0x400d0000))))));
        assertThat(saved.unsaved()).isTrue();
        saved.accountForShown(); // a save wrote it
        assertThat(guard.confirm("connect")).isCompletedWithValue(true);
        assertThat(asked).isEmpty();
    }

    @Test
    void cancelStopsTheActionDiscardLetsItGoAndForgetsTheDumps() {
        saved.show(with(List.of(dump(List.of()), dump(List.of()))));
        answer(UnsavedGuard.Choice.CANCEL);
        assertThat(guard.confirm("connect")).isCompletedWithValue(false);
        assertThat(saved.unsaved()).isTrue();
        answer(UnsavedGuard.Choice.DISCARD);
        assertThat(guard.confirm("open a file")).isCompletedWithValue(true);
        assertThat(asked).containsExactly("2 connect", "2 open a file");
        assertThat(saved.unsaved()).isFalse();
    }

    @Test
    void saveGoesOnOnlyWhenTheSaveWasDone() {
        saved.show(with(List.of(dump(List.of()))));
        answer(UnsavedGuard.Choice.SAVE);
        saveSucceeds = false; // the file chooser was cancelled
        assertThat(guard.confirm("quit")).isCompletedWithValue(false);
        assertThat(saved.unsaved()).isTrue();
        saveSucceeds = true;
        assertThat(guard.confirm("quit")).isCompletedWithValue(true);
        assertThat(saved.unsaved()).isFalse();
    }

    @Test
    void aClosedSessionsAutosaveIsKeptWhileUnsavedAndDeletedOnDiscard() throws Exception {
        Path kept = Files.createDirectories(dir.resolve("autosave"));
        Files.writeString(kept.resolve("transcript.bin"), "bytes");
        Path clean = dir.resolve("clean");
        saved.show(with(List.of()));
        assertThat(saved.keepAutosave(clean)).isFalse();
        saved.show(with(List.of(dump(List.of()))));
        assertThat(saved.keepAutosave(kept)).isTrue();
        answer(UnsavedGuard.Choice.CANCEL);
        guard.confirm("connect");
        assertThat(kept).exists();
        answer(UnsavedGuard.Choice.DISCARD);
        guard.confirm("connect");
        assertThat(kept).doesNotExist();
        assertThat(saved.keptAutosaves()).isEmpty();
    }

    @Test
    void aNewHeapSnapshotIsUnsavedUntilSavedAndTheQuestionNamesIt() {
        dev.heapscope.model.HeapSnapshot first = new dev.heapscope.model.HeapSnapshot(1, "before", 0, List.of());
        dev.heapscope.model.HeapSnapshot second = new dev.heapscope.model.HeapSnapshot(2, "after", 0, List.of());
        saved.show(with(List.of(dump(List.of()))));
        saved.accountForShown(); // the dump was saved
        saved.heapSnapshots(List.of(first));
        assertThat(saved.unsaved()).as("a snapshot taken after the save").isTrue();
        answer(UnsavedGuard.Choice.CANCEL);
        assertThat(guard.confirm("connect")).isCompletedWithValue(false);
        assertThat(asked).as("no unsaved dump to name: the question names heap snapshots").containsExactly("0 connect");
        saved.accountForShown();
        assertThat(saved.unsaved()).isFalse();
        saved.heapSnapshots(List.of(first, second));
        assertThat(saved.unsaved()).isTrue();
        // a file about to be shown: its snapshots came from it, nothing is at risk
        saved.accountFor(with(List.of()), List.of(first, second));
        saved.show(with(List.of()));
        assertThat(saved.unsaved()).isFalse();
    }
}
