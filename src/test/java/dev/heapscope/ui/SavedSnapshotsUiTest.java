package dev.heapscope.ui;

import dev.heapscope.model.HeapSnapshot;
import dev.heapscope.model.RetainingPath;
import dev.heapscope.session.Autosave;
import dev.heapscope.session.DataDirectory;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Heap snapshots are part of the session: a new one makes it unsaved, the autosave keeps it, and a saved file or a
 * recovered autosave shows Retained by as it was, growth included.
 */
class SavedSnapshotsUiTest extends WindowTestBase {
    private DataDirectory directory;

    @Override
    void beforeWindowOpens(DataDirectory directory) {
        this.directory = directory;
    }

    @Test
    void snapshotsTakenLiveAreSavedAndComeBackWhenTheFileIsOpened() throws Exception {
        assertThat(session.saved().unsaved()).as("nothing yet").isFalse();
        showTab("console");
        send("/snapshot before");
        waitUntil("the first snapshot", () -> session.luaHeap().list().size() == 1);
        assertThat(session.saved().unsaved()).as("a new heap snapshot is unsaved").isTrue();
        showTab("console");
        paste("grown = {} for i = 1, 30 do grown[i] = {i} end");
        waitUntil("the tables made", () -> consoleLines().stream().anyMatch(line -> line.startsWith("> grown = {}")));
        send("/snapshot after");
        waitUntil("the growth shown", () -> session.luaHeap().list().size() == 2
                && window.retained().showing().startsWith("Growth from #1 to #2"));
        List<HeapSnapshot> live = onFx(() -> List.copyOf(session.luaHeap().list()));
        String growth = onFx(() -> window.retained().showing());
        waitUntil("both in the autosave", () -> autosaved().contains("\"after\""));

        Path file = data.resolve("snapshots.heapscope");
        window.files().save(file);
        waitUntil("saved", () -> status().equals("Saved the session to " + file));
        assertThat(session.saved().unsaved()).isFalse();

        window.files().openAsked(file);
        waitUntil("opened", () -> status().equals("Opened snapshots.heapscope: 0 dumps and 2 heap snapshots (Retained by)"));
        waitUntil("Retained by as it was", () -> session.luaHeap().list().equals(live)
                && window.retained().showing().equals(growth) && window.retained().icicle().tree() != null
                && window.retained().icicle().tree().totalValue() > 0);
        assertThat(text("#connection-state")).isEqualTo("disconnected");
        assertThat(session.saved().unsaved()).as("what came from a file is not at risk").isFalse();
        var tree = onFx(() -> window.retained().icicle().tree());
        int root = tree.children(tree.root())[0];
        assertThat(tree.name(root)).isEqualTo("_G");
        assertThat(tree.name(tree.children(root)[0])).isEqualTo(".grown");
    }

    @Test
    void aRecoveredAutosaveShowsItsSnapshotsAndIsUnsavedUntilSaved() throws Exception {
        Path folder;
        RetainingPath cache = new RetainingPath(List.of("_G", ".cache", "[*]"), "_G.cache[1]");
        HeapSnapshot before = new HeapSnapshot(1, "before \u00b7 agent, estimated", 0,
                List.of(new HeapSnapshot.HeapObject(1, 40, "table", cache)));
        HeapSnapshot after = new HeapSnapshot(2, "after \u00b7 agent, estimated, INCOMPLETE: board reset", 0,
                List.of(new HeapSnapshot.HeapObject(1, 40, "table", cache), new HeapSnapshot.HeapObject(2, 40, "table", cache)));
        Autosave autosave = Autosave.begin(data.resolve("elsewhere"), "/dev/ttyUSB0", null);
        Files.writeString(autosave.transcriptFile(), "> \r\n", StandardCharsets.US_ASCII);
        autosave.keepHeapSnapshots(() -> List.of(before, after));
        autosave.stop();
        folder = autosave.directory();

        window.files().recover(folder);
        waitUntil("recovered", () -> status().equals("Recovered 0 dumps and 2 heap snapshots (Retained by); "
                + "save with Ctrl+S (the autosave stays until then)"));
        waitUntil("both listed", () -> session.luaHeap().list().equals(List.of(before, after)));
        waitUntil("their growth shown", () -> window.retained().showing()
                .equals("Growth from #1 to #2: +40 bytes (estimated)"));
        assertThat(session.saved().unsaved()).as("recovered, not saved yet").isTrue();
    }

    /** What the window's own autosave holds of its heap snapshots, empty until written. */
    private String autosaved() throws Exception {
        try (Stream<Path> folders = Files.list(directory.autosaves())) {
            for (Path folder : folders.toList()) {
                Path part = folder.resolve("snapshots.json");
                if (Files.isRegularFile(part)) {
                    return Files.readString(part, StandardCharsets.UTF_8);
                }
            }
        }
        return "";
    }
}
