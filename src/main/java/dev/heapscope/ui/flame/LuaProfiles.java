package dev.heapscope.ui.flame;

import dev.heapscope.model.LuaAllocationProfile;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The allocation profiles of this session, oldest first, and the one the Lua flame graph shows: the latest unless
 * the user chose an earlier one. Profiles come from anywhere (a run in the app, a saved session): {@link #add}.
 * FX thread only.
 */
public final class LuaProfiles {
    /** Profiles kept; the oldest go first (each is small: the board keeps at most 64 lines and 64 stacks). */
    public static final int MAX_KEPT = 100;

    /**
     * One profile as the chooser lists it.
     *
     * @param number   its place in the session, from 1
     * @param workload what ran under the profiler, as the user named it
     */
    public record Entry(int number, String workload, LuaAllocationProfile profile) {
        @Override
        public String toString() {
            return LuaProfileTexts.choice(this);
        }
    }

    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    private final ObservableList<Entry> readOnly = FXCollections.unmodifiableObservableList(entries);
    private final ReadOnlyObjectWrapper<Entry> shown = new ReadOnlyObjectWrapper<>();
    private int numbered;

    /** Adds a profile of an unnamed workload (one read from a file) and shows it. */
    public Entry add(LuaAllocationProfile profile) {
        return add(profile.id() >= 0 ? "profile " + profile.id() : "profile", profile);
    }

    /** Adds a profile and shows it: the newest is what the user asked for last. */
    public Entry add(String workload, LuaAllocationProfile profile) {
        Entry entry = new Entry(++numbered, workload, profile);
        entries.add(entry);
        if (entries.size() > MAX_KEPT) {
            entries.remove(0, entries.size() - MAX_KEPT);
        }
        shown.set(entry);
        return entry;
    }

    /** Shows an entry of the list; one not in it (dropped, or from another session) is ignored. */
    public void show(Entry entry) {
        if (entry != null && entries.contains(entry)) {
            shown.set(entry);
        }
    }

    /** A new board or session: its profiles start from none. */
    public void clear() {
        entries.clear();
        numbered = 0;
        shown.set(null);
    }

    public ObservableList<Entry> entries() {
        return readOnly;
    }

    /** The entry drawn, or null when there is none. */
    public ReadOnlyObjectProperty<Entry> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public Entry shown() {
        return shown.get();
    }
}
