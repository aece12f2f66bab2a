package dev.heapscope.ui;

import dev.heapscope.ui.common.MiddleEllipsis;
import dev.heapscope.ui.common.Theme;
import dev.heapscope.ui.common.ViewBar;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ToolBar;
import javafx.scene.control.TreeTableCell;
import javafx.stage.Window;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The window at 1024×700 and 1280×720, light and dark: every toolbar item on screen (none behind
 * "»"), no verb or label cut to "St…", the leak table's frames keeping their {@code :line}.
 */
class NarrowWindowUiTest extends WindowTestBase {

    @ParameterizedTest(name = "{0}x{1} {2}")
    @CsvSource({"1024, 700, LIGHT", "1024, 700, DARK", "1280, 720, LIGHT", "1280, 720, DARK"})
    void everythingFitsAndNothingIsCut(int width, int height, Theme theme) throws Exception {
        runGuidedHunt();
        onFx(() -> {
            window.themeProperty().set(theme);
            Window stage = window.getScene().getWindow();
            stage.setWidth(width);
            stage.setHeight(height);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        eventually(() -> assertThat(onFx(() -> window.getScene().getWidth())).isEqualTo(width, org.assertj.core.data.Offset.offset(1.0)));
        onFx(() -> { // as a window opened at this size lays it out (a narrowed one keeps the dump list narrower)
            robot.lookup(".split-pane").queryAs(javafx.scene.control.SplitPane.class).setDividerPositions(0.25);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(onFx(() -> robot.lookup(".tool-bar-overflow-button").queryAll().stream().filter(this::shown)
                .map(Node::getParent).map(String::valueOf).toList())).as("toolbars with items behind »").isEmpty();
        assertThat(onFx(this::itemsOutsideTheirToolbar)).as("toolbar items cut off at the window's edge").isEmpty();
        assertThat(onFx(() -> robot.lookup(".tool-bar .button").queryAll().stream().filter(this::shown).count()))
                .as("the verbs and view buttons looked at").isGreaterThanOrEqualTo(10);
        assertThat(onFx(this::cutLabels)).as("labels and verbs drawn shorter than their text").isEmpty();
        assertThat(text("#hunt")).isEqualTo("Guided leak hunt");

        List<String[]> frames = onFx(this::frameCells);
        assertThat(frames).as("top-frame cells shown").isNotEmpty();
        for (String[] frame : frames) { // {full text, drawn text}
            String line = frame[0].substring(frame[0].lastIndexOf(':'));
            assertThat(frame[1]).as(frame[0]).endsWith(line);
        }
        if (width == 1024) { // the top frames are wider than their column here: cut in the middle
            assertThat(frames).anySatisfy(frame -> assertThat(frame[1]).contains(MiddleEllipsis.ELLIPSIS)
                    .isNotEqualTo(frame[0]));
        }
        for (String view : AppMenus.VIEWS) { // each view's own bar too
            onFx(() -> {
                window.select(view);
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(onFx(() -> robot.lookup(".tool-bar-overflow-button").queryAll().stream().filter(this::shown).count()))
                    .as("items behind » in " + view).isZero();
            assertThat(onFx(this::itemsOutsideTheirToolbar)).as("items cut off in " + view).isEmpty();
            assertThat(onFx(this::cutLabels)).as("labels cut in " + view).isEmpty();
        }
        onFx(() -> {
            window.select("Leaks");
            robot.lookup("#connection-target").queryAs(javafx.scene.control.ChoiceBox.class).setValue(ConnectionBar.SERIAL);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(this::itemsOutsideTheirToolbar)).as("items cut off with a serial target").isEmpty();
        assertThat(onFx(this::cutLabels)).as("labels cut with a serial target").isEmpty();
        snapshot(window, "narrow-" + width + "x" + height + "-" + theme.name().toLowerCase(java.util.Locale.ROOT));
    }

    private boolean shown(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    private List<String> itemsOutsideTheirToolbar() {
        List<String> outside = new ArrayList<>();
        double sceneWidth = window.getScene().getWidth();
        for (Node bar : robot.lookup(".tool-bar").queryAll()) {
            if (!shown(bar)) {
                continue;
            }
            Bounds barBounds = bar.localToScene(bar.getLayoutBounds());
            List<Node> items = bar instanceof ToolBar toolBar ? toolBar.getItems() : ((javafx.scene.Parent) bar).getChildrenUnmodifiable();
            for (Node item : items) {
                if (!item.isVisible() || !item.isManaged()) {
                    continue;
                }
                Bounds at = item.localToScene(item.getLayoutBounds());
                if (item.getScene() == null || !shown(item) || at.getMaxX() > Math.min(barBounds.getMaxX(), sceneWidth) + 0.5) {
                    outside.add(item.getId() != null ? item.getId() : String.valueOf(item));
                }
            }
        }
        return outside;
    }

    /** Labeled controls in the bars above the views and in the leak view's bar whose skin shows less than their text. */
    private List<String> cutLabels() {
        List<String> cut = new ArrayList<>();
        for (Node node : robot.lookup(".tool-bar .labeled, .tool-bar .button, .tool-bar .label, .menu-bar .label, .status-bar .label")
                .queryAll()) {
            if (node instanceof Labeled labeled && shown(labeled) && labeled.getText() != null && !labeled.getText().isEmpty()
                    && !labeled.getStyleClass().contains(ViewBar.GIVES_WAY) // a view's summary gives way on purpose, whole in its tooltip
                    && !RenderedText.of(labeled).equals(labeled.getText())) {
                cut.add(labeled.getText() + " drawn as " + RenderedText.of(labeled));
            }
        }
        return cut;
    }

    private List<String[]> frameCells() {
        List<String[]> cells = new ArrayList<>();
        for (Node node : robot.lookup("#leak-table .frame-cell").queryAll()) {
            if (node instanceof TreeTableCell<?, ?> cell && !cell.isEmpty() && cell.getItem() != null && shown(cell)) {
                cells.add(new String[] {String.valueOf(cell.getItem()), RenderedText.of(cell)});
            }
        }
        return cells;
    }
}
