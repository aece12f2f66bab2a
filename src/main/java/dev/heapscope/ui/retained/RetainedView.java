package dev.heapscope.ui.retained;

import dev.heapscope.analysis.CallTree;
import dev.heapscope.analysis.RetainedTree;
import dev.heapscope.analysis.SnapshotGrowth;
import dev.heapscope.analysis.Weight;
import dev.heapscope.model.HeapSnapshot;
import dev.heapscope.model.HeldBy;
import dev.heapscope.ui.common.Analysis;
import dev.heapscope.ui.common.Theme;
import dev.heapscope.ui.flame.FlameGraphView;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * What keeps memory alive, by retaining path: an icicle of the paths that hold the records shown in the
 * Leaks view, of every live object in a heap snapshot, or of what grew between the last two snapshots.
 * Same interactions as the flame graph (click to zoom, breadcrumb, search, bytes or count).
 */
public final class RetainedView extends BorderPane {
    /** What the icicle shows. */
    record Choice(String label, HeapSnapshot snapshot, HeapSnapshot before) {
        static final Choice RECORDS = new Choice("What holds the records shown in Leaks", null, null);
    }

    private final ChoiceBox<Choice> show = new ChoiceBox<>();
    private final Label note = new Label();
    private final Button take = new Button(TAKE);
    private final FlameGraphView icicle;
    private static final String TAKE = "Take heap snapshot";
    private Analysis shownAnalysis;
    private Runnable cancel;
    private final ObservableValue<Boolean> connected;
    private volatile Choice current = Choice.RECORDS;

    /**
     * @param snapshots    the board's heap snapshots, oldest first
     * @param takeSnapshot takes one (the button): the virtual board's own, or the agent's on a serial board
     * @param connected    whether a board is there to take one of
     */
    public RetainedView(ObservableValue<Analysis> source, ObservableList<HeapSnapshot> snapshots, Runnable takeSnapshot,
                        ObservableValue<Boolean> connected, Executor work, ObservableValue<Theme> theme) {
        this.connected = connected;
        icicle = new FlameGraphView(source, work, theme, this::tree);
        icicle.setIdPrefix("retained");
        show.setId("retained-show");
        show.getItems().setAll(choices(snapshots));
        show.setValue(Choice.RECORDS);
        show.setConverter(new StringConverter<>() {
            @Override
            public String toString(Choice choice) {
                return choice == null ? "" : choice.label();
            }

            @Override
            public Choice fromString(String text) {
                return Choice.RECORDS;
            }
        });
        show.valueProperty().addListener((obs, old, now) -> {
            current = now == null ? Choice.RECORDS : now;
            updateNote(shownAnalysis);
            icicle.refresh();
        });
        snapshots.addListener((ListChangeListener<HeapSnapshot>) change -> {
            List<Choice> next = choices(snapshots);
            show.getItems().setAll(next);
            // a new snapshot is what the user wants to see: its growth when there are two, else itself
            show.setValue(next.get(next.size() - 1));
        });
        // made on first use (MainWindow): snapshots taken before then show as a new one would, the latest
        show.setValue(show.getItems().get(show.getItems().size() - 1));
        take.setId("retained-snapshot");
        take.setTooltip(new Tooltip("A full collection, then every live Lua object with the path that holds it "
                + "(Ctrl+Shift+H; /snapshot at the console). On a serial board the HeapScope agent does it: "
                + "uploaded, run, its sizes estimated"));
        take.setOnAction(e -> (cancel != null ? cancel : takeSnapshot).run());
        take.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !Boolean.TRUE.equals(connected.getValue()), connected));
        note.setId("retained-note");
        note.getStyleClass().add("view-title");
        setTop(dev.heapscope.ui.common.ViewBar.of(new Label("Show"), show, take, note));
        setCenter(icicle);
        source.addListener((obs, old, now) -> updateNote(now));
        updateNote(source.getValue());
    }

    /** While an agent snapshot runs ({@code busy}), the button cancels it instead of taking another. */
    public void follow(ObservableValue<Boolean> busy, Runnable cancelSnapshot) {
        ObservableValue<Boolean> connected = this.connected;
        // a run whose board went away can still be cancelled
        take.disableProperty().unbind();
        take.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !Boolean.TRUE.equals(connected.getValue()) && !Boolean.TRUE.equals(busy.getValue()), connected, busy));
        busy.addListener((obs, old, now) -> {
            boolean running = Boolean.TRUE.equals(now);
            take.setText(running ? "Cancel snapshot" : TAKE);
            cancel = running ? cancelSnapshot : null;
        });
    }

    public FlameGraphView icicle() {
        return icicle;
    }

    /** Selects what to show by its label's start (for tests and shortcuts); false when none matches. */
    public boolean show(String labelStart) {
        for (Choice choice : show.getItems()) {
            if (choice.label().startsWith(labelStart)) {
                show.setValue(choice);
                return true;
            }
        }
        return false;
    }

    public String showing() {
        return current.label();
    }

    private void updateNote(Analysis analysis) {
        shownAnalysis = analysis;
        note.setText(RetainedNotes.of(current.snapshot(), current.before(),
                analysis == null || analysis.heldBy() == HeldBy.UNKNOWN));
    }

    /** The line under the choice: where the sizes come from, what is missing (for tests). */
    public String noteText() {
        return note.getText();
    }

    private CallTree tree(Analysis analysis, Weight weight, boolean unused) {
        Choice choice = current;
        if (choice.snapshot() == null) {
            // unknown holders are not "no Lua object": draw nothing and let the note say where to look
            return RetainedTree.ofRecords(analysis.heldBy() == HeldBy.UNKNOWN ? List.of() : analysis.records(),
                    analysis.heldBy(), weight);
        }
        if (choice.before() == null) {
            return RetainedTree.ofSnapshot(choice.snapshot(), weight);
        }
        return RetainedTree.ofGrowth(SnapshotGrowth.between(choice.before(), choice.snapshot()), weight);
    }

    private static boolean estimated(HeapSnapshot snapshot) {
        return dev.heapscope.ui.common.SnapshotOrigin.byAgent(snapshot);
    }

    private static List<Choice> choices(List<HeapSnapshot> snapshots) {
        List<Choice> choices = new ArrayList<>();
        choices.add(Choice.RECORDS);
        for (HeapSnapshot snapshot : snapshots) {
            choices.add(new Choice(String.format("Heap snapshot %s: %s%,d bytes", snapshot.title(),
                    estimated(snapshot) ? "~" : "", snapshot.totalBytes()), snapshot, null));
        }
        for (int i = 1; i < snapshots.size(); i++) {
            HeapSnapshot before = snapshots.get(i - 1);
            HeapSnapshot after = snapshots.get(i);
            boolean estimated = estimated(before) || estimated(after);
            choices.add(new Choice(String.format("Growth from #%d to #%d: %+,d bytes%s", before.number(), after.number(),
                    after.totalBytes() - before.totalBytes(), estimated ? " (estimated)" : ""), after, before));
        }
        return choices;
    }
}
