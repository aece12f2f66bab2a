package dev.heapscope.ui;

import dev.heapscope.session.ConnectionState;
import dev.heapscope.session.DataDirectory;
import dev.heapscope.ui.console.ConsoleLine;
import dev.heapscope.ui.leaks.LeakLine;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TreeTableRow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.ThrowingRunnable;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One HeapScope window per test, wired as {@link App} wires it (recovery offered, then connected to a
 * freshly booted virtual board), with its data directory in a temporary folder; headless under Monocle.
 * Helpers read the window on the FX thread and wait with Awaitility.
 */
@Tag("ui")
abstract class WindowTestBase {
    static final String BOARD = "esp32-devkitc";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path data;
    final FxRobot robot = new FxRobot();
    SessionViewModel session;
    MainWindow window;
    private final ExecutorService work = Executors.newFixedThreadPool(2);

    /** Whether the window connects to the virtual board as it opens (as the app does). */
    boolean connectsOnOpen() {
        return true;
    }

    /** Runs before the window opens: a test can leave files in the data directory. */
    void beforeWindowOpens(DataDirectory directory) throws Exception {
    }

    @BeforeEach
    final void openWindow() throws Exception {
        DataDirectory directory = DataDirectory.at(data);
        beforeWindowOpens(directory);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            session = new SessionViewModel(Platform::runLater, directory);
            LaunchOptions options = LaunchOptions.parse(List.of());
            window = new MainWindow(session, work, options);
            window.files().offerRecovery(directory.autosaves());
            stage.setScene(new Scene(window, options.widthPx(), options.heightPx()));
            stage.show();
        });
        if (connectsOnOpen()) {
            session.connectSimulator(BOARD);
            waitUntil("connected and ready to hunt", () -> session.connectionProperty().get() == ConnectionState.CONNECTED
                    && !robot.lookup("#hunt").queryButton().isDisabled());
        }
    }

    @AfterEach
    final void closeWindow() throws Exception {
        robot.release(new KeyCode[0]);
        robot.release(new MouseButton[0]);
        if (window != null) {
            window.close();
        }
        if (session != null) {
            session.close();
        }
        work.shutdownNow();
        FxToolkit.cleanupStages();
    }

    /** Waits until {@code condition}, evaluated on the FX thread, holds. */
    static void waitUntil(String what, Callable<Boolean> condition) {
        waitUntil(what, PATIENCE, condition);
    }

    /** As {@link #waitUntil(String, Callable)}, for work that is long by nature (uploads paced at the board's baud). */
    static void waitUntil(String what, Duration patience, Callable<Boolean> condition) {
        await(what).atMost(patience).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                .until(() -> onFx(condition));
    }

    /** Waits until {@code assertion} (which reads the window with the helpers below) passes; fails with its last message. */
    static void eventually(ThrowingRunnable assertion) {
        await().atMost(PATIENCE).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20)).untilAsserted(assertion);
    }

    /** Reads (or does) something on the FX thread (directly when already on it). */
    static <T> T onFx(Callable<T> read) throws Exception {
        return Platform.isFxApplicationThread() ? read.call() : WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    /** The text of the labelled control (label, button, hyperlink) {@code query} finds. */
    String text(String query) throws Exception {
        return onFx(() -> robot.lookup(query).queryAs(Labeled.class).getText());
    }

    boolean disabled(String query) throws Exception {
        return onFx(() -> robot.lookup(query).query().isDisabled());
    }

    boolean visible(String query) throws Exception {
        return onFx(() -> {
            Node node = robot.lookup(query).query();
            return node.isVisible() && node.getScene() != null;
        });
    }

    String status() throws Exception {
        return text("#status-message");
    }

    /** Every line of the board's console, heap polls' lines included. */
    List<String> consoleLines() throws Exception {
        return onFx(() -> session.consoleLines().stream().map(ConsoleLine::text).toList());
    }

    List<LeakLine> leakRows() throws Exception {
        return onFx(() -> window.leaks().visibleGroups());
    }

    /** Clicks "Guided leak hunt" and waits for the leak table to show what the default scenario leaked. */
    void runGuidedHunt() throws Exception {
        robot.clickOn("#hunt");
        waitUntil("the hunt is done and its leaks shown", () -> !session.hunts().busyProperty().get()
                && session.messageProperty().get().startsWith("Guided hunt done")
                && window.leaks().titleText().matches("New in dump #\\d+ since dump #\\d+: .*")
                && !window.leaks().visibleGroups().isEmpty());
    }

    /**
     * The row showing item {@code index} of the table or tree table {@code query}, once it is shown: a table fills its
     * cells on a later layout pass than the one that gave it its items, which a loaded CI machine can delay.
     */
    Node row(String query, int index) throws Exception {
        Callable<Optional<IndexedCell>> shown = () -> robot.lookup(query + " .indexed-cell").queryAllAs(IndexedCell.class)
                .stream()
                .filter(cell -> (cell instanceof TableRow || cell instanceof TreeTableRow) && cell.getIndex() == index
                        && cell.isVisible() && !cell.isEmpty())
                .findFirst();
        try {
            waitUntil("row " + index + " shown in " + query, () -> shown.call().isPresent());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no row " + index + " shown in " + query);
        }
        return onFx(shown).orElseThrow(() -> new AssertionError("no row " + index + " shown in " + query));
    }

    /** The title of the view tab selected. */
    String selectedTab() throws Exception {
        return onFx(() -> robot.lookup("#views").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getText());
    }

    /** Types a line into the console's command field (its tab shown) and presses Enter. */
    void send(String line) {
        robot.clickOn("#console-command").write(line).type(KeyCode.ENTER);
    }

    /** Pastes a (long) line into the console's command field and presses Enter: typing it would take seconds. */
    void paste(String line) throws Exception {
        robot.clickOn("#console-command");
        onFx(() -> {
            window.console().commandField().replaceSelection(line);
            return null;
        });
        robot.type(KeyCode.ENTER);
    }

    /** Selects a tab by clicking it, as a user would. */
    void showTab(String id) {
        robot.clickOn("#tab-" + id);
    }

    /** Writes a PNG of {@code node} under target/screenshots, for people reading the build's output. */
    Path snapshot(Node node, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Path written = onFx(() -> ViewSnapshots.write(node, name));
        assertThat(written).isNotEmptyFile();
        return written;
    }
}
