package dev.heapscope.ui;

import dev.heapscope.sim.ConsoleOutput;
import dev.heapscope.sim.VirtualBoard;
import dev.heapscope.ui.leaks.LeakLine;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The guided hunt from the toolbar: progress, "Cancel hunt", and the leaks of a finished hunt. */
class GuidedHuntUiTest extends WindowTestBase {

    @Test
    void aRunningHuntShowsItsProgressAndCancellingStopsIt() throws Exception {
        assertThat(text("#hunt")).isEqualTo("Guided leak hunt");
        assertThat(visible("#hunt-progress")).isFalse();
        try (BusyBoard busy = new BusyBoard(session.liveBoard().console())) {
            robot.clickOn("#hunt");
            waitUntil("the hunt at its first step", () -> status().equals("Guided hunt: heaptrace.init(500)"));
            assertThat(text("#hunt")).isEqualTo("Cancel hunt");
            assertThat(visible("#hunt-progress")).isTrue();
            assertThat(onFx(() -> robot.lookup("#hunt-progress").queryAs(ProgressBar.class).getProgress()))
                    .isBetween(0.0, 0.5);
            assertThat(disabled("#hunt")).as("cancel is offered").isFalse();
            assertThat(disabled("#init")).as("no verb while hunting").isTrue();
            assertThat(disabled("#connect")).isTrue();

            robot.clickOn("#hunt");
        }
        waitUntil("the hunt stopped", () -> status().startsWith("Guided hunt stopped: the hunt was cancelled before "));
        assertThat(text("#hunt")).isEqualTo("Guided leak hunt");
        assertThat(visible("#hunt-progress")).isFalse();
        waitUntil("the step under way finished on the board", () -> consoleLines().contains("> heaptrace.init(500)"));
        assertThat(consoleLines()).noneMatch(line -> line.contains("dofile"));
        assertThat(leakRows()).as("no leaks from a hunt that never ran its scenario").isEmpty();
    }

    @Test
    void ctrlEnterHuntsAndAFinishedHuntShowsTheLeaks() throws Exception {
        showTab("console");
        robot.push(KeyCode.CONTROL, KeyCode.ENTER);
        waitUntil("the hunt done", () -> status().equals("Guided hunt done: request-handler-leak.lua")
                && !leakRows().isEmpty());
        assertThat(selectedTab()).isEqualTo("Leaks");
        assertThat(onFx(() -> window.leaks().titleText())).startsWith("New in dump #2 since dump #1: ");
        assertThat(leakRows()).extracting(LeakLine::where).contains("handle_request (request-handler-leak.lua:19)",
                "handle_request (request-handler-leak.lua:20)", "main chunk (request-handler-leak.lua:26)");
        assertThat(text("#hunt")).isEqualTo("Guided leak hunt");
        assertThat(text("#status-link")).isEqualTo("connected · stopped tracing leaks");
    }

    @Test
    void theScenarioChosenIsTheOneHunted() throws Exception {
        robot.clickOn("#workload").clickOn("cache-never-evicts.lua");
        runGuidedHunt();
        assertThat(status()).isEqualTo("Guided hunt done: cache-never-evicts.lua");
        assertThat(leakRows()).extracting(LeakLine::location).isNotEmpty()
                .allMatch(location -> location == null || location.startsWith("cache-never-evicts.lua:"))
                .anyMatch(location -> location != null);
    }

    @Test
    void aNetworkScenarioRunsInItsWorldAfterItsWarmUp() throws Exception {
        robot.clickOn("#workload").clickOn("web-server-captures-socket.lua");
        runGuidedHunt();
        assertThat(status()).isEqualTo("Guided hunt done: web-server-captures-socket.lua");
        // the header's clients visited the server the script set up before the trace: one socket, its log and
        // handlers per visit stay, held through the receive callback net.c keeps; the server itself is no leak
        assertThat(leakRows()).filteredOn(row -> "on_connection (web-server-captures-socket.lua:24)".equals(row.where()))
                .singleElement().satisfies(row -> {
                    assertThat(row.count()).isGreaterThanOrEqualTo(10);
                    assertThat(row.heldBy()).startsWith("net.tcpsocket").contains("receive callback");
                });
        assertThat(leakRows()).extracting(LeakLine::where).noneMatch(where -> where.contains("net_listen"));
    }

    /**
     * Holds the virtual board at its next console output until closed, as a board busy with something
     * long would: the hunt waits at its current step.
     */
    private static final class BusyBoard implements ConsoleOutput, AutoCloseable {
        private final VirtualBoard board;
        private final CountDownLatch released = new CountDownLatch(1);

        BusyBoard(VirtualBoard board) {
            this.board = board;
            board.addOutputListener(this);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            try {
                released.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            board.removeOutputListener(this);
            released.countDown();
        }
    }
}
