package dev.heapscope.ui;

import dev.heapscope.analysis.CallTree;
import dev.heapscope.model.HeapSnapshot;
import dev.heapscope.session.ConnectionState;
import dev.heapscope.sim.BoardOnPty;
import dev.heapscope.sim.BoardOptions;
import dev.heapscope.sim.BoardProfile;
import dev.heapscope.sim.SimulatedBoard;
import dev.heapscope.transport.pty.PseudoTerminals;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Heap snapshots by the agent in the window, on the virtual board served on a real pseudo-terminal (so the app
 * sees a serial board): the wire-time estimate, the objects counted while they come, two snapshots around a
 * leak typed at the console and their growth in Retained by, a reset and a cancel that leave a marked snapshot.
 */
class AgentSnapshotUiTest extends WindowTestBase {
    private BoardOnPty board;
    private final List<String> said = new CopyOnWriteArrayList<>();

    @Override
    boolean connectsOnOpen() {
        return false;
    }

    @BeforeEach
    void serialBoard() throws Exception {
        PseudoTerminals.assumeAvailable();
        Path tty = data.resolve("tty");
        board = BoardOnPty.serve(SimulatedBoard.create(BoardProfile.load(BOARD),
                BoardOptions.defaults().withRealTime(true)), tty, true);
        onFx(() -> {
            session.messageProperty().addListener((obs, old, now) -> said.add(now));
            return null;
        });
        session.connectSerial(tty.toString(), 115_200);
        waitUntil("connected", () -> session.connectionProperty().get() == ConnectionState.CONNECTED
                && session.messageProperty().get().contains("heaptrace"));
    }

    @AfterEach
    void unplug() {
        if (board != null) {
            board.close();
        }
    }

    @Test
    void twoAgentSnapshotsAroundALeakShowItsPathWithEstimatedBytes() throws Exception {
        showTab("retained-by");
        robot.clickOn("#retained-snapshot");
        waitUntil("the first snapshot", () -> session.luaHeap().list().size() == 1 && !session.luaHeap().busyProperty().get());
        assertThat(said).anyMatch(text -> text.contains("on the wire at 115,200 baud (an estimate: about"));
        assertThat(said).anyMatch(text -> text.matches("Agent snapshot: [\\d,]+ objects received, about [\\d,]+ expected… \\(Cancel in Retained by\\)"));
        showTab("console");
        paste("cache = {} for i = 1, 40 do cache[i] = {n = i, s = 'entry ' .. i} end");
        waitUntil("the leak typed", () -> status().endsWith("cache[i] = {n = i, s = 'entry ' .. i} end: ok"));
        send("/snapshot after");
        waitUntil("the growth shown", () -> session.luaHeap().list().size() == 2
                && window.retained().showing().startsWith("Growth from #1 to #2")
                && window.retained().icicle().tree() != null
                // the icicle is redrawn off the FX thread: the first snapshot's tree may still be the one shown
                && pathBytes(window.retained().icicle().tree()).containsKey("_G.cache[*]"));

        HeapSnapshot after = onFx(() -> session.luaHeap().list().get(1));
        assertThat(after.title()).isEqualTo("#2 (after · agent, estimated)");
        assertThat(onFx(() -> window.retained().showing())).endsWith("bytes (estimated)").contains(": +");
        assertThat(onFx(() -> window.retained().noteText())).startsWith("Sizes estimated by the agent");
        CallTree growth = onFx(() -> window.retained().icicle().tree());
        // 40 tables of 2 hash nodes: 32 + 20 * 2 bytes each in Lua 5.3's 32-bit layouts, their strings under them
        assertThat(pathBytes(growth)).containsKey("_G.cache[*]").containsKey("_G.cache[*].s");
        assertThat(pathBytes(growth).get("_G.cache[*]")).isGreaterThanOrEqualTo(40L * 72);
        assertThat(status()).startsWith("Heap snapshot #2 (after · agent, estimated): ")
                .contains(" objects, ~").containsPattern("agent's own [\\d,]+ bytes left out").doesNotContain("INCOMPLETE").doesNotContain("Exception");
        snapshot(window, "agent-growth");
    }

    @Test
    void aResetMidSnapshotKeepsWhatArrivedMarkedIncomplete() throws Exception {
        showTab("console");
        paste("local p, n = print, 0 print = function(...) n = n + 1 if n == 40 then node.restart() end return p(...) end");
        waitUntil("print wrapped", () -> status().endsWith("return p(...) end: ok") || status().endsWith("end end: ok"));
        send("/snapshot");
        waitUntil("the cut snapshot kept", () -> session.luaHeap().list().size() == 1 && !session.luaHeap().busyProperty().get());
        HeapSnapshot cut = onFx(() -> session.luaHeap().list().get(0));
        assertThat(cut.title()).isEqualTo("#1 (agent, estimated, INCOMPLETE: board reset)");
        assertThat(cut.objects()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(status()).contains("INCOMPLETE: the board reset while the agent ran");
        assertThat(onFx(() -> window.retained().showing())).startsWith("Heap snapshot #1 (agent, estimated, INCOMPLETE");
        assertThat(onFx(() -> window.retained().noteText())).contains("#1 is INCOMPLETE");
        waitUntil("the session goes on", () -> session.connectionProperty().get() == ConnectionState.CONNECTED);
    }

    @Test
    void aLongSnapshotIsAskedForAndACancelKeepsWhatArrived() throws Exception {
        onFx(() -> {
            session.luaHeap().agent().askAbove(0, AgentQuestion::ask);
            return null;
        });
        showTab("retained-by");
        robot.clickOn("#retained-snapshot");
        waitUntil("the question", () -> robot.lookup("#agent-question").tryQuery().isPresent());
        assertThat(status()).startsWith("Agent snapshot: waiting for your answer; about ").contains(" s on the wire at 115,200 baud");
        robot.clickOn("Cancel");
        waitUntil("not started", () -> status().startsWith("Agent snapshot cancelled: not started; it would have taken about"));
        assertThat(onFx(() -> session.luaHeap().list())).isEmpty();

        // the board stops printing after the agent's 40th line: the snapshot would wait until it times out
        showTab("console");
        paste("local p, n = print, 0 print = function(...) n = n + 1 if n <= 40 then return p(...) end end");
        waitUntil("print wrapped", () -> status().endsWith("return p(...) end end: ok"));
        showTab("retained-by");
        robot.clickOn("#retained-snapshot");
        waitUntil("the question", () -> robot.lookup("#agent-question").tryQuery().isPresent());
        robot.clickOn("Take snapshot");
        waitUntil("objects coming", () -> status().matches("Agent snapshot: [\\d,]+ objects received, .*")
                && text("#retained-snapshot").equals("Cancel snapshot"));
        robot.clickOn("#retained-snapshot");
        waitUntil("the cancelled snapshot kept", () -> session.luaHeap().list().size() == 1 && !session.luaHeap().busyProperty().get());
        HeapSnapshot cancelled = onFx(() -> session.luaHeap().list().get(0));
        assertThat(cancelled.title()).isEqualTo("#1 (agent, estimated, INCOMPLETE: cancelled)");
        assertThat(cancelled.objects()).isNotEmpty();
        assertThat(status()).contains("INCOMPLETE: cancelled by the user");
        assertThat(text("#retained-snapshot")).isEqualTo("Take heap snapshot");
        assertThat(onFx(() -> window.retained().noteText())).contains("#1 is INCOMPLETE");
    }

    @Test
    void aRealBoardsLeaksSayWhereTheirHoldersAreToBeFound() throws Exception {
        session.init(40).get(10, java.util.concurrent.TimeUnit.SECONDS);
        session.start(dev.heapscope.model.TraceMode.LEAKS).get(10, java.util.concurrent.TimeUnit.SECONDS);
        session.execute("kept = {} for i = 1, 5 do kept[i] = {i} end").get(10, java.util.concurrent.TimeUnit.SECONDS);
        session.dump().get(20, java.util.concurrent.TimeUnit.SECONDS);
        waitUntil("the records shown", () -> !window.leaks().visibleGroups().isEmpty());
        assertThat(visible("#leak-holders-unknown")).isTrue();
        assertThat(window.leaks().visibleGroups()).allMatch(line -> line.heldBy().isEmpty());
        robot.clickOn("#leak-holders-unknown");
        waitUntil("Retained by shown", () -> selectedTab().equals("Retained by"));
        assertThat(onFx(() -> window.retained().noteText())).startsWith("A real board's dump does not say which Lua object");
        assertThat(onFx(() -> window.retained().icicle().tree().totalValue())).as("no made-up holders").isZero();
        snapshot(window, "agent-leaks-real-board");
    }

    /** Every path of the icicle, its names joined ("_G" + ".cache" + "[*]"), with the bytes under it. */
    private static Map<String, Long> pathBytes(CallTree tree) {
        Map<String, Long> out = new TreeMap<>();
        collect(tree, tree.root(), "", out);
        return out;
    }

    private static void collect(CallTree tree, int node, String prefix, Map<String, Long> out) {
        for (int child : tree.children(node)) {
            out.put(prefix + tree.name(child), tree.total(child));
            collect(tree, child, prefix + tree.name(child), out);
        }
    }
}
