package dev.heapscope.sim.net;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16: a message published and not yet sent is held in the board's heap (esp-mqtt's outbox), so a loop of
 * publishes, connected or not, runs out of heap as the board does (publish answers false) instead of queueing
 * its copies in the JVM until virtual time moves on; what was held is given back once sent.
 */
@Timeout(30)
class HostileMqttTest {
    private static final String BROKER = "'mqtt.heapscope.test'";
    private final ClientBoard board = new ClientBoard();

    @AfterEach
    void close() {
        board.close();
    }

    @Test
    void publishingForEverWhileDisconnectedRunsOutOfHeapNotTheJvm() {
        board.type("m = mqtt.Client('dev', 60) m:connect('nowhere.heapscope.test')"); // never answers: not connected
        board.type("s = ('x'):rep(1000) n = 0 while m:publish('t', s, 1, 0) do n = n + 1 end");
        int queued = Integer.parseInt(board.eval("n").trim());
        assertThat(queued).isBetween(50, 400); // a few hundred KB of heap at about a KB each
        assertThat(board.eval("1+1")).isEqualTo("2");
    }

    @Test
    void publishingForEverWhileConnectedIsBoundedAndTheHeapComesBackOnceSent() {
        board.type("m = mqtt.Client('dev', 60) m:connect(" + BROKER + ")");
        board.run(200);
        long before = board.freeHeap();
        board.type("s = ('x'):rep(1000) n = 0 while m:publish('t', s, 0, 0) do n = n + 1 end");
        assertThat(Integer.parseInt(board.eval("n").trim())).isBetween(50, 400);
        board.run(1000);
        board.type("collectgarbage()");
        assertThat(board.freeHeap()).isGreaterThan(before - 4_000); // only s and n remain
    }
}
