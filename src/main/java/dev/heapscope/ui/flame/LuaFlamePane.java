package dev.heapscope.ui.flame;

import dev.heapscope.analysis.CallTree;
import dev.heapscope.analysis.LuaProfileFlame;
import dev.heapscope.model.LuaAllocationProfile;
import dev.heapscope.ui.common.Analysis;
import dev.heapscope.ui.common.SourceOpener;
import dev.heapscope.ui.common.Theme;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;

import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The allocation profile shown: its summary (bytes, hook calls, overhead), its stacks as a flame graph drawn by the
 * same {@link FlameGraphView} as the heap trace's, and its lines, most bytes first. Selecting a line marks its
 * frames in the flame graph; double-clicking it opens the source where it is on this machine.
 */
public final class LuaFlamePane extends BorderPane {
    private final LuaProfiles profiles;
    private final Label summary = new Label(LuaProfileTexts.NONE);
    private final FlameGraphView flame;
    private final TableView<LuaAllocationProfile.Line> lines = new TableView<>();

    /** @param say where to tell what opening a source line did (the status bar) */
    public LuaFlamePane(LuaProfiles profiles, Executor work, ObservableValue<Theme> theme, Consumer<String> say) {
        this.profiles = profiles;
        // the tree comes from the profile shown, not from the dumps: the view's analysis never changes
        flame = new FlameGraphView(new SimpleObjectProperty<>(Analysis.EMPTY), work, theme, (ignored, weight, fold) -> {
            LuaProfiles.Entry entry = profiles.shown();
            return entry == null ? new CallTree.Builder(weight).build() : LuaProfileFlame.tree(entry.profile(), weight);
        });
        flame.setIdPrefix("lua-flame");
        summary.setId("lua-flame-summary");
        summary.setWrapText(true);
        summary.setPadding(new Insets(4, 6, 4, 6));
        summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        lines.setId("lua-lines");
        lines.setPlaceholder(new Label("No Lua line allocated"));
        lines.getColumns().setAll(java.util.List.of(
                column("Bytes", 100, line -> String.format(Locale.ROOT, "%,d", line.bytes())),
                column("Count", 80, line -> String.format(Locale.ROOT, "%,d", line.count())),
                column("Lua line", 360, LuaAllocationProfile.Line::where)));
        lines.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        lines.getSelectionModel().selectedItemProperty().addListener((obs, old, now) ->
                flame.search(now == null ? "" : now.where() + ")")); // the frame labels end "(source:line)"
        lines.setRowFactory(table -> {
            TableRow<LuaAllocationProfile.Line> row = new TableRow<>();
            row.itemProperty().addListener((obs, old, now) -> row.setTooltip(now == null ? null : new Tooltip(
                    now.where() + ": " + String.format(Locale.ROOT, "%,d bytes in %,d hook calls", now.bytes(),
                            now.count()) + (SourceOpener.isLocal(now.where()) ? " · double-click to open" : ""))));
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    say.accept(SourceOpener.open(row.getItem().where()));
                }
            });
            return row;
        });
        SplitPane split = new SplitPane(flame, lines);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55); // the board keeps 8 frames a stack: the flame is shallow, the lines list long
        setTop(summary);
        setCenter(split);
        profiles.shownProperty().addListener((obs, old, now) -> show(now));
        show(profiles.shown());
    }

    private static TableColumn<LuaAllocationProfile.Line, String> column(String title, double width,
                                                                          Function<LuaAllocationProfile.Line, String> text) {
        TableColumn<LuaAllocationProfile.Line, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false); // the board's order: most bytes first
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(text.apply(cell.getValue())));
        if (!title.equals("Lua line")) {
            column.setStyle("-fx-alignment: CENTER-RIGHT;");
        }
        return column;
    }

    private void show(LuaProfiles.Entry entry) {
        summary.setText(LuaProfileTexts.summary(entry));
        lines.getItems().setAll(entry == null ? java.util.List.of() : entry.profile().linesByBytes());
        flame.search("");
        flame.refresh();
    }

    /** The flame graph of the profile shown. */
    public FlameGraphView flame() {
        return flame;
    }

    public String summaryText() {
        return summary.getText();
    }

    /** The lines listed, most bytes first. */
    public java.util.List<LuaAllocationProfile.Line> lines() {
        return java.util.List.copyOf(lines.getItems());
    }

    public LuaProfiles profiles() {
        return profiles;
    }
}
