package dev.heapscope.ui;

import dev.heapscope.analysis.CallTree;
import dev.heapscope.session.ConnectionState;
import dev.heapscope.ui.leaks.LeakLine;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Who holds each leak, in the window: the Held-by column, the Retained-by icicle, heap snapshots and their growth. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class RetainedByUiTest {
    private final ExecutorService work = Executors.newFixedThreadPool(2);
    @org.junit.jupiter.api.io.TempDir
    Path data;
    private SessionViewModel session;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        session = new SessionViewModel(Platform::runLater, dev.heapscope.session.DataDirectory.at(data));
        window = new MainWindow(session, work, LaunchOptions.parse(List.of()));
        stage.setScene(new Scene(window, 1280, 800));
        stage.show();
        session.connectSimulator("esp32-devkitc");
    }

    @AfterEach
    void close() {
        session.close();
        work.shutdownNow();
    }

    private static List<String> childNames(CallTree tree, int node) {
        List<String> names = new ArrayList<>();
        for (int child : tree.children(node)) {
            names.add(tree.name(child));
        }
        return names;
    }

    @Test
    void theLeakTableSaysWhoHoldsEachLeakAndTheRetainedViewDrawsThePaths(FxRobot robot) throws Exception {
        waitFor(() -> session.connectionProperty().get() == ConnectionState.CONNECTED
                && !robot.lookup("#hunt").queryButton().isDisabled());
        robot.clickOn("#hunt");
        waitFor(() -> !session.hunts().busyProperty().get() && !window.leaks().visibleGroups().isEmpty()
                && session.messageProperty().get().startsWith("Guided hunt done"));
        assertThat(window.leaks().visibleGroups()).extracting(LeakLine::heldBy)
                .allMatch(held -> held.startsWith("_G.listeners"))
                .contains("_G.listeners[*] \u25b8 upvalue 'context'");
        robot.interact(() -> window.leaks().setFilter("upvalue 'context'"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.leaks().visibleGroups()).isNotEmpty()
                .allMatch(line -> line.heldBy().contains("upvalue 'context'"));
        robot.interact(() -> window.leaks().setFilter(""));

        robot.clickOn("#tab-retained-by");
        waitFor(() -> window.retained().icicle().tree() != null && window.retained().icicle().tree().totalValue() > 0);
        CallTree paths = window.retained().icicle().tree();
        assertThat(childNames(paths, paths.root())).containsExactly("_G");
        int g = paths.children(paths.root())[0];
        assertThat(childNames(paths, g)).containsExactly(".listeners");
        assertThat(paths.total(g)).isEqualTo(window.leaks().totalBytes());
        ViewSnapshotsAccess.write(window, "retained-by");

        robot.clickOn("#tab-console");
        robot.clickOn("#console-command").write("/snapshot before").type(KeyCode.ENTER);
        waitFor(() -> session.luaHeap().list().size() == 1);
        robot.clickOn("#tab-console");
        robot.clickOn("#console-command").write("grown = {} for i = 1, 30 do grown[i] = {i} end").type(KeyCode.ENTER);
        waitFor(() -> session.consoleLines().stream().anyMatch(line -> line.startsWith("> grown = {}")));
        robot.clickOn("#console-command").write("/snapshot after").type(KeyCode.ENTER);
        waitFor(() -> session.luaHeap().list().size() == 2 && window.retained().showing().startsWith("Growth from #1 to #2")
                && window.retained().icicle().tree() != null
                && childNames(window.retained().icicle().tree(), 0).contains("_G"));
        CallTree growth = window.retained().icicle().tree();
        int grownRoot = growth.children(growth.root())[0];
        assertThat(childNames(growth, grownRoot)).containsExactly(".grown");
        assertThat(growth.totalValue()).isGreaterThanOrEqualTo(30L * 40);
        assertThat(session.messageProperty().get()).startsWith("Heap snapshot #2 (after)");
        ViewSnapshotsAccess.write(window, "retained-growth");
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get(5, TimeUnit.SECONDS));
    }

    /** Writes the window as a PNG under target/screenshots. */
    private static final class ViewSnapshotsAccess {
        static void write(MainWindow window, String name) throws Exception {
            WaitForAsyncUtils.waitForFxEvents();
            Path[] written = new Path[1];
            WaitForAsyncUtils.asyncFx(() -> {
                written[0] = ViewSnapshots.write(window, name);
                return null;
            }).get(20, TimeUnit.SECONDS);
            assertThat(written[0]).exists();
        }
    }
}
