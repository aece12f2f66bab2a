package dev.heapscope.session;

import dev.heapscope.console.CommandResult;
import dev.heapscope.sim.BoardOnPty;
import dev.heapscope.sim.BoardProfile;
import dev.heapscope.sim.SimulatedBoard;
import dev.heapscope.transport.pty.PseudoTerminals;
import dev.heapscope.transport.serial.SerialTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Heap polls as a real board gets them: the virtual board served on a pseudo-terminal (BoardOnPty, paced at
 * the profile's 115200 baud) and the session on it through jSerialComm, so every poll is {@code =node.heap()}
 * on the wire. A chunk typed over two lines while polls run every 20 ms reaches the board whole.
 */
class PollsOverPtyTest {

    private static <T> T get(Future<T> future) throws Exception {
        return future.get(30, TimeUnit.SECONDS);
    }

    @Test
    void aChunkTypedOverTwoLinesReachesTheBoardWithNoPollInside(@TempDir Path dir) throws Exception {
        PseudoTerminals.assumeAvailable();
        Path tty = dir.resolve("tty");
        List<String> echoed = new CopyOnWriteArrayList<>();
        try (BoardOnPty board = BoardOnPty.serve(SimulatedBoard.create(BoardProfile.load("esp32-devkitc")), tty, true);
             ProfilingSession session = new ProfilingSession(new SerialTransport(tty.toString()),
                     SessionOptions.DEFAULTS.withCommandTimeoutMillis(10_000))) {
            session.addListener(new SessionListener() {
                @Override
                public void consoleLine(String line, long hostMillis) {
                    echoed.add(line);
                }

                @Override
                public void heapPollLine(String line, long hostMillis) {
                    echoed.add(line);
                }
            });
            get(session.connect());
            get(session.awaitPrompt(15_000));
            session.pollHeapEvery(20);
            await().atMost(Duration.ofSeconds(20)).until(() -> get(session.snapshot()).samples().size() >= 3);

            CommandResult open = get(session.typed("print(\"hello\" .."));
            CommandResult closed = get(session.typed("1)"));
            int samplesAfter = get(session.snapshot()).samples().size();
            await().atMost(Duration.ofSeconds(20)).until(() -> get(session.snapshot()).samples().size() >= samplesAfter + 3);

            assertThat(open.wantsMore()).isTrue();
            assertThat(closed.output()).containsExactly("hello1");
            // What the board echoed is what it received, in its order. Polls go on echoing meanwhile: a view of the
            // live list would throw ConcurrentModificationException, so the assertions read a copy.
            List<String> seen = List.copyOf(echoed);
            int first = seen.indexOf("> print(\"hello\" ..");
            assertThat(first).isNotNegative();
            assertThat(seen.subList(first, first + 3)).containsExactly("> print(\"hello\" ..", ">> 1)", "hello1");
            assertThat(echoed).contains("> =node.heap()");
            String transcript = new String(get(session.transcript()), StandardCharsets.ISO_8859_1);
            assertThat(transcript).doesNotContain("unexpected symbol").doesNotContain("Lua error");
            assertThat(board.isOpen()).isTrue();
        }
    }
}
