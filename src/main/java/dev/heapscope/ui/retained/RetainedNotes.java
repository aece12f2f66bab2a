package dev.heapscope.ui.retained;

import dev.heapscope.model.HeapSnapshot;
import dev.heapscope.ui.common.SnapshotOrigin;

/** The note beside the Retained-by choice: where what is shown comes from and how far to trust its sizes. */
final class RetainedNotes {
    private RetainedNotes() {
    }

    /**
     * @param snapshot      the snapshot shown (the later one of a growth), or null for the records in Leaks
     * @param before        the earlier one of a growth, or null
     * @param holdersUnknown the records' dump does not say what holds their blocks (a real board's)
     */
    static String of(HeapSnapshot snapshot, HeapSnapshot before, boolean holdersUnknown) {
        if (snapshot == null) {
            return holdersUnknown ? "A real board's dump does not say which Lua object holds a block: "
                    + "take two heap snapshots and show their growth." : "";
        }
        boolean agent = SnapshotOrigin.byAgent(snapshot) || before != null && SnapshotOrigin.byAgent(before);
        String cut = "";
        for (HeapSnapshot one : before == null ? java.util.List.of(snapshot) : java.util.List.of(before, snapshot)) {
            if (SnapshotOrigin.incomplete(one)) {
                cut += " #" + one.number() + " is INCOMPLETE: only the objects before the cut.";
            }
        }
        return (agent ? "Sizes estimated by the agent."
                : "Exact sizes, from the virtual board.") + cut;
    }
}
