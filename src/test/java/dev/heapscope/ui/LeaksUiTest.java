package dev.heapscope.ui;

import dev.heapscope.ui.common.Theme;
import dev.heapscope.ui.leaks.LeakLine;
import javafx.scene.Node;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The leak table after a hunt: one row per call chain, what holds it, the filter, rows and dumps chosen. */
class LeaksUiTest extends WindowTestBase {

    @BeforeEach
    void hunt() throws Exception {
        runGuidedHunt();
    }

    @Test
    void theRecordsAreGroupedByCallChainAndSayWhatHoldsThem() throws Exception {
        List<LeakLine> rows = leakRows();
        assertThat(rows).extracting(LeakLine::chain).doesNotHaveDuplicates();
        assertThat(onFx(() -> window.leaks().titleText())).isEqualTo(String.format(
                "New in dump #2 since dump #1: %,d bytes in %,d records, %d call chains",
                rows.stream().mapToLong(LeakLine::bytes).sum(), rows.stream().mapToInt(LeakLine::count).sum(), rows.size()));
        assertThat(rows).extracting(LeakLine::where).contains("handle_request (request-handler-leak.lua:19)");
        assertThat(onFx(() -> table().getColumns().get(1).getText())).isEqualTo("Held by");
        assertThat(onFx(() -> table().getColumns().get(1).isVisible())).isTrue();
        assertThat(rows).extracting(LeakLine::heldBy).allMatch(held -> held.startsWith("_G.listeners"))
                .contains("_G.listeners[*] \u25b8 upvalue 'context'");

        robot.doubleClickOn(row(0));
        LeakLine first = rows.get(0);
        waitUntil("the first chain opened", () -> table().getExpandedItemCount() == rows.size() + first.count());
        LeakLine record = onFx(() -> table().getTreeItem(1).getValue());
        assertThat(record.group()).isFalse();
        assertThat(record.where()).matches("0x[0-9a-f]{8}");
        assertThat(record.chain()).isEqualTo(first.chain());
        assertThat(record.heldBy()).matches("_G\\.listeners\\[\\d+] \u25b8 upvalue 'context'");
        assertThat(Files.size(snapshot(window, "leaks"))).isGreaterThan(10_000);

        robot.push(KeyCode.CONTROL, KeyCode.L);
        waitUntil("the dark theme", () -> window.getScene().getStylesheets().equals(List.of(Theme.DARK.stylesheetUrl())));
        snapshot(window, "leaks-dark");
    }

    @Test
    void theFilterNarrowsTheTableByFrameOrHolder() throws Exception {
        int all = leakRows().size();
        filter("lua:20");
        assertThat(leakRows()).hasSizeBetween(1, all - 1).allMatch(line -> line.where().contains("lua:20"));
        filter("context");
        assertThat(leakRows()).hasSizeBetween(1, all - 1).allMatch(line -> line.heldBy().contains("upvalue 'context'"));
        filter("main chunk");
        assertThat(leakRows()).hasSize(all).allMatch(line -> line.matches("main chunk"));
        filter("zzz");
        assertThat(leakRows()).isEmpty();
        assertThat(onFx(() -> window.leaks().titleText())).as("the totals do not depend on the filter")
                .endsWith(all + " call chains");
        filter("");
        assertThat(leakRows()).hasSize(all);
    }

    @Test
    void aSelectedRowIsShownInTheFlameGraph() throws Exception {
        LeakLine second = leakRows().get(1);
        robot.clickOn(row(1)).clickOn("#leak-show-flame");
        waitUntil("the flame graph searching the row's frame", () -> selectedTab().equals("Flame graph")
                && text("#flame-matched").endsWith("% matched"));
        assertThat(onFx(() -> robot.lookup("#flame-search").queryTextInputControl().getText())).isEqualTo(second.where());
        String matched = text("#flame-matched");
        assertThat(Double.parseDouble(matched.substring(0, matched.indexOf('%')))).isPositive();
    }

    @Test
    void choosingADumpShowsItsLiveRecords() throws Exception {
        long newBytes = onFx(() -> window.leaks().totalBytes());
        robot.clickOn(row("#dump-list", 0));
        waitUntil("dump #1", () -> window.leaks().titleText().startsWith("Live in dump #1: "));
        robot.clickOn(row("#dump-list", 1));
        waitUntil("dump #2", () -> window.leaks().titleText().startsWith("Live in dump #2: "));
        assertThat(onFx(() -> window.leaks().totalBytes())).as("everything live, not only what is new")
                .isGreaterThanOrEqualTo(newBytes);
    }

    private void filter(String text) {
        robot.clickOn("#leak-filter").push(KeyCode.CONTROL, KeyCode.A);
        if (text.isEmpty()) {
            robot.type(KeyCode.BACK_SPACE);
        } else {
            robot.write(text); // replaces the selected text
        }
        waitUntil("the filter applied", () -> robot.lookup("#leak-filter").queryTextInputControl().getText().equals(text));
    }

    @SuppressWarnings("unchecked")
    private TreeTableView<LeakLine> table() {
        return robot.lookup("#leak-table").queryAs(TreeTableView.class);
    }

    private Node row(int index) throws Exception {
        return row("#leak-table", index);
    }
}
