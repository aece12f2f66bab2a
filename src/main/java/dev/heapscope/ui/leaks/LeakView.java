package dev.heapscope.ui.leaks;

import dev.heapscope.analysis.LeakRow;
import dev.heapscope.model.Record;
import dev.heapscope.ui.common.Analysis;
import dev.heapscope.ui.common.FrameLabels;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.controlsfx.control.textfield.TextFields;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/** Records grouped per call chain: sortable, filterable, expandable to records, copyable. */
public final class LeakView extends BorderPane {
    private final TreeTableView<LeakLine> table = new TreeTableView<>();
    private final TextField filter = TextFields.createClearableTextField();
    private static final System.Logger LOG = System.getLogger(LeakView.class.getName());
    private final Label title = new Label();
    private final Label placeholder = new Label();
    private final Button clearRangeButton = new Button("Clear time range");
    private final javafx.scene.control.Hyperlink holdersUnknown = new javafx.scene.control.Hyperlink("Held by?");
    private Analysis analysis = Analysis.EMPTY;
    private TreeTableColumn<LeakLine, String> heldByColumn;
    private final java.util.Map<LeakLine, LeakRow> rowOfLine = new java.util.IdentityHashMap<>();

    /** @param clearRange drops the timeline's time range (the button shows while one is active) */
    public LeakView(ObservableValue<Analysis> source, Consumer<String> showInFlameGraph, Runnable clearRange) {
        table.setId("leak-table");
        filter.setId("leak-filter");
        filter.setPromptText("Filter by frame or holder");
        title.getStyleClass().add("view-title");
        table.setShowRoot(false);
        table.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        heldByColumn = column("Held by", LeakLine::heldBy, 320, 130);
        table.getColumns().setAll(List.of(
                frameColumn(),
                heldByColumn,
                // numbers stay readable in a narrow window: the text columns give way first
                column("Count", LeakLine::count, 60, 52),
                column("Bytes", LeakLine::bytes, 80, 64),
                column("Avg size", line -> Math.round(line.averageBytes()), 64, 60),
                column("Region", LeakLine::region, 70, 60),
                column("First seen", LeakLine::firstSeen, 90, 70),
                column("Call chain (innermost first; firmware frames in brackets)", LeakLine::chain, 260, 90)));
        Button copy = new Button("Copy rows");
        copy.setOnAction(e -> copySelection());
        Button flame = new Button("Show in flame graph");
        flame.setId("leak-show-flame");
        flame.setOnAction(e -> {
            LeakLine line = selectedLine();
            if (line != null) {
                showInFlameGraph.accept(line.group() ? line.where() : topOfParent());
            }
        });
        clearRangeButton.setId("leak-clear-range");
        clearRangeButton.setOnAction(e -> clearRange.run());
        clearRangeButton.managedProperty().bind(clearRangeButton.visibleProperty());
        Region spring = new Region();
        javafx.scene.layout.HBox.setHgrow(spring, Priority.ALWAYS);
        filter.setPrefWidth(170);
        holdersUnknown.setId("leak-holders-unknown");
        holdersUnknown.setTooltip(new Tooltip("No Held by column: a real board's heaptrace records carry no link to Lua "
                + "objects. Take two heap snapshots (the agent takes them on a serial board) and read their growth "
                + "in Retained by."));
        holdersUnknown.managedProperty().bind(holdersUnknown.visibleProperty());
        holdersUnknown.setVisible(false);
        setTop(dev.heapscope.ui.common.ViewBar.of(title, clearRangeButton, spring, holdersUnknown, filter, copy, flame));
        setCenter(table);
        MenuItem openSource = menuItem("Open source", this::openSource);
        ContextMenu menu = new ContextMenu(menuItem("Copy rows", this::copySelection),
                menuItem("Copy location", this::copyLocation), openSource, menuItem("Show in flame graph", flame::fire));
        menu.setOnShowing(e -> {
            String location = selectedLocation();
            boolean local = dev.heapscope.ui.common.SourceOpener.isLocal(location);
            openSource.setDisable(!local);
            // a disabled item must say why: the file is on the board, not on this machine
            openSource.setText(location == null ? "Open source (no file and line known for this row)"
                    : local ? "Open " + location : "Open " + location + " (not on this machine)");
        });
        table.setContextMenu(menu);
        KeyCombination copyKeys = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
        table.setOnKeyPressed(e -> {
            if (copyKeys.match(e)) {
                copySelection();
                e.consume();
            }
        });
        placeholder.setId("leak-placeholder");
        placeholder.setWrapText(true);
        table.setPlaceholder(placeholder);
        BorderPane.setMargin(table, new Insets(0));
        filter.textProperty().addListener((obs, old, now) -> fill());
        source.addListener((obs, old, now) -> {
            analysis = now == null ? Analysis.EMPTY : now;
            fill();
        });
        analysis = source.getValue() == null ? Analysis.EMPTY : source.getValue();
        fill();
    }

    /** Calls {@code listener} with the chain's row when a row (or one of its records) is selected; null when none. */
    public void onRowSelected(Consumer<LeakRow> listener) {
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            TreeItem<LeakLine> group = item != null && item.getParent() != null && item.getParent() != table.getRoot()
                    ? item.getParent() : item;
            listener.accept(group == null || group.getValue() == null ? null : rowOfLine.get(group.getValue()));
        });
    }

    /** The "Held by?" link of a real board's records goes there. */
    public void onHoldersUnknown(Runnable showRetainedBy) {
        holdersUnknown.setOnAction(e -> showRetainedBy.run());
    }

    /** Selects the group line at {@code index} (table order). */
    public void selectGroup(int index) {
        table.getSelectionModel().clearAndSelect(table.getRow(table.getRoot().getChildren().get(index)));
    }

    /** The group lines shown (after the filter), in table order. */
    public List<LeakLine> visibleGroups() {
        return table.getRoot().getChildren().stream().map(TreeItem::getValue).toList();
    }

    /** The title line: what is shown and its totals. */
    public String titleText() {
        return title.getText();
    }

    /** Bytes of the records shown (all groups, before the frame filter). */
    public long totalBytes() {
        return analysis.table().totalBytes();
    }

    public void setFilter(String text) {
        filter.setText(text);
    }

    private void fill() {
        FrameLabels labels = analysis.labels();
        TreeItem<LeakLine> root = new TreeItem<>();
        rowOfLine.clear();
        for (LeakRow row : analysis.table().rows()) {
            LeakLine line = LeakLine.of(row, labels, analysis.heldBy());
            if (!line.matches(filter.getText())) {
                continue;
            }
            TreeItem<LeakLine> group = new TreeItem<>(line);
            rowOfLine.put(line, row);
            int index = 0;
            for (Record record : row.records()) {
                group.getChildren().add(new TreeItem<>(LeakLine.of(record, index++, line.chain(), analysis.heldBy())));
            }
            root.getChildren().add(group);
        }
        table.setRoot(root);
        table.sort();
        // only the virtual board knows what holds a block: no empty column for a real board's dumps
        heldByColumn.setVisible(root.getChildren().stream().anyMatch(item -> !item.getValue().heldBy().isEmpty()));
        // and no silent absence either: say where the answer is on a real board
        holdersUnknown.setVisible(analysis.heldBy() == dev.heapscope.model.HeldBy.UNKNOWN
                && !analysis.table().rows().isEmpty());
        clearRangeButton.setVisible(analysis.range() != null);
        placeholder.setText(LeakPlaceholder.text(analysis, filter.getText()));
        title.setText(String.format("%s: %,d bytes in %,d records, %d call chains", analysis.title(),
                analysis.table().totalBytes(), analysis.table().totalCount(), analysis.table().chainCount()));
    }

    private LeakLine selectedLine() {
        TreeItem<LeakLine> item = table.getSelectionModel().getSelectedItem();
        if (item == null && !table.getRoot().getChildren().isEmpty()) {
            item = table.getRoot().getChildren().get(0);
        }
        return item == null ? null : item.getValue();
    }

    private String topOfParent() {
        TreeItem<LeakLine> item = table.getSelectionModel().getSelectedItem();
        return item != null && item.getParent() != null && item.getParent().getValue() != null
                ? item.getParent().getValue().where() : "";
    }

    private void copySelection() {
        List<String> lines = table.getSelectionModel().getSelectedItems().stream().filter(Objects::nonNull)
                .map(item -> item.getValue().toTsv()).toList();
        if (lines.isEmpty()) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(String.join("\n", lines) + "\n");
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** The selected row's top-frame {@code file:line}, for the user's editor. */
    private void copyLocation() {
        var item = table.getSelectionModel().getSelectedItem();
        if (item == null || item.getValue() == null || item.getValue().location() == null) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(item.getValue().location());
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** Opens the selected row's top frame in the user's editor, when the source is on this machine. */
    private void openSource() {
        String location = selectedLocation();
        if (location != null) {
            Thread opener = new Thread(() -> LOG.log(System.Logger.Level.INFO, dev.heapscope.ui.common.SourceOpener.open(location)),
                    "heapscope-open-source");
            opener.setDaemon(true);
            opener.start();
        }
    }

    private String selectedLocation() {
        var item = table.getSelectionModel().getSelectedItem();
        return item == null || item.getValue() == null ? null : item.getValue().location();
    }

    private static MenuItem menuItem(String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(e -> action.run());
        return item;
    }

    /** The top frame, cut in the middle when narrow so that its {@code :line} stays readable. */
    private static TreeTableColumn<LeakLine, String> frameColumn() {
        TreeTableColumn<LeakLine, String> column = column("Top frame", LeakLine::where, 250, 150);
        column.setId("leak-top-frame");
        column.setCellFactory(c -> new FrameCell());
        return column;
    }

    private static <T> TreeTableColumn<LeakLine, T> column(String name, Function<LeakLine, T> value, double widthPx,
                                                           double minWidthPx) {
        TreeTableColumn<LeakLine, T> column = new TreeTableColumn<>(name);
        column.setPrefWidth(widthPx);
        column.setMinWidth(minWidthPx);
        column.setCellFactory(c -> new TreeTableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                String text = empty || item == null ? null : item.toString();
                setText(text);
                // a cut-off frame name or path can still be read in full
                setTooltip(text == null || text.length() < 16 ? null : new Tooltip(text));
            }
        });
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(
                cell.getValue().getValue() == null ? null : value.apply(cell.getValue().getValue())));
        return column;
    }
}
