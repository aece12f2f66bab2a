package dev.heapscope.ui;

import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The details pane: the whole chain, what holds it and the Lua source of a leak row after a hunt; F3 hides it. */
class DetailsPaneUiTest extends WindowTestBase {

    @Test
    void aLeakRowShowsItsWholeChainHoldersAndSourceLines() throws Exception {
        runGuidedHunt();
        assertThat(onFx(() -> window.details().shown())).as("hidden at the default 1360 px width").isFalse();
        robot.type(KeyCode.F3);
        waitUntil("shown", () -> window.details().shown());
        robot.clickOn(row("#leak-table", 0));
        waitUntil("details of the row", () -> window.details().pane().shownText().startsWith("Leak row"));
        String text = onFx(() -> window.details().pane().shownText());
        assertThat(text).contains("Lua frames:").contains("Firmware frames:").contains("request-handler-leak.lua:")
                .contains("Held by:").containsPattern("\\n {6}> +\\d+ \\| .*\\S")
                .containsPattern("#\\d+ +\\S+ +0x[0-9a-f]{8}");
        snapshot(window, "details-pane");
        robot.type(KeyCode.F3);
        waitUntil("hidden", () -> !window.details().shown());
    }

    @Test
    void aClickedFlameFrameShowsTheChainUnderIt() throws Exception {
        runGuidedHunt();
        showTab("flame-graph");
        waitUntil("a flame tree", () -> window.flame().tree() != null && window.flame().tree().nodeCount() > 2);
        onFx(() -> {
            int node = window.flame().tree().child(0, 0);
            window.flame().zoomTo(node);
            window.flame().fireEvent(new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_CLICKED,
                    0, 0, 0, 0, javafx.scene.input.MouseButton.PRIMARY, 1, false, false, false, false, true,
                    false, false, false, false, false, null));
            return null;
        });
        waitUntil("details of the frame", () -> window.details().pane().shownText().startsWith("Flame frame"));
        assertThat(onFx(() -> window.details().pane().shownText())).contains("Call chain, innermost first");
    }
}
