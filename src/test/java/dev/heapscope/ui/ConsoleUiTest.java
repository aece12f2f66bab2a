package dev.heapscope.ui;

import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The console: a Lua line and the board's answer, the history on Up/Down, the /snapshot command. */
class ConsoleUiTest extends WindowTestBase {

    @BeforeEach
    void showTheConsole() {
        showTab("console");
    }

    @Test
    void aLuaLineTypedGetsTheBoardsAnswer() throws Exception {
        send("=1+41");
        waitUntil("the answer shown", () -> shownLines().containsAll(java.util.List.of("> =1+41", "42")));
        assertThat(shownLines().indexOf("42")).isGreaterThan(shownLines().indexOf("> =1+41"));
        assertThat(field()).as("the field is ready for the next line").isEmpty();

        send("=nil+1");
        String error = "stdin:1: attempt to perform arithmetic on a nil value";
        waitUntil("the board's error", () -> shownLines().contains("Lua error: \t" + error));
        assertThat(status()).isEqualTo("=nil+1: Lua error: " + error);
        snapshot(window, "console");
    }

    @Test
    void upAndDownBrowseTheLinesSentBefore() throws Exception {
        send("=1");
        send("=2");
        robot.write("=3");
        robot.type(KeyCode.UP);
        assertThat(field()).isEqualTo("=2");
        robot.type(KeyCode.UP);
        assertThat(field()).isEqualTo("=1");
        robot.type(KeyCode.UP);
        assertThat(field()).as("the oldest stays").isEqualTo("=1");
        robot.type(KeyCode.DOWN);
        assertThat(field()).isEqualTo("=2");
        robot.type(KeyCode.DOWN);
        assertThat(field()).as("back to the line being typed").isEqualTo("=3");

        robot.type(KeyCode.UP).type(KeyCode.ENTER);
        waitUntil("=2 sent again", () -> shownLines().stream().filter(line -> line.equals("> =2")).count() == 2);
    }

    @Test
    void slashSnapshotTakesAHeapSnapshotInsteadOfSendingLua() throws Exception {
        send("/snapshot boot");
        waitUntil("the snapshot taken", () -> status().startsWith("Heap snapshot #1 (boot): "));
        assertThat(status()).endsWith("after a full collection (see Retained by)");
        assertThat(selectedTab()).isEqualTo("Retained by");
        assertThat(onFx(() -> session.luaHeap().list())).hasSize(1);
        assertThat(shownLines()).noneMatch(line -> line.contains("/snapshot"));
    }

    private String field() throws Exception {
        return onFx(() -> window.console().commandField().getText());
    }

    /** The lines the console's list shows. */
    private java.util.List<String> shownLines() throws Exception {
        return onFx(() -> window.console().shownLines());
    }
}
