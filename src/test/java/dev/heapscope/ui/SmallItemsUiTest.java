package dev.heapscope.ui;

import dev.heapscope.session.GuidedHunt;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TreeTableView;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A clean hunt says nothing leaked; Connect is off while connected; a disabled "Open" says why. */
class SmallItemsUiTest extends WindowTestBase {

    @Test
    void aHuntThatLeaksNothingSaysSoWithItsDumps() throws Exception {
        GuidedHunt.Result result = onFx(() -> session.hunts().hunt("nothing.lua", "local quiet = 1\n", 0, 500))
                .get(60, TimeUnit.SECONDS);
        onFx(() -> {
            window.analysis().showNewSince(result.first(), result.last());
            return null;
        });
        int first = result.first().index() + 1;
        int last = result.last().index() + 1;
        waitUntil("the clean result shown", () -> window.leaks().titleText().startsWith("New in dump #" + last));
        assertThat(leakRows()).isEmpty();
        assertThat(text("#leak-placeholder")).isEqualTo("Nothing leaked between dump #" + first + " and dump #" + last
                + ": no record of dump #" + last + " is new since dump #" + first + ".");
    }

    @Test
    void connectIsOfferedOnlyWhenNotConnected() throws Exception {
        assertThat(disabled("#connect")).isTrue();
        assertThat(disabled("#disconnect")).isFalse();
        robot.clickOn("#disconnect");
        waitUntil("disconnected", () -> !robot.lookup("#connect").query().isDisabled());
        assertThat(disabled("#disconnect")).isTrue();
        robot.clickOn("#connect");
        waitUntil("connected again", () -> robot.lookup("#connect").query().isDisabled()
                && !robot.lookup("#disconnect").query().isDisabled());
    }

    @Test
    void openingASourceThatIsOnlyOnTheBoardIsRefusedInWords() throws Exception {
        runGuidedHunt();
        robot.clickOn(row("#leak-table", 0));
        // headless Monocle sends no context-menu request for a right click: open the table's menu as it would
        ContextMenu menu = onFx(() -> {
            TreeTableView<?> table = robot.lookup("#leak-table").queryAs(TreeTableView.class);
            table.getContextMenu().show(table, javafx.geometry.Side.BOTTOM, 0, 0);
            return table.getContextMenu();
        });
        waitUntil("the menu shown", menu::isShowing);
        MenuItem open = onFx(() -> menu.getItems().stream().filter(i -> i.getText().startsWith("Open ")).findFirst()
                .orElseThrow());
        assertThat(onFx(open::isDisable)).isTrue();
        assertThat(onFx(open::getText)).matches("Open request-handler-leak\\.lua:\\d+ \\(not on this machine\\)");
        onFx(() -> {
            menu.hide();
            return null;
        });
    }
}
