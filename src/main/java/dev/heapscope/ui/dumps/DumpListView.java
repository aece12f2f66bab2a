package dev.heapscope.ui.dumps;

import dev.heapscope.model.Dump;
import dev.heapscope.ui.common.AnalysisViewModel;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Every dump of the session; selecting one shows its live records in the leak table and flame graph. */
public final class DumpListView extends BorderPane {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private final TableView<Dump> table;
    private boolean updating;

    public DumpListView(AnalysisViewModel analysis) {
        table = new TableView<>(analysis.dumps());
        table.setId("dump-list");
        table.setPlaceholder(new Label("No dumps yet (Ctrl+D)"));
        table.getColumns().setAll(List.of(
                Columns.of("#", (Dump d) -> d.index() + 1, 30),
                Columns.of("Time", (Dump d) -> d.receivedAtMillis() < 0 ? "" : TIME.format(Instant.ofEpochMilli(d.receivedAtMillis())), 64),
                Columns.of("Whole", (Dump d) -> d.complete() ? "yes" : "CUT", 48),
                Columns.of("Recs", (Dump d) -> d.records().size(), 48),
                Columns.of("Live B", Dump::liveBytes, 60)));
        // the dialect is rarely what one looks for: a row's tooltip, so the time fits at 1024 px
        table.setRowFactory(view -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(Dump dump, boolean empty) {
                super.updateItem(dump, empty);
                setTooltip(empty || dump == null ? null : new javafx.scene.control.Tooltip("Dump #" + (dump.index() + 1)
                        + ", dialect " + dump.dialect().name() + (dump.complete() ? "" : ", cut short")));
            }
        });
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label title = new Label("Dumps");
        title.getStyleClass().add("view-title");
        setTop(title);
        setCenter(table);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (!updating && now != null && now != analysis.selectedProperty().get()) {
                analysis.showLive(now);
            }
        });
        analysis.selectedProperty().addListener((obs, old, now) -> select(now));
        analysis.dumps().addListener((javafx.collections.ListChangeListener<Dump>) c -> select(analysis.selectedProperty().get()));
    }

    private void select(Dump dump) {
        updating = true;
        try {
            if (dump == null) {
                table.getSelectionModel().clearSelection();
            } else {
                table.getSelectionModel().select(dump);
            }
        } finally {
            updating = false;
        }
    }
}
