package dev.heapscope.ui;

import dev.heapscope.model.Dump;
import dev.heapscope.model.HeapSnapshot;
import dev.heapscope.session.Autosave;
import dev.heapscope.session.SessionSnapshot;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Whether the session shown has dumps or heap snapshots no explicit save wrote. Dumps only grow within a
 * session, so "all written" is "the newest one shown is the newest one accounted for" (saved, opened from
 * a file, or discarded by the user): one reference, no copy of the dumps. Read from any thread.
 */
public final class SavedState {
    private volatile SessionSnapshot shown;
    private volatile HeapSnapshot newestHeap;
    private volatile Dump accountedDump;
    private volatile HeapSnapshot accountedHeap;
    private final List<Path> keptAutosaves = new CopyOnWriteArrayList<>();

    void show(SessionSnapshot snapshot) {
        shown = snapshot;
    }

    void heapSnapshots(List<HeapSnapshot> taken) {
        newestHeap = taken.isEmpty() ? null : taken.get(taken.size() - 1);
    }

    public boolean unsaved() {
        Dump newest = newestDump(shown);
        return newest != null && newest != accountedDump || newestHeap != null && newestHeap != accountedHeap;
    }

    /** Dumps shown, for the question ("10 dumps not saved"). */
    public int dumpsShown() {
        SessionSnapshot now = shown;
        return now == null ? 0 : now.dumps().size();
    }

    /** The dumps shown when some are unsaved; 0 when only heap snapshots are (the question then names those). */
    public int unsavedDumps() {
        Dump newest = newestDump(shown);
        return newest != null && newest != accountedDump ? dumpsShown() : 0;
    }

    /** What is shown now was written by a save, came from a file, or the user let it go. */
    public void accountForShown() {
        accountFor(shown);
        accountedHeap = newestHeap;
    }

    /** A snapshot about to be shown that came from a file: nothing in it is at risk. */
    public void accountFor(SessionSnapshot snapshot) {
        accountedDump = newestDump(snapshot);
    }

    /** As {@link #accountFor(SessionSnapshot)}, with the heap snapshots the file holds (about to be shown too). */
    public void accountFor(SessionSnapshot snapshot, List<HeapSnapshot> heaps) {
        accountFor(snapshot);
        accountedHeap = heaps.isEmpty() ? null : heaps.get(heaps.size() - 1);
    }

    /** Asked when a session closes: its autosave stays while it holds unsaved dumps. */
    boolean keepAutosave(Path folder) {
        if (!unsaved()) {
            return false;
        }
        keptAutosaves.add(folder);
        return true;
    }

    /** Deletes the autosaves kept for closed sessions (the user saved or discarded their dumps). */
    void discardKeptAutosaves() {
        for (Path folder : keptAutosaves) {
            Autosave.discard(folder);
            keptAutosaves.remove(folder);
        }
    }

    List<Path> keptAutosaves() {
        return List.copyOf(keptAutosaves);
    }

    private static Dump newestDump(SessionSnapshot snapshot) {
        return snapshot == null || snapshot.dumps().isEmpty() ? null : snapshot.dumps().get(snapshot.dumps().size() - 1);
    }
}
