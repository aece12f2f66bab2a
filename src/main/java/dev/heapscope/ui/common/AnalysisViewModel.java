package dev.heapscope.ui.common;

import dev.heapscope.analysis.DumpDiff;
import dev.heapscope.analysis.LeakTable;
import dev.heapscope.analysis.timeline.DumpTimes;
import dev.heapscope.analysis.timeline.RecordsInRange;
import dev.heapscope.analysis.timeline.TimeRange;
import dev.heapscope.model.Dump;
import dev.heapscope.model.HeldBy;
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
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * Which dump the analysis views show, and the grouped records computed off the FX thread.
 * {@link #selectedProperty()} is the dump shown; with a {@link #baseProperty()} only the records new
 * since the base are shown (the diff's appeared records). With a {@link #rangeProperty()} only those
 * allocated in that time range (estimated from ccounts, see {@link DumpTimes}) are shown.
 */
public final class AnalysisViewModel {
    private static final System.Logger LOG = System.getLogger(AnalysisViewModel.class.getName());
    private final Executor fx;
    private final Executor work;
    private final Supplier<Symbolizer> symbolizer;
    private final Supplier<HeldBy> heldBy;
    private final ObservableList<Dump> dumps = FXCollections.observableArrayList();
    private final ObjectProperty<Dump> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<Dump> base = new SimpleObjectProperty<>();
    private final ObjectProperty<TimeRange> range = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<DumpTimes> times = new ReadOnlyObjectWrapper<>(DumpTimes.NONE);
    private final ReadOnlyObjectWrapper<Analysis> analysis = new ReadOnlyObjectWrapper<>(Analysis.EMPTY);
    private final DoubleSupplier cpuMhz;
    private int generation;
    private int timesGeneration;

    public AnalysisViewModel(Executor fx, Executor work, Supplier<Symbolizer> symbolizer) {
        this(fx, work, symbolizer, () -> DumpTimes.DEFAULT_CPU_MHZ, () -> HeldBy.UNKNOWN);
    }

    /**
     * @param cpuMhz the board's clock, read on the FX thread whenever the dumps change
     * @param heldBy what holds the records' blocks (the virtual board knows), read with each analysis
     */
    public AnalysisViewModel(Executor fx, Executor work, Supplier<Symbolizer> symbolizer, DoubleSupplier cpuMhz,
                             Supplier<HeldBy> heldBy) {
        this.fx = fx;
        this.work = work;
        this.symbolizer = symbolizer;
        this.heldBy = heldBy;
        this.cpuMhz = cpuMhz;
        selected.addListener((obs, old, now) -> recompute());
        base.addListener((obs, old, now) -> recompute());
        range.addListener((obs, old, now) -> recompute());
        times.addListener((obs, old, now) -> {
            if (range.get() != null) {
                recompute();
            }
        });
    }

    /** Takes the snapshot's dumps; a new dump becomes the selection when the newest one was selected. FX thread. */
    public void update(SessionSnapshot snapshot) {
        List<Dump> next = snapshot == null ? List.of() : snapshot.dumps();
        boolean more = continues(next);
        if (more && next.size() == dumps.size()) {
            return;
        }
        Dump previousNewest = dumps.isEmpty() ? null : dumps.get(dumps.size() - 1);
        // A diff the user (or the hunt) chose stays put; a plain "newest dump" view follows new dumps. Other
        // dumps than those shown (a session opened, even with as many dumps) are shown from their newest.
        boolean followNewest = !more || base.get() == null && (selected.get() == null || selected.get() == previousNewest);
        dumps.setAll(next);
        estimateTimes(next);
        if (next.isEmpty()) {
            base.set(null);
            selected.set(null);
        } else if (followNewest) {
            base.set(null);
            selected.set(next.get(next.size() - 1));
        }
    }

    /** Whether {@code next} starts with the very dumps shown now (the live session's dumps, and maybe more). */
    private boolean continues(List<Dump> next) {
        if (next.size() < dumps.size()) {
            return false;
        }
        for (int i = 0; i < dumps.size(); i++) {
            if (next.get(i) != dumps.get(i)) {
                return false;
            }
        }
        return true;
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

    private void estimateTimes(List<Dump> next) {
        int mine = ++timesGeneration;
        double mhz = cpuMhz.getAsDouble();
        CompletableFuture.supplyAsync(() -> DumpTimes.estimate(next, mhz), work)
                .thenAccept(result -> fx.execute(() -> {
                    if (mine == timesGeneration) {
                        times.set(result);
                    }
                }));
    }

    private void recompute() {
        int mine = ++generation;
        Dump after = selected.get();
        Dump before = base.get();
        Symbolizer names = symbolizer.get();
        HeldBy holders = heldBy.get();
        TimeRange within = range.get();
        DumpTimes estimates = times.get();
        if (after == null) {
            analysis.set(Analysis.EMPTY);
            return;
        }
        CompletableFuture.supplyAsync(() -> compute(before, after, names, within, estimates, holders), work)
                .whenComplete((result, error) -> fx.execute(() -> {
                    if (error != null) {
                        LOG.log(System.Logger.Level.WARNING, "analysis failed", error);
                    } else if (mine == generation) {
                        analysis.set(result);
                    }
                }));
    }

    /** What the views show for these dumps, computed on the calling thread. */
    public static Analysis compute(Dump before, Dump after, Symbolizer names) {
        return compute(before, after, names, null, DumpTimes.NONE, HeldBy.UNKNOWN);
    }

    public static Analysis compute(Dump before, Dump after, Symbolizer names, TimeRange within, DumpTimes estimates,
                            HeldBy heldBy) {
        List<Record> records = before == null ? after.liveRecords() : DumpDiff.between(before, after).appeared();
        String title = before == null ? "Live in dump #" + (after.index() + 1)
                : "New in dump #" + (after.index() + 1) + " since dump #" + (before.index() + 1);
        if (within == null) {
            return new Analysis(title, records, LeakTable.of(records), names, null, 0, heldBy);
        }
        RecordsInRange filtered = RecordsInRange.of(records, after, estimates, within);
        title += ", allocated " + within.describe()
                + (filtered.unestimated() > 0 ? " (" + filtered.unestimated() + " without a time estimate left out)" : "");
        return new Analysis(title, filtered.kept(), LeakTable.of(filtered.kept()), names, within,
                filtered.unestimated(), heldBy);
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

    /** The time range the views are filtered to; null shows every record. */
    public ObjectProperty<TimeRange> rangeProperty() {
        return range;
    }

    /** Estimated allocation times of the current dumps (recomputed off the FX thread when dumps arrive). */
    public ReadOnlyObjectProperty<DumpTimes> timesProperty() {
        return times.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Analysis> analysisProperty() {
        return analysis.getReadOnlyProperty();
    }
}
