package dev.heapscope.ui;

import dev.heapscope.ui.common.Theme;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The menu bar: theme and screenshots reachable by menu and by shortcut, every export offered. */
class MenusUiTest extends WindowTestBase {

    @Test
    void theThemeByMenuAndByShortcut() throws Exception {
        robot.clickOn("View").clickOn("Light / dark theme");
        waitUntil("dark", () -> window.themeProperty().get() == Theme.DARK);
        robot.push(KeyCode.CONTROL, KeyCode.L);
        waitUntil("light again", () -> window.themeProperty().get() == Theme.LIGHT);
    }

    @Test
    void aScreenshotFromTheFileMenu() throws Exception {
        robot.clickOn("File").clickOn("Screenshot (PNG)").clickOn("Whole window at 2×");
        waitUntil("saved", () -> status().startsWith("Screenshot saved: "));
        Path png = Path.of(status().substring("Screenshot saved: ".length()));
        assertThat(png).isNotEmptyFile().hasParentRaw(session.dataDirectory().screenshots());
        assertThat(png.getFileName().toString()).startsWith("heapscope-window-").endsWith("@2x.png");
        assertThat(Files.size(png)).isPositive();
    }

    @Test
    void everyExportFormatIsOffered() throws Exception {
        robot.clickOn("File").clickOn("Export");
        for (dev.heapscope.export.LogExport.Format format : dev.heapscope.export.LogExport.Format.values()) {
            waitUntil(format.title() + " offered", () -> robot.lookup(format.title() + "…").tryQuery().isPresent());
        }
        robot.type(KeyCode.ESCAPE).type(KeyCode.ESCAPE);
    }

    @Test
    void theMenusKeysWorkFromTheKeyboard() throws Exception {
        // the menu items' accelerators are the only binding of these keys: press them for real
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT2);
        waitUntil("Flame graph selected", () -> selectedTab().equals("Flame graph"));
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT6);
        waitUntil("Timeline selected", () -> selectedTab().equals("Timeline"));
        robot.push(KeyCode.CONTROL, KeyCode.P);
        waitUntil("view saved", () -> status().startsWith("Screenshot saved: ") && status().contains("heapscope-timeline-"));
    }
}
