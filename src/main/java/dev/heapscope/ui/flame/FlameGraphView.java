package dev.heapscope.ui.flame;

import dev.heapscope.analysis.CallTree;
import dev.heapscope.analysis.FrameNamer;
import dev.heapscope.analysis.Weight;
import dev.heapscope.analysis.flame.AllocatorFrames;
import dev.heapscope.analysis.flame.FlameBox;
import dev.heapscope.analysis.flame.FlameDiff;
import dev.heapscope.analysis.flame.FlameLayout;
import dev.heapscope.analysis.flame.FlameSearch;
import dev.heapscope.ui.common.Analysis;
import dev.heapscope.ui.common.CanvasPane;
import dev.heapscope.ui.common.LabelledChoice;
import dev.heapscope.ui.common.Theme;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.TextFields;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The flame graph of the analysis' records: zoom by click, breadcrumb, hover details, search. The tree
 * comes from a {@link TreeSource}: call chains by default, retaining paths for the Retained-by view.
 */
public final class FlameGraphView extends BorderPane {
    /** Builds the tree to draw from what the views show (called off the FX thread). */
    @FunctionalInterface
    public interface TreeSource {
        CallTree build(Analysis analysis, Weight weight, boolean foldAllocator);
    }

    /** Call chains, innermost frame on top, the allocator's own frames left out when asked. */
    public static final TreeSource CALL_CHAINS = (from, by, folded) -> {
        FrameNamer namer = new FrameNamer(from.symbolizer());
        return folded ? AllocatorFrames.foldedTree(from.records(), by, namer) : CallTree.of(from.records(), by, namer);
    };

    private final Executor work;
    private final ObservableValue<Theme> theme;
    private final TreeSource treeSource;
    private final CanvasPane canvasPane = new CanvasPane();
    private final ChoiceBox<Weight> weight = LabelledChoice.of(List.of(Weight.values()), Weight.BYTES,
            value -> value == Weight.BYTES ? "Bytes" : "Count");
    private final ToggleButton icicle = new ToggleButton("Icicle");
    private final ToggleButton fold = new ToggleButton("Fold allocator");
    private final TextField search = TextFields.createClearableTextField();
    private final Label matched = new Label();
    private final Button reset = new Button("Reset zoom");
    private final HBox breadcrumb = new HBox(2);
    private final Label info = new Label("Hover a frame for details; click to zoom.");
    private final Tooltip tooltip = new Tooltip();
    private Analysis analysis = Analysis.EMPTY;
    private CallTree tree;
    private int zoom;
    private final FlameLayout layout = new FlameLayout(); // refilled by each redraw, read by hit tests
    private final FlamePainter painter = new FlamePainter();
    private FlameSearch found;
    private int generation;
    private java.util.List<dev.heapscope.model.Record> base;
    private FlameDiff diff;

    public FlameGraphView(ObservableValue<Analysis> source, Executor work, ObservableValue<Theme> theme) {
        this(source, work, theme, CALL_CHAINS);
    }

    /** A flame graph of the trees {@code treeSource} builds (without the fold toggle unless they are call chains). */
    public FlameGraphView(ObservableValue<Analysis> source, Executor work, ObservableValue<Theme> theme,
                          TreeSource treeSource) {
        this.work = work;
        this.theme = theme;
        this.treeSource = treeSource;
        icicle.setSelected(true);
        icicle.setTooltip(new Tooltip("Root at the top (icicle) or at the bottom (flame)"));
        fold.setSelected(true);
        fold.setTooltip(new Tooltip("Leave out the allocator's own frames (heap_caps_malloc, malloc, l_alloc, "
                + "luaM_realloc_…) at the end of each chain"));
        fold.selectedProperty().addListener((obs, old, now) -> rebuild());
        weight.setId("flame-weight");
        search.setPromptText("Search frames");
        search.setId("flame-search");
        matched.setId("flame-matched");
        breadcrumb.setId("flame-breadcrumb");
        breadcrumb.getStyleClass().add("breadcrumb");
        canvasPane.setId("flame-canvas");
        reset.setId("flame-reset");
        reset.setOnAction(e -> zoomTo(0));
        ToolBar bar = new ToolBar(new Label("Weight"), weight, icicle, fold, reset, search, matched);
        if (treeSource != CALL_CHAINS) {
            bar.getItems().remove(fold);
        }
        VBox top = new VBox(bar, breadcrumb);
        breadcrumb.setPadding(new Insets(3, 6, 3, 6));
        setTop(top);
        setCenter(canvasPane);
        info.setPadding(new Insets(2, 6, 2, 6));
        setBottom(info);
        canvasPane.setPainter(this::paint);
        canvasPane.canvas().setOnMouseClicked(this::clicked);
        canvasPane.canvas().setOnMouseMoved(this::hovered);
        canvasPane.canvas().setOnMouseExited(e -> tooltip.hide());
        weight.valueProperty().addListener((obs, old, now) -> rebuild());
        icicle.selectedProperty().addListener((obs, old, now) -> paint());
        search.textProperty().addListener((obs, old, now) -> searchChanged());
        theme.addListener((obs, old, now) -> paint());
        source.addListener((obs, old, now) -> {
            analysis = now == null ? Analysis.EMPTY : now;
            rebuild();
        });
        analysis = source.getValue() == null ? Analysis.EMPTY : source.getValue();
        rebuild();
    }

    /** Names the child controls {@code PREFIX-canvas}, {@code PREFIX-search}…, for a second flame graph in a window. */
    public void setIdPrefix(String prefix) {
        setId(prefix);
        canvasPane.setId(prefix + "-canvas");
        search.setId(prefix + "-search");
        matched.setId(prefix + "-matched");
        breadcrumb.setId(prefix + "-breadcrumb");
        reset.setId(prefix + "-reset");
        weight.setId(prefix + "-weight");
    }

    /** Builds the tree again (the tree source's input changed). */
    public void refresh() {
        rebuild();
    }

    /** Sets the search text (used by "show in flame graph"). */
    public void search(String text) {
        search.setText(text);
    }

    public int zoomNode() {
        return zoom;
    }

    /** The breadcrumb as text, frames joined with {@code  > }. */
    public String breadcrumbText() {
        return String.join(" > ", breadcrumb.getChildren().stream()
                .filter(node -> node instanceof Hyperlink || node instanceof Label)
                .map(node -> node instanceof Hyperlink link ? link.getText() : ((Label) node).getText())
                .filter(text -> !text.equals("›")).toList());
    }

    public CallTree tree() {
        return tree;
    }

    /**
     * Makes this a differential flame graph: frames are coloured by how they changed against these
     * "before" records (grown red, shrunk blue, new purple); null goes back to colours by name.
     */
    public void compareWith(java.util.List<dev.heapscope.model.Record> before) {
        base = before == null ? null : java.util.List.copyOf(before);
        rebuild();
    }

    /** Shows a call tree that came from elsewhere (folded stacks of another tool) until the next analysis. */
    public void showTree(CallTree imported) {
        generation++;
        tree = imported;
        diff = null;
        zoomTo(0);
    }

    /** The differential colouring in use, or null. */
    public FlameDiff diff() {
        return diff;
    }

    private void rebuild() {
        int mine = ++generation;
        Analysis from = analysis;
        Weight by = weight.getValue();
        java.util.List<dev.heapscope.model.Record> before = base;
        boolean folded = fold.isSelected();
        CompletableFuture.supplyAsync(() -> {
            CallTree built = treeSource.build(from, by, folded);
            FrameNamer namer = new FrameNamer(from.symbolizer());
            FlameDiff compared = before == null ? null : FlameDiff.of(folded
                    ? AllocatorFrames.foldedTree(before, by, namer) : CallTree.of(before, by, namer), built);
            return java.util.Map.entry(built, java.util.Optional.ofNullable(compared));
        }, work).thenAccept(built -> javafx.application.Platform.runLater(() -> {
            if (mine == generation) {
                tree = built.getKey();
                diff = built.getValue().orElse(null);
                zoomTo(0);
            }
        }));
    }

    public void zoomTo(int node) {
        if (tree == null) {
            return;
        }
        zoom = node >= 0 && node < tree.nodeCount() ? node : 0;
        info.setText(String.format("Zoomed on %s: %,d %s. Hover a frame for details; click to zoom.", tree.name(zoom),
                tree.total(zoom), tree.weight().unit()));
        updateBreadcrumb();
        searchChanged();
    }

    private void searchChanged() {
        if (tree == null) {
            return;
        }
        found = FlameSearch.of(tree, search.getText());
        matched.setText(found.isActive() ? String.format("%.1f%% matched", found.matchedPercent(zoom)) : "");
        paint();
    }

    private void updateBreadcrumb() {
        breadcrumb.getChildren().clear();
        List<Integer> path = new java.util.ArrayList<>();
        for (int node = zoom; node >= 0; node = tree.parent(node)) {
            path.add(0, node);
        }
        for (int i = 0; i < path.size(); i++) {
            int node = path.get(i);
            if (i > 0) {
                breadcrumb.getChildren().add(new Label("›"));
            }
            if (node == zoom) {
                breadcrumb.getChildren().add(new Label(tree.name(node)));
            } else {
                Hyperlink link = new Hyperlink(tree.name(node));
                link.setOnAction(e -> zoomTo(node));
                breadcrumb.getChildren().add(link);
            }
        }
    }

    private void paint() {
        double width = canvasPane.canvas().getWidth();
        double height = canvasPane.canvas().getHeight();
        if (tree == null || width <= 0 || height <= 0) {
            return;
        }
        found = found == null ? FlameSearch.of(tree, "") : found;
        layout.layOut(tree, zoom, width, 1.0);
        painter.paint(canvasPane.canvas().getGraphicsContext2D(), layout, found, icicle.isSelected(), height,
                theme.getValue(), diff);
    }

    private FlameBox boxUnder(MouseEvent event) {
        if (layout.tree() == null) {
            return null;
        }
        int row = FlamePainter.rowAt(event.getY(), icicle.isSelected(), canvasPane.canvas().getHeight());
        return layout.boxAt(event.getX(), row);
    }

    private void clicked(MouseEvent event) {
        FlameBox box = boxUnder(event);
        if (box != null && !box.isMerged()) {
            zoomTo(box.node());
        }
    }

    private void hovered(MouseEvent event) {
        FlameBox box = boxUnder(event);
        if (box == null) {
            tooltip.hide();
            return;
        }
        String unit = tree.weight().unit();
        String name = box.isMerged() ? box.merged() + " frames, each under a pixel" : tree.name(box.node());
        String text = String.format("%s%n%,d %s · %.1f%% of total · %.1f%% of zoom", name, box.value(), unit,
                percent(box.value(), tree.totalValue()), percent(box.value(), tree.total(zoom)));
        if (diff != null && !box.isMerged()) {
            text += String.format(" · %s %+,d %s", diff.change(box.node()).name().toLowerCase(java.util.Locale.ROOT),
                    diff.delta(box.node()), unit);
        }
        info.setText(text.replace(System.lineSeparator(), "  —  "));
        tooltip.setText(text);
        if (canvasPane.getScene() != null && canvasPane.getScene().getWindow() != null) {
            tooltip.show(canvasPane.canvas(), event.getScreenX() + 14, event.getScreenY() + 14);
        }
    }

    private static double percent(long part, long whole) {
        return whole <= 0 ? 0 : 100.0 * part / whole;
    }
}
