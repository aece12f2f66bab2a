package dev.heapscope.session;

import dev.heapscope.console.CommandResult;
import dev.heapscope.sim.BoardProfile;
import dev.heapscope.sim.SimulatedBoard;
import dev.heapscope.sim.SimulatorTransport;
import dev.heapscope.transport.Transport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Heap polls on the virtual board, over the session layer: they do not make the heap drift, they never
 * mix with a chunk the user is typing, and their lines are kept apart from the console's.
 */
class HeapPollingTest {
    private SimulatedBoard board;
    private ProfilingSession session;

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
    }

    private static <T> T get(Future<T> future) throws Exception {
        return future.get(20, TimeUnit.SECONDS);
    }

    private ProfilingSession connect(Transport link) throws Exception {
        session = new ProfilingSession(link, SessionOptions.DEFAULTS);
        get(session.connect());
        get(session.awaitPrompt(10_000));
        return session;
    }

    /**
     * Ten virtual minutes of an idle board, polled once a virtual second: every sample is the same number.
     * Exactly equal, not "within a tolerance", because on the virtual board a poll reads the heap counter
     * {@code node.heap()} reads (SimulatorTransport's heap counter) and runs no Lua, and nothing else runs on
     * an idle board, so nothing is allocated between samples. The transcript proves no Lua was sent.
     */
    @Test
    void tenIdleVirtualMinutesPolledEverySecondShowAFlatLine() throws Exception {
        board = SimulatedBoard.create(BoardProfile.load("esp32-devkitc"));
        connect(new SimulatorTransport(board, false));
        long before = board.console().later(() -> board.heap().freeBytes()).get(10, TimeUnit.SECONDS);
        List<Long> samples = new ArrayList<>();
        for (int second = 0; second < 600; second++) {
            board.console().runVirtualTime(1_000);
            samples.add(get(session.pollHeap()).freeBytes());
        }

        assertThat(samples).hasSize(600).containsOnly(before);
        assertThat(get(session.snapshot()).samples()).hasSize(600);
        assertThat(new String(get(session.transcript()), StandardCharsets.ISO_8859_1)).doesNotContain("node.heap");
    }

    /**
     * Why the virtual board is not polled with Lua: each {@code =node.heap()} leaves its printed result (a new
     * short string, 23 bytes of Lua object in a 28-byte block) as garbage, and with NodeMCU's pause of 110 the
     * collector's next cycle is hundreds of polls away: free heap falls by 28 bytes a poll. It is garbage, not
     * a leak: a full collection gives every byte back.
     */
    @Test
    void aLuaPollLeavesGarbageThatAFullCollectionGivesBack() throws Exception {
        board = SimulatedBoard.create(BoardProfile.load("esp32-devkitc"));
        connect(new WireRecorder(new SimulatorTransport(board, false)));
        List<Long> samples = new ArrayList<>();
        for (int poll = 0; poll < 10; poll++) {
            samples.add(get(session.pollHeap()).freeBytes());
        }
        for (int i = 1; i < samples.size(); i++) {
            assertThat(samples.get(i - 1) - samples.get(i)).as("garbage left by poll " + i).isEqualTo(28);
        }
        get(session.collectGarbage());
        assertThat(get(session.pollHeap()).freeBytes()).isEqualTo(samples.get(0));
    }

    /**
     * Polls every 10 ms (with {@code =node.heap()}, as on a real board) while the user types a chunk over two
     * lines: the board gets the user's two lines one after the other with no poll between them, answers
     * {@code hello1}, and polls go on once the chunk is complete. Every write is one whole line.
     */
    @Test
    void aChunkTypedOverTwoLinesWhilePollsRunIsNeverInterleaved() throws Exception {
        board = SimulatedBoard.create(BoardProfile.load("esp32-devkitc"));
        WireRecorder wire = new WireRecorder(new SimulatorTransport(board, false));
        connect(wire);
        List<String> pollLines = new CopyOnWriteArrayList<>();
        List<String> consoleLines = new CopyOnWriteArrayList<>();
        session.addListener(new SessionListener() {
            @Override
            public void heapPollLine(String line, long hostMillis) {
                pollLines.add(line);
            }

            @Override
            public void consoleLine(String line, long hostMillis) {
                consoleLines.add(line);
            }
        });
        session.pollHeapEvery(10);
        awaitSamples(3);

        CommandResult first = get(session.typed("print(\"hello\" .."));
        assertThat(first.wantsMore()).as("the board shows >>").isTrue();
        int samplesWhileOpen = samples();
        assertThatThrownBy(() -> get(session.execute("=1"))).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("waits for the rest of a Lua chunk typed at the console");
        assertThatThrownBy(() -> get(session.pollHeap())).hasMessageContaining("waits for the rest of a Lua chunk");
        Thread.sleep(200); // twenty poll ticks: none may go out while the board waits for the rest
        assertThat(samples()).as("no poll while the chunk is open").isEqualTo(samplesWhileOpen);
        CommandResult second = get(session.typed("1)"));
        assertThat(second.wantsMore()).isFalse();
        assertThat(second.output()).containsExactly("hello1");
        awaitSamples(samplesWhileOpen + 3);

        List<String> writes = wire.writes();
        int typed = writes.indexOf("print(\"hello\" ..\n");
        assertThat(typed).isNotNegative();
        assertThat(writes.get(typed + 1)).as("the next thing on the wire is the rest of the chunk").isEqualTo("1)\n");
        assertThat(writes.subList(0, typed)).as("polls ran before").contains("=node.heap()\n");
        assertThat(writes.subList(typed + 2, writes.size())).as("and after").contains("=node.heap()\n");
        assertThat(writes).allMatch(w -> w.equals("=node.heap()\n") || w.equals("print(\"hello\" ..\n")
                || w.equals("1)\n") || w.equals("\n"));
        String transcript = new String(get(session.transcript()), StandardCharsets.ISO_8859_1);
        assertThat(transcript).contains("> print(\"hello\" ..\n>> 1)\nhello1\n").doesNotContain("unexpected symbol");
        assertThat(consoleLines).contains("> print(\"hello\" ..", ">> 1)", "hello1").noneMatch(l -> l.contains("node.heap"));
        assertThat(pollLines).contains("> =node.heap()").anyMatch(l -> l.matches("\\d+"));
    }

    private int samples() throws Exception {
        return get(session.snapshot()).samples().size();
    }

    private void awaitSamples(int atLeast) {
        await().atMost(Duration.ofSeconds(20)).until(() -> samples() >= atLeast);
    }
}
