package dev.heapscope.ui;

import dev.heapscope.sim.BoardProfile;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The toolbar's heaptrace verbs: offered only when the trace state allows them, each one reaching the board. */
class VerbsUiTest extends WindowTestBase {
    private static final List<String> VERBS = List.of("#init", "#start", "#stop", "#resume", "#dump", "#gc");

    @BeforeEach
    void freshBoardWithoutABuffer() {
        waitUntil("the fresh board's state known", () -> text("#status-link").equals("connected · no trace buffer"));
    }

    @Test
    void eachVerbIsOfferedWhenTheTraceStateAllowsItAndReachesTheBoard() throws Exception {
        assertOffered("#init", "#gc");

        robot.clickOn("#init-records .increment-arrow-button");
        int recordBytes = BoardProfile.load(BOARD).recordBytes();
        waitUntil("the cost of 550 records", () -> text("#buffer-cost")
                .equals(String.format("= %,d B", 550 * recordBytes)));
        verb("#init", "init(550): ok", "trace buffer ready");
        assertOffered("#init", "#start", "#dump", "#gc");

        verb("#start", "start(leaks): ok", "tracing leaks");
        assertOffered("#init", "#start", "#stop", "#dump", "#gc");

        robot.clickOn("#dump");
        waitUntil("the dump listed", () -> status().matches("dump #1: \\d+ records, \\d+ live bytes")
                && robot.lookup("#dump-list").queryTableView().getItems().size() == 1);

        verb("#stop", "stop(): ok", "stopped tracing leaks");
        assertOffered("#init", "#start", "#resume", "#dump", "#gc");

        verb("#resume", "resume(): ok", "tracing leaks");
        assertOffered("#init", "#start", "#stop", "#dump", "#gc");

        verb("#gc", "collectgarbage(): ok", "tracing leaks");
        eventually(() -> assertThat(consoleLines()).as("the board's console")
                .containsSubsequence("> heaptrace.init(550)", "> heaptrace.start(heaptrace.TRACE_LEAKS)",
                        "> heaptrace.dump()", "> heaptrace.stop()", "> heaptrace.resume()", "> collectgarbage()"));
    }

    @Test
    void theShortcutsFireTheSameVerbs() throws Exception {
        robot.push(KeyCode.CONTROL, KeyCode.I);
        waitUntil("initialised", () -> text("#status-link").equals("connected · trace buffer ready"));
        robot.push(KeyCode.CONTROL, KeyCode.T);
        waitUntil("tracing", () -> text("#status-link").equals("connected · tracing leaks"));
        robot.push(KeyCode.CONTROL, KeyCode.D);
        waitUntil("dumped", () -> status().startsWith("dump #1: "));
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.T);
        waitUntil("stopped", () -> text("#status-link").equals("connected · stopped tracing leaks"));
        robot.push(KeyCode.CONTROL, KeyCode.G);
        waitUntil("collected", () -> status().equals("collectgarbage(): ok"));
    }

    @Test
    void theShortcutOfAVerbNotOfferedDoesNothing() throws Exception {
        assertThat(disabled("#start")).isTrue();
        robot.push(KeyCode.CONTROL, KeyCode.T);
        // a disabled button does not fire: nothing reaches the board and the state stays
        robot.push(KeyCode.CONTROL, KeyCode.G);
        waitUntil("the next verb answered", () -> status().equals("collectgarbage(): ok")
                && consoleLines().contains("> collectgarbage()"));
        assertThat(consoleLines()).noneMatch(line -> line.contains("heaptrace.start"));
        assertThat(text("#status-link")).isEqualTo("connected · no trace buffer");
    }

    private void verb(String button, String answer, String traceShown) {
        robot.clickOn(button);
        waitUntil(button + " answered", () -> status().equals(answer)
                && text("#status-link").equals("connected · " + traceShown));
    }

    /** Exactly these verbs enabled (the buttons follow the trace state as it reaches the window). */
    private void assertOffered(String... enabled) {
        eventually(() -> {
            for (String verb : VERBS) {
                assertThat(disabled(verb)).as(verb + " disabled").isEqualTo(!List.of(enabled).contains(verb));
            }
            assertThat(disabled("#hunt")).as("the hunt is always offered on a connected board").isFalse();
        });
    }
}
