package dev.heapscope.ui;

import dev.heapscope.ui.common.Theme;
import dev.heapscope.analysis.flame.FlameDiff;
import dev.heapscope.analysis.timeline.TimeRange;
import dev.heapscope.session.ConnectionState;
import dev.heapscope.ui.leaks.LeakLine;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole window on the virtual board, driven like a user would, headless (Monocle). */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class MainWindowUiTest {
    private final ExecutorService work = Executors.newFixedThreadPool(2);
    @org.junit.jupiter.api.io.TempDir
    Path data;
    private SessionViewModel session;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        session = new SessionViewModel(Platform::runLater, dev.heapscope.session.DataDirectory.at(data));
        window = new MainWindow(session, work, LaunchOptions.parse(java.util.List.of()));
        stage.setScene(new Scene(window, 1280, 800));
        stage.show();
        session.connectSimulator("esp32-devkitc");
    }

    @AfterEach
    void close() {
        session.close();
        work.shutdownNow();
    }

    @Test
    void theGuidedHuntFindsTheLeakAndEveryViewShowsIt(FxRobot robot) throws Exception {
        waitFor(() -> session.connectionProperty().get() == ConnectionState.CONNECTED
                && !robot.lookup("#hunt").queryButton().isDisabled());
        assertThat(robot.lookup("#connection-state").queryAs(Label.class).getText()).isEqualTo("connected");

        robot.clickOn("#hunt");
        waitFor(() -> !session.hunts().busyProperty().get() && window.leaks().visibleGroups().size() > 0
                && session.messageProperty().get().startsWith("Guided hunt done"));
        assertThat(window.leaks().visibleGroups()).extracting(LeakLine::where)
                .anyMatch(top -> top.matches("handle_request \\(request-handler-leak\\.lua:\\d+\\)"));
        snapshot("leaks");

        robot.interact(() -> window.leaks().setFilter("main chunk"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.leaks().visibleGroups()).allMatch(line -> line.matches("main chunk"));
        robot.interact(() -> window.leaks().setFilter(""));

        robot.clickOn("#tab-flame-graph");
        waitFor(() -> window.flame().tree() != null && window.flame().tree().totalValue() > 0);
        assertThat(window.flame().breadcrumbText()).isEqualTo("all");
        robot.clickOn(robot.point("#flame-canvas").atPosition(Pos.TOP_LEFT).atOffset(new Point2D(300, 45)));
        waitFor(() -> !window.flame().breadcrumbText().equals("all"));
        assertThat(window.flame().breadcrumbText()).startsWith("all > ");
        assertThat(window.flame().zoomNode()).isPositive();

        robot.clickOn("#flame-search").write("handle_request");
        waitFor(() -> robot.lookup("#flame-matched").queryAs(Label.class).getText().endsWith("% matched"));
        String matched = robot.lookup("#flame-matched").queryAs(Label.class).getText();
        assertThat(Double.parseDouble(matched.substring(0, matched.indexOf('%')))).isGreaterThan(0);
        robot.interact(() -> window.flame().zoomTo(0));
        snapshot("flame-graph");

        robot.clickOn("#tab-diff");
        waitFor(() -> !window.diff().lines().isEmpty());
        assertThat(window.diff().lines()).anyMatch(line -> line.row().status() == dev.heapscope.analysis.DiffStatus.NEW);
        Path png = WaitForAsyncUtils.asyncFx(() -> window.screenshot(false, 2)).get(10, TimeUnit.SECONDS);
        assertThat(png.getFileName().toString()).startsWith("heapscope-diff-").endsWith("@2x.png");
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo((int) Math.round(2 * window.diff().getWidth()));
        assertThat(png.getParent()).isEqualTo(session.dataDirectory().screenshots());
        waitFor(() -> window.diff().flame().diff() != null);
        var flameDiff = window.diff().flame().diff();
        var diffTree = window.diff().flame().tree();
        assertThat(flameDiff.change(diffTree.root())).isEqualTo(FlameDiff.Change.GROWN);
        assertThat(java.util.stream.IntStream.range(0, diffTree.nodeCount()).mapToObj(flameDiff::change))
                .contains(FlameDiff.Change.NEW);
        snapshot("diff");

        robot.clickOn("#tab-console");
        robot.clickOn("#console-command").write("=1+41").type(javafx.scene.input.KeyCode.ENTER);
        waitFor(() -> session.consoleLines().contains("42"));
        robot.clickOn("#console-command").type(javafx.scene.input.KeyCode.UP);
        assertThat(window.console().commandField().getText()).isEqualTo("=1+41");
        snapshot("console");

        robot.clickOn("#tab-timeline");
        waitFor(() -> session.snapshotProperty().get().samples().size() >= 2);
        snapshot("timeline");
        selectingATimeRangeNarrowsTheLeakTableAndEscRestoresIt(robot);
        robot.interact(() -> window.themeProperty().set(Theme.DARK));
        robot.clickOn("#tab-leaks");
        snapshot("leaks-dark");
        assertThat(Files.size(ViewSnapshots.FOLDER.resolve("leaks.png"))).isGreaterThan(10_000);
    }

    private void selectingATimeRangeNarrowsTheLeakTableAndEscRestoresIt(FxRobot robot) throws Exception {
        waitFor(() -> !window.timeline().events().isEmpty()
                && window.analysis().timesProperty().get().covers(window.analysis().selectedProperty().get()));
        long allBytes = window.leaks().totalBytes();
        int allGroups = window.leaks().visibleGroups().size();
        var events = window.timeline().events();
        robot.clickOn("#timeline-fit-allocations");
        long firstMicros = events.timeMicros(0);
        long lastMicros = events.timeMicros(events.size() - 1);
        double fromX = window.timeline().xOf(firstMicros) - 4;
        double toX = window.timeline().xOf(firstMicros + (lastMicros - firstMicros) / 2);
        assertThat(toX - fromX).as("events from %d to %d µs spread over pixels", firstMicros, lastMicros)
                .isGreaterThan(10);
        Point2D origin = robot.point("#timeline-canvas").atPosition(Pos.TOP_LEFT).query();
        double y = origin.getY() + robot.lookup("#timeline-canvas").query().getBoundsInLocal().getHeight() - 40;

        robot.clickOn("#timeline-select");
        robot.drag(new Point2D(origin.getX() + fromX, y)).dropTo(new Point2D(origin.getX() + toX, y));
        waitFor(() -> window.analysis().analysisProperty().get().range() != null);
        long rangedBytes = window.leaks().totalBytes();
        TimeRange chosen = window.analysis().rangeProperty().get();
        assertThat(rangedBytes).as("bytes in range (all: %d)", allBytes).isLessThan(allBytes).isPositive()
                .isLessThanOrEqualTo(events.bytesBetween(chosen.fromMicros(), chosen.toMicros()));
        assertThat(window.leaks().titleText()).contains("allocated");
        assertThat(robot.lookup("#timeline-range").queryAs(Label.class).getText()).startsWith("Range ");
        snapshot("timeline-range");

        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        waitFor(() -> window.analysis().analysisProperty().get().range() == null);
        assertThat(window.leaks().totalBytes()).isEqualTo(allBytes);
        assertThat(window.leaks().visibleGroups()).hasSize(allGroups);
        assertThat(window.leaks().titleText()).doesNotContain("allocated");
        robot.clickOn("#timeline-select");
    }

    private void snapshot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Path[] written = new Path[1];
        WaitForAsyncUtils.asyncFx(() -> {
            written[0] = ViewSnapshots.write(window, name);
            return null;
        }).get(20, TimeUnit.SECONDS);
        assertThat(written[0]).exists();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get(5, TimeUnit.SECONDS));
    }
}
