package dev.heapscope.ui.retained;

import dev.heapscope.model.HeapSnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RetainedNotesTest {
    private static HeapSnapshot snapshot(int number, String label) {
        return new HeapSnapshot(number, label, 0, List.of());
    }

    @Test
    void theNoteSaysWhereSizesComeFromAndWhichSnapshotIsCut() {
        assertThat(RetainedNotes.of(snapshot(1, "before"), null, false)).isEqualTo("Exact sizes, from the virtual board.");
        assertThat(RetainedNotes.of(snapshot(2, "agent, estimated"), snapshot(1, "agent, estimated, INCOMPLETE: board reset"),
                true)).startsWith("Sizes estimated by the agent").endsWith(" #1 is INCOMPLETE: only the objects before "
                + "the cut.");
    }

    @Test
    void aRealBoardsRecordsPointToTheSnapshotsInstead() {
        assertThat(RetainedNotes.of(null, null, true)).startsWith("A real board's dump does not say which Lua object holds");
        assertThat(RetainedNotes.of(null, null, false)).isEmpty();
    }
}
