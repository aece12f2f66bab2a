package dev.heapscope.ui;

import dev.heapscope.ui.common.Theme;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contrast of what the window really paints, read from the nodes after CSS (WCAG 2: 4.5 for text, 3
 * for states and disabled controls), in both themes: the console's placeholder, hints, the status
 * bar, a selected toggle against an unselected one, a disabled verb, the timeline's marker colours.
 */
class ThemeContrastUiTest extends WindowTestBase {
    private static final double TEXT = 4.5;
    private static final double NON_TEXT = 3;

    @ParameterizedTest
    @EnumSource(Theme.class)
    void everyLabelPlaceholderAndToggleStandsOut(Theme theme) throws Exception {
        onFx(() -> {
            window.themeProperty().set(theme);
            return null;
        });
        showTab("console");
        WaitForAsyncUtils.waitForFxEvents();
        double prompt = onFx(() -> {
            TextField field = robot.lookup("#console-command").queryAs(TextField.class);
            Text shown = RenderedText.texts(field).stream().filter(t -> field.getPromptText().equals(t.getText()))
                    .findFirst().orElseThrow(() -> new AssertionError("no placeholder drawn"));
            return RenderedText.contrast((Color) shown.getFill(), RenderedText.background(field));
        });
        assertThat(prompt).as("console placeholder").isGreaterThanOrEqualTo(TEXT);

        for (String label : List.of("#buffer-cost", "#status-link", "#status-heap", "#status-message")) {
            assertThat(onFx(() -> textContrast(robot.lookup(label).queryAs(Label.class)))).as(label).isGreaterThanOrEqualTo(TEXT);
        }
        assertThat(onFx(() -> textContrast(robot.lookup("#start").queryAs(Button.class)))).as("a verb").isGreaterThanOrEqualTo(TEXT);

        // Stop is disabled on a fresh board: faded, yet readable against its own face
        assertThat(disabled("#stop")).isTrue();
        double disabledStop = onFx(() -> {
            Button stop = robot.lookup("#stop").queryAs(Button.class);
            Color bar = RenderedText.background(stop.getParent()).get(0);
            double opacity = stop.getOpacity();
            Color text = RenderedText.over((Color) stop.getTextFill(), opacity, bar);
            return RenderedText.background(stop).stream()
                    .mapToDouble(face -> RenderedText.contrast(text, RenderedText.over(face, opacity, bar))).min().orElse(1);
        });
        assertThat(disabledStop).as("a disabled verb").isGreaterThanOrEqualTo(NON_TEXT);

        showTab("flame-graph");
        WaitForAsyncUtils.waitForFxEvents();
        // Icicle is on by default, like Fold allocator: turned off, there is one of each
        robot.clickOn(onFx(() -> robot.lookup(".toggle-button").queryAllAs(ToggleButton.class).stream()
                .filter(this::onScreen).filter(t -> t.getText().equals("Icicle")).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        List<ToggleButton> toggles = onFx(() -> robot.lookup(".toggle-button").queryAllAs(ToggleButton.class).stream()
                .filter(this::onScreen).toList());
        assertThat(toggles).extracting(ToggleButton::getText).contains("Icicle", "Fold allocator");
        ToggleButton selected = toggles.stream().filter(ToggleButton::isSelected).filter(this::onScreen).findFirst()
                .orElseThrow(() -> new AssertionError("no selected toggle on the flame graph's bar"));
        ToggleButton unselected = toggles.stream().filter(t -> !t.isSelected()).filter(this::onScreen).findFirst()
                .orElseThrow(() -> new AssertionError("no unselected toggle on the flame graph's bar"));
        double states = onFx(() -> RenderedText.contrast(RenderedText.background(selected).get(0), RenderedText.background(unselected)));
        assertThat(states).as("selected against unselected toggle").isGreaterThanOrEqualTo(NON_TEXT);
        assertThat(onFx(() -> textContrast(selected))).as("a selected toggle's text").isGreaterThanOrEqualTo(TEXT);
        assertThat(onFx(() -> textContrast(unselected))).as("an unselected toggle's text").isGreaterThanOrEqualTo(TEXT);

        // the canvases: the timeline draws its labels and marker names in these
        for (Color colour : List.of(theme.text(), theme.marks().muted(), theme.marks().danger(), theme.marks().dump(),
                theme.marks().gc())) {
            assertThat(RenderedText.contrast(colour, theme.background())).as("%s on the canvas", colour).isGreaterThanOrEqualTo(TEXT);
        }
    }

    private boolean onScreen(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static double textContrast(javafx.scene.control.Labeled labeled) {
        return RenderedText.contrast((Color) labeled.getTextFill(), RenderedText.background(labeled));
    }
}
