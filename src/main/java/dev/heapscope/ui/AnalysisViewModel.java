package dev.heapscope.ui;

import dev.heapscope.analysis.DumpDiff;
import dev.heapscope.analysis.LeakTable;
import dev.heapscope.model.Dump;
import dev.heapscope.model.Record;
import dev.heapscope.session.SessionSnapshot;
import dev.heapscope.symbols.Symbolizer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Which dump the analysis views show, and the grouped records computed off the FX thread.
 * {@link #selectedProperty()} is the dump shown; with a {@link #baseProperty()} only the records new
 * since the base are shown (the diff's appeared records).
 */
public final class AnalysisViewModel {
    private final Executor fx;
    private final Executor work;
    private final Supplier<Symbolizer> symbolizer;
    private final ObservableList<Dump> dumps = FXCollections.observableArrayList();
    private final ObjectProperty<Dump> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<Dump> base = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Analysis> analysis = new ReadOnlyObjectWrapper<>(Analysis.EMPTY);
    private int generation;

    public AnalysisViewModel(Executor fx, Executor work, Supplier<Symbolizer> symbolizer) {
        this.fx = fx;
        this.work = work;
        this.symbolizer = symbolizer;
        selected.addListener((obs, old, now) -> recompute());
        base.addListener((obs, old, now) -> recompute());
    }

    /** Takes the snapshot's dumps; a new dump becomes the selection when the newest one was selected. FX thread. */
    public void update(SessionSnapshot snapshot) {
        List<Dump> next = snapshot == null ? List.of() : snapshot.dumps();
        if (next.size() == dumps.size()) {
            return;
        }
        Dump previousNewest = dumps.isEmpty() ? null : dumps.get(dumps.size() - 1);
        // A diff the user (or the hunt) chose stays put; a plain "newest dump" view follows new dumps.
        boolean followNewest = base.get() == null && (selected.get() == null || selected.get() == previousNewest);
        dumps.setAll(next);
        if (next.isEmpty()) {
            base.set(null);
            selected.set(null);
        } else if (followNewest) {
            base.set(null);
            selected.set(next.get(next.size() - 1));
        }
    }

    /** Shows the records new in {@code after} since {@code before}. */
    public void showNewSince(Dump before, Dump after) {
        base.set(before);
        selected.set(after);
    }

    /** Shows every live record of {@code dump}. */
    public void showLive(Dump dump) {
        base.set(null);
        selected.set(dump);
    }

    private void recompute() {
        int mine = ++generation;
        Dump after = selected.get();
        Dump before = base.get();
        Symbolizer names = symbolizer.get();
        if (after == null) {
            analysis.set(Analysis.EMPTY);
            return;
        }
        CompletableFuture.supplyAsync(() -> compute(before, after, names), work)
                .thenAccept(result -> fx.execute(() -> {
                    if (mine == generation) {
                        analysis.set(result);
                    }
                }));
    }

    static Analysis compute(Dump before, Dump after, Symbolizer names) {
        List<Record> records = before == null ? after.liveRecords() : DumpDiff.between(before, after).appeared();
        String title = before == null ? "Live in dump #" + (after.index() + 1)
                : "New in dump #" + (after.index() + 1) + " since dump #" + (before.index() + 1);
        return new Analysis(title, records, LeakTable.of(records), names);
    }

    public ObservableList<Dump> dumps() {
        return dumps;
    }

    public ObjectProperty<Dump> selectedProperty() {
        return selected;
    }

    public ObjectProperty<Dump> baseProperty() {
        return base;
    }

    public ReadOnlyObjectProperty<Analysis> analysisProperty() {
        return analysis.getReadOnlyProperty();
    }
}
