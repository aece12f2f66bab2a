package dev.heapscope.ui;

import dev.heapscope.analysis.CallTree;
import dev.heapscope.analysis.flame.FlameBox;
import dev.heapscope.analysis.flame.FlameLayout;
import dev.heapscope.analysis.flame.FlamePalette;
import dev.heapscope.analysis.flame.Rgb;
import dev.heapscope.ui.common.Theme;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Hyperlink;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The flame graph of the hunt's leaks: boxes on the canvas, search, zoom by click, breadcrumb and reset. */
class FlameGraphUiTest extends WindowTestBase {
    private static final double ROW_PX = 18;
    private static final FlamePalette PALETTE = Theme.LIGHT.flamePalette();
    private CallTree tree;
    private int handler;

    @BeforeEach
    void huntAndShowTheFlameGraph() throws Exception {
        runGuidedHunt();
        showTab("flame-graph");
        waitUntil("the leaks' tree drawn", () -> window.flame().tree() != null
                && window.flame().tree().totalValue() == window.leaks().totalBytes());
        tree = onFx(() -> window.flame().tree());
        handler = IntStream.range(0, tree.nodeCount()).filter(node -> tree.name(node).startsWith("handle_request"))
                .boxed().max((a, b) -> Long.compare(tree.total(a), tree.total(b))).orElseThrow();
    }

    @Test
    void theBoxesAreDrawnAndASearchMarksTheMatches() throws Exception {
        WritableImage drawn = onFx(() -> canvas().snapshot(null, null));
        assertColour(drawn, drawn.getWidth() - 4, 1, PALETTE.frame(CallTree.ROOT_NAME));
        assertColour(drawn, boxCentre(handler).getX(), boxCentre(handler).getY(), PALETTE.frame(tree.name(handler)));
        Color background = Theme.LIGHT.background();
        assertColour(drawn, drawn.getWidth() / 2, drawn.getHeight() - 2, new Rgb((int) Math.round(background.getRed() * 255),
                (int) Math.round(background.getGreen() * 255), (int) Math.round(background.getBlue() * 255)));
        assertThat(text("#flame-matched")).isEmpty();

        robot.clickOn("#flame-search").write("handle");
        waitUntil("the matches counted", () -> text("#flame-matched").endsWith("% matched"));
        String matched = text("#flame-matched");
        assertThat(Double.parseDouble(matched.substring(0, matched.indexOf('%')))).isBetween(50.0, 100.0);
        WritableImage searched = onFx(() -> canvas().snapshot(null, null));
        assertColour(searched, boxCentre(handler).getX(), boxCentre(handler).getY(), PALETTE.searchMatch());
        assertColour(searched, searched.getWidth() - 4, 1, PALETTE.dimmed(PALETTE.frame(CallTree.ROOT_NAME)));
    }

    @Test
    void clickingABoxZoomsOnItAndTheBreadcrumbOrResetZoomGoBack() throws Exception {
        assertThat(onFx(() -> window.flame().breadcrumbText())).isEqualTo(CallTree.ROOT_NAME);
        zoomOnTheHandler();
        WritableImage zoomed = onFx(() -> canvas().snapshot(null, null));
        assertColour(zoomed, zoomed.getWidth() - 4, tree.depth(handler) * ROW_PX + 1, PALETTE.frame(tree.name(handler)));
        snapshot(window, "flame-graph");

        robot.clickOn(onFx(() -> robot.lookup("#flame-breadcrumb .hyperlink").queryAllAs(Hyperlink.class).stream()
                .filter(link -> link.getText().equals(CallTree.ROOT_NAME)).findFirst().orElseThrow()));
        waitUntil("back at the root", () -> window.flame().zoomNode() == 0
                && window.flame().breadcrumbText().equals(CallTree.ROOT_NAME));

        zoomOnTheHandler();
        robot.clickOn("#flame-reset");
        waitUntil("the zoom reset", () -> window.flame().zoomNode() == 0
                && window.flame().breadcrumbText().equals(CallTree.ROOT_NAME));
    }

    private void zoomOnTheHandler() throws Exception {
        Point2D centre = boxCentre(handler);
        robot.clickOn(onFx(() -> canvas().localToScreen(centre)));
        waitUntil("zoomed on " + tree.name(handler), () -> window.flame().zoomNode() == handler);
        assertThat(onFx(() -> window.flame().breadcrumbText()))
                .isEqualTo(CallTree.ROOT_NAME + " > " + String.join(" > ", tree.path(handler)));
    }

    /** Where a node's box is when nothing is zoomed: the middle of its width, just under its top edge (no label there). */
    private Point2D boxCentre(int node) throws Exception {
        FlameLayout layout = FlameLayout.of(tree, 0, onFx(() -> canvas().getWidth()), 1.0);
        FlameBox box = layout.boxes().stream().filter(b -> b.node() == node).findFirst().orElseThrow();
        return new Point2D(box.x() + box.width() / 2, box.depth() * ROW_PX + 1);
    }

    private Canvas canvas() {
        return robot.lookup("#flame-canvas").queryAs(javafx.scene.layout.Pane.class).getChildren().stream()
                .filter(Canvas.class::isInstance).map(Canvas.class::cast).findFirst().orElseThrow();
    }

    private static void assertColour(WritableImage image, double x, double y, Rgb expected) {
        Color actual = image.getPixelReader().getColor((int) x, (int) y);
        String where = String.format("pixel (%.0f, %.0f)", x, y);
        assertThat(actual.getRed() * 255).as(where + " red").isCloseTo(expected.red(), within(3.0));
        assertThat(actual.getGreen() * 255).as(where + " green").isCloseTo(expected.green(), within(3.0));
        assertThat(actual.getBlue() * 255).as(where + " blue").isCloseTo(expected.blue(), within(3.0));
    }
}
