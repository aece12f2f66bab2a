package dev.heapscope.ui.dumps;

import dev.heapscope.analysis.DiffRow;
import dev.heapscope.analysis.DumpDiff;
import dev.heapscope.analysis.LeakTable;
import dev.heapscope.model.Dump;
import dev.heapscope.model.Record;
import dev.heapscope.symbols.Symbolizer;
import dev.heapscope.ui.common.Analysis;
import dev.heapscope.ui.common.AnalysisViewModel;
import dev.heapscope.ui.common.FrameLabels;
import dev.heapscope.ui.common.Theme;
import dev.heapscope.ui.flame.FlameGraphView;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/** Two dumps compared per call chain (DumpDiff): status and deltas; defaults to the first and the last dump. */
public final class DiffView extends BorderPane {
    /** One table line: the diff row with its chain's top frame. */
    public record Line(DiffRow row, String topFrame) {
    }

    private final ComboBox<Dump> before = new ComboBox<>();
    private final ComboBox<Dump> after = new ComboBox<>();
    private final TableView<Line> table = new TableView<>();
    private final Label summary = new Label();
    private final ObjectProperty<Analysis> afterLive =
            new SimpleObjectProperty<>(Analysis.EMPTY);
    private final FlameGraphView flame;
    private final Supplier<Symbolizer> symbolizer;
    private Dump firstDump;
    private Dump lastDump;
    private boolean settingDefaults;

    public DiffView(AnalysisViewModel analysis, Supplier<Symbolizer> symbolizer, Runnable showLeaks,
                    Executor work, ObservableValue<Theme> theme) {
        this.symbolizer = symbolizer;
        this.flame = new FlameGraphView(afterLive, work, theme);
        flame.setIdPrefix("diff-flame");
        table.setId("diff-table");
        table.setPlaceholder(new Label("Needs two dumps"));
        before.setId("diff-before");
        after.setId("diff-after");
        for (ComboBox<Dump> box : List.of(before, after)) {
            // A converter, not a custom button cell: the button cell kept a blank text for the first dump.
            box.setConverter(new javafx.util.StringConverter<>() {
                @Override
                public String toString(Dump dump) {
                    return DumpCell.describe(dump);
                }

                @Override
                public Dump fromString(String text) {
                    return null;
                }
            });
            box.setCellFactory(list -> new DumpCell());
            // Only the user's picks count: the combo box also changes its value when its items change.
            box.setOnAction(e -> {
                if (!settingDefaults && box.getValue() != null) {
                    chosen(box == before ? box.getValue() : firstDump, box == after ? box.getValue() : lastDump);
                }
            });
        }
        table.getColumns().setAll(List.of(
                Columns.of("Status", (Line l) -> l.row().status().name(), 80),
                Columns.of("Top frame", Line::topFrame, 280),
                Columns.of("Δ bytes", (Line l) -> l.row().byteDelta(), 80),
                Columns.of("Δ count", (Line l) -> l.row().countDelta(), 70),
                Columns.of("Bytes before", (Line l) -> l.row().beforeBytes(), 90),
                Columns.of("Bytes after", (Line l) -> l.row().afterBytes(), 90),
                Columns.of("Survivors", (Line l) -> l.row().survivors(), 70)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Button asLeaks = new Button("Show new records as leaks");
        asLeaks.setOnAction(e -> {
            if (before.getValue() != null && after.getValue() != null) {
                analysis.showNewSince(before.getValue(), after.getValue());
                showLeaks.run();
            }
        });
        setTop(dev.heapscope.ui.common.ViewBar.of(new Label("Before"), before, new Label("After"), after, asLeaks, summary));
        Label legend = new Label("Differential flame graph of the live records after: grown red, shrunk blue, "
                + "new purple, unchanged grey (gone frames are in the table)");
        legend.getStyleClass().add("hint");
        BorderPane lower = new BorderPane(flame);
        lower.setTop(legend);
        SplitPane split = new SplitPane(table, lower);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        setCenter(split);
        analysis.dumps().addListener((ListChangeListener<Dump>) c -> dumpsChanged(analysis.dumps()));
        dumpsChanged(analysis.dumps());
    }

    /** Compares these two dumps now. */
    public void compare(Dump first, Dump last) {
        chosen(first, last);
    }

    /** Shows no comparison (a new session: the old pair is gone). */
    public void clear() {
        chosen(null, null);
    }

    public String summaryText() {
        return summary.getText();
    }

    private void chosen(Dump first, Dump last) {
        firstDump = first;
        lastDump = last;
        settingDefaults = true;
        try {
            // null first: the combo box keeps a stale button text when its items were replaced under an equal value
            before.setValue(null);
            before.setValue(first);
            after.setValue(null);
            after.setValue(last);
        } finally {
            settingDefaults = false;
        }
        compare();
    }

    /** The differential flame graph under the table. */
    public FlameGraphView flame() {
        return flame;
    }

    public List<Line> lines() {
        return List.copyOf(table.getItems());
    }

    /**
     * The combo boxes get copies of the dumps, replaced before a pair is chosen: sharing the list, the popup's
     * list view heard of a change after the pair was chosen and emptied "Before" (a hunt ending between its
     * two dumps' arrival).
     */
    private void dumpsChanged(List<Dump> dumps) {
        settingDefaults = true;
        try {
            before.getItems().setAll(dumps);
            after.getItems().setAll(dumps);
        } finally {
            settingDefaults = false;
        }
        defaults(dumps);
    }

    /** First and last dump, unless the user (or the hunt) chose a pair that still exists. */
    private void defaults(List<Dump> dumps) {
        if (dumps.size() < 2) {
            if (firstDump != null && !dumps.contains(firstDump)) {
                clear(); // the pair belongs to a session no longer shown
            }
            return;
        }
        boolean keep = firstDump != null && lastDump != null && dumps.contains(firstDump) && dumps.contains(lastDump)
                && lastDump != dumps.get(dumps.size() - 2);
        chosen(keep ? firstDump : dumps.get(0), keep ? lastDump : dumps.get(dumps.size() - 1));
    }

    private void compare() {
        Dump first = firstDump;
        Dump last = lastDump;
        if (first == null || last == null) {
            table.getItems().clear();
            summary.setText("");
            flame.compareWith(null);
            afterLive.set(Analysis.EMPTY);
            return;
        }
        DumpDiff diff = DumpDiff.between(first, last);
        flame.compareWith(first.liveRecords());
        afterLive.set(new Analysis("after", last.liveRecords(),
                LeakTable.of(List.<Record>of()), symbolizer.get()));
        FrameLabels labels = new FrameLabels(symbolizer.get());
        table.getItems().setAll(diff.rows().stream().map(row -> new Line(row, labels.topFrame(row.chain()))).toList());
        summary.setText(String.format("%+,d bytes, %+,d records; %d new, %d gone", diff.byteDelta(), diff.countDelta(),
                diff.appeared().size(), diff.disappeared().size()));
    }

    private static final class DumpCell extends ListCell<Dump> {
        static String describe(Dump dump) {
            return dump == null ? "" : "#" + (dump.index() + 1) + " (" + dump.records().size() + " records)";
        }

        @Override
        protected void updateItem(Dump dump, boolean empty) {
            super.updateItem(dump, empty);
            setText(empty ? null : describe(dump));
        }
    }
}
