package dev.heapscope.ui;

import dev.heapscope.analysis.DiffStatus;
import dev.heapscope.analysis.flame.FlameDiff;
import dev.heapscope.model.Dump;
import dev.heapscope.ui.dumps.DiffView;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Two dumps compared chain by chain (NEW, GROWN…), the differential flame graph, and its PNG export. */
class DiffUiTest extends WindowTestBase {
    /** Run twice between dumps: the same call chain keeps five more tables each time. */
    private static final String KEEP_FIVE_MORE = "kept = kept or {} for i = 1, 5 do kept[#kept + 1] = {} end";

    private static final String BEFORE = "#diff-before > .list-cell";
    private static final String AFTER = "#diff-after > .list-cell";

    @Test
    void theHuntsTwoDumpsAreComparedWithItsLeaksNew() throws Exception {
        runGuidedHunt();
        showTab("diff");
        waitUntil("the two dumps compared", () -> !window.diff().lines().isEmpty());
        assertThat(text(BEFORE)).matches("#1 \\(\\d+ records\\)");
        assertThat(text(AFTER)).matches("#2 \\(\\d+ records\\)");
        List<DiffView.Line> lines = onFx(() -> window.diff().lines());
        assertThat(lines).extracting(line -> line.row().status()).containsOnly(DiffStatus.NEW);
        assertThat(lines).extracting(DiffView.Line::topFrame).contains("handle_request (request-handler-leak.lua:19)");
        assertThat(onFx(() -> window.diff().summaryText())).matches(String.format(
                "\\+[\\d,]+ bytes, \\+[\\d,]+ records; %d new, 0 gone", lines.stream().mapToInt(l -> l.row().countDelta()).sum()));
        assertThat(onFx(() -> robot.lookup("#diff-table .table-cell").queryAllAs(javafx.scene.control.TableCell.class)
                .stream().filter(cell -> "NEW".equals(cell.getText())).count())).as("NEW cells shown").isPositive();

        waitUntil("the differential flame graph", () -> window.diff().flame().diff() != null);
        FlameDiff flameDiff = onFx(() -> window.diff().flame().diff());
        var diffTree = onFx(() -> window.diff().flame().tree());
        assertThat(flameDiff.change(diffTree.root())).isEqualTo(FlameDiff.Change.GROWN);
        assertThat(IntStream.range(0, diffTree.nodeCount()).mapToObj(flameDiff::change)).contains(FlameDiff.Change.NEW);
        snapshot(window, "diff");

        Path png = onFx(() -> window.screenshot(false, 2));
        assertThat(png.getFileName().toString()).startsWith("heapscope-diff-").endsWith("@2x.png");
        assertThat(png.getParent()).isEqualTo(session.dataDirectory().screenshots());
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo((int) Math.round(2 * onFx(() -> window.diff().getWidth())));
        assertThat(status()).isEqualTo("Screenshot saved: " + png);
    }

    @Test
    void theHuntsPairStaysChosenWhenItsLastDumpReachesTheViewsAfterTheHuntEnded() throws Exception {
        runGuidedHunt();
        // the hunt's dumps reach the analysis list through the FX queue, possibly after its result
        waitUntil("both dumps in the views", () -> window.analysis().dumps().size() >= 2);
        List<Dump> dumps = onFx(() -> List.copyOf(window.analysis().dumps()));
        onFx(() -> { // the order of a busy window: dump #1 shown, the hunt's result, then dump #2
            window.analysis().dumps().setAll(dumps.get(0));
            window.diff().compare(dumps.get(0), dumps.get(1));
            window.analysis().dumps().setAll(dumps);
            return null;
        });
        assertThat(text(BEFORE)).startsWith("#1 (");
        assertThat(text(AFTER)).startsWith("#2 (");
    }

    @Test
    void aChainThatGrewBetweenTwoDumpsIsGrownAndItsNewRecordsCanBeShownAsLeaks() throws Exception {
        robot.clickOn("#init");
        waitUntil("initialised", () -> !disabled("#start"));
        robot.clickOn("#start");
        waitUntil("tracing", () -> !disabled("#stop"));
        showTab("console");
        for (int dump = 1; dump <= 2; dump++) {
            paste(KEEP_FIVE_MORE);
            robot.clickOn("#dump");
            String answer = "dump #" + dump + ": ";
            waitUntil("dump #" + dump, () -> status().startsWith(answer));
        }
        showTab("diff");
        waitUntil("dumps #1 and #2 compared", () -> text(AFTER).startsWith("#2 (")
                && !window.diff().lines().isEmpty());
        assertThat(onFx(() -> window.diff().lines())).filteredOn(line -> line.row().status() == DiffStatus.GROWN)
                .isNotEmpty().allMatch(line -> line.row().byteDelta() > 0)
                .extracting(DiffView.Line::topFrame).contains("main chunk (stdin:1)");

        robot.clickOn("Show new records as leaks");
        waitUntil("the new records as leaks", () -> selectedTab().equals("Leaks")
                && window.leaks().titleText().startsWith("New in dump #2 since dump #1: "));
        assertThat(leakRows()).extracting(line -> line.where()).contains("main chunk (stdin:1)");
    }
}
