package dev.heapscope.ui;

import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The window shows before its views are made: a view is made when its tab is first selected or first needed. */
class LazyViewsUiTest extends WindowTestBase {
    @Override
    boolean connectsOnOpen() {
        return false;
    }

    private Map<String, Tab> tabs() throws Exception {
        return onFx(() -> robot.lookup("#views").queryAs(TabPane.class).getTabs().stream()
                .collect(Collectors.toMap(Tab::getText, Function.identity())));
    }

    @Test
    void onlyTheSelectedViewIsMadeAsTheWindowOpens() throws Exception {
        Map<String, Tab> tabs = tabs();
        assertThat(tabs.keySet()).containsExactlyInAnyOrder("Leaks", "Flame graph", "Retained by", "Diff", "Console",
                "Timeline");
        assertThat(onFx(() -> tabs.get("Leaks").getContent())).isNotNull();
        for (String later : new String[] {"Flame graph", "Retained by", "Diff", "Console", "Timeline"}) {
            assertThat(onFx(() -> tabs.get(later).getContent())).as(later).isNull();
        }
    }

    @Test
    void selectingATabMakesItsViewOnce() throws Exception {
        showTab("console");
        waitUntil("the console view made and shown", () -> robot.lookup("#console-command").tryQuery().isPresent());
        Object made = onFx(() -> tabs().get("Console").getContent());
        assertThat(made).isSameAs(onFx(() -> window.console()));
        showTab("leaks");
        showTab("console");
        assertThat(onFx(() -> tabs().get("Console").getContent())).isSameAs(made);
    }

    @Test
    void aViewTheWindowNeedsIsMadeInItsTabWithoutSelectingIt() throws Exception {
        Object diff = onFx(() -> window.diff());
        assertThat(onFx(() -> tabs().get("Diff").getContent())).isSameAs(diff);
        assertThat(selectedTab()).isEqualTo("Leaks");
    }
}
