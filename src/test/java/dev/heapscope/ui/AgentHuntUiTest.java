package dev.heapscope.ui;

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
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A guided hunt on a serial board (the virtual board on a real pseudo-terminal) with "Lua snapshots" on: the
 * agent's snapshots before and after the workload land in Retained by beside the hunt's C leaks; off, none.
 */
class AgentHuntUiTest extends WindowTestBase {
    private static final String LEAK = "kept = kept or {}\nfor i = 1, 12 do kept[#kept + 1] = {n = i, s = 'kept ' .. i} end\n";
    private BoardOnPty board;

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
    void theHuntsLuaSnapshotsShowWhichPathHoldsWhatItLeaked() throws Exception {
        assertThat(onFx(() -> session.hunts().agentSnapshotsProperty().get())).as("on by default").isTrue();
        onFx(() -> session.hunts().hunt("leak.lua", LEAK, 0, 300));
        // two uploads of the agent, line by line at 115200 baud: about 20 s on a quiet machine, more on a busy one
        waitUntil("the hunt done", Duration.ofSeconds(120), () -> !session.hunts().busyProperty().get()
                && session.messageProperty().get().startsWith("Guided hunt done"));
        assertThat(status()).endsWith("; the Lua heap before and after it is in Retained by");
        // the snapshots' paths are worked out off the FX thread; they join the list just after
        waitUntil("both snapshots in Retained by", () -> session.luaHeap().list().size() == 2);
        List<HeapSnapshot> taken = onFx(() -> List.copyOf(session.luaHeap().list()));
        assertThat(taken).extracting(HeapSnapshot::title).containsExactly(
                "#1 (hunt, before the workload · agent, estimated)", "#2 (hunt, after the workload · agent, estimated)");
        long grown = taken.get(1).objects().stream().filter(o -> o.path().grouped().equals("_G.kept[*]")).count()
                - taken.get(0).objects().stream().filter(o -> o.path().grouped().equals("_G.kept[*]")).count();
        assertThat(grown).as("the twelve tables the workload kept").isEqualTo(12);
    }

    @Test
    void withLuaSnapshotsOffTheHuntTakesNone() throws Exception {
        onFx(() -> {
            session.hunts().agentSnapshotsProperty().set(false);
            return session.hunts().hunt("leak.lua", LEAK, 0, 300);
        });
        waitUntil("the hunt done", () -> !session.hunts().busyProperty().get()
                && session.messageProperty().get().startsWith("Guided hunt done"));
        assertThat(status()).doesNotContain("Retained by");
        assertThat(onFx(() -> session.luaHeap().list())).isEmpty();
    }
}
