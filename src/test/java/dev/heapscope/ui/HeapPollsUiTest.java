package dev.heapscope.ui;

import dev.heapscope.session.ConnectionState;
import dev.heapscope.sim.BoardOnPty;
import dev.heapscope.sim.BoardProfile;
import dev.heapscope.sim.SimulatedBoard;
import dev.heapscope.transport.pty.PseudoTerminals;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Heap polls in the window, on a board behind a pseudo-terminal (so every poll is {@code =node.heap()} on the
 * wire, as on a real board): the console does not show them unless "Show heap polls" is ticked, and a chunk
 * typed over two lines while they run gets its answer.
 */
class HeapPollsUiTest extends WindowTestBase {
    private BoardOnPty board;

    @Override
    boolean connectsOnOpen() {
        return false;
    }

    @AfterEach
    void unplug() {
        if (board != null) {
            board.close();
        }
    }

    @Test
    void pollsStayOutOfTheConsoleUnlessAskedAndNeverBreakATypedChunk() throws Exception {
        PseudoTerminals.assumeAvailable();
        Path tty = data.resolve("tty");
        board = BoardOnPty.serve(SimulatedBoard.create(BoardProfile.load(BOARD)), tty, true);
        session.connectSerial(tty.toString(), 115_200);
        waitUntil("connected", () -> session.connectionProperty().get() == ConnectionState.CONNECTED);
        session.pollHeapEvery(50);
        showTab("console");
        waitUntil("polls answered", () -> samples() >= 3 && consoleLines().contains("> =node.heap()"));

        assertThat(shown()).as("polls hidden by default").noneMatch(HeapPollsUiTest::pollLine);
        robot.clickOn("#console-show-polls");
        waitUntil("polls shown when asked", () -> shown().contains("> =node.heap()")
                && shown().stream().anyMatch(line -> line.matches("\\d+")));
        robot.clickOn("#console-show-polls");
        assertThat(shown()).as("hidden again").noneMatch(HeapPollsUiTest::pollLine);

        send("print(\"hello\" ..");
        waitUntil("the board asks for more", () -> status().contains("waits for the rest of this Lua (>>)"));
        int samplesWhileOpen = samples();
        send("1)");
        waitUntil("the answer", () -> shown().contains("hello1"));
        List<String> shown = shown();
        int first = shown.indexOf("> print(\"hello\" ..");
        assertThat(shown.subList(first, first + 3)).containsExactly("> print(\"hello\" ..", ">> 1)", "hello1");
        assertThat(consoleLines()).noneMatch(line -> line.contains("unexpected symbol"));
        waitUntil("polls go on", () -> samples() >= samplesWhileOpen + 3);
        waitUntil("the status bar shows the last sample's free heap", () -> {
            List<dev.heapscope.model.HeapSample> all = session.snapshotProperty().get().samples();
            return text("#status-heap").contains(String.format("%,d", all.get(all.size() - 1).freeBytes()));
        });
    }

    private static boolean pollLine(String line) {
        return line.endsWith("=node.heap()") || line.matches("\\d+");
    }

    private List<String> shown() throws Exception {
        return onFx(() -> window.console().shownLines());
    }

    private int samples() throws Exception {
        return onFx(() -> session.snapshotProperty().get() == null ? 0 : session.snapshotProperty().get().samples().size());
    }
}
