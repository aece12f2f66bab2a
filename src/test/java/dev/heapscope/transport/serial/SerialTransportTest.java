package dev.heapscope.transport.serial;

import dev.heapscope.transport.TransportException;
import dev.heapscope.transport.pty.PseudoTerminals;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** SerialTransport through jSerialComm against a scripted board on a real pseudo-terminal. */
@Timeout(30)
class SerialTransportTest {
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeEverything() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    /** The board end of a fresh pseudo-terminal; skips the test where this machine has none. */
    private FakeBoard board(boolean draining) throws IOException {
        PseudoTerminals.assumeAvailable();
        FakeBoard board = new FakeBoard(draining);
        toClose.add(board);
        return board;
    }

    private SerialTransport transport(String path, boolean paced, int stallMillis) {
        SerialTransport transport = new SerialTransport(path, SerialTransport.DEFAULT_BAUD_RATE, paced, stallMillis);
        toClose.add(transport);
        return transport;
    }

    private static byte[] everyByteValueThenNoise(int noiseBytes) {
        byte[] data = new byte[256 * 4 + noiseBytes];
        for (int i = 0; i < 256 * 4; i++) {
            data[i] = (byte) i;
        }
        byte[] noise = new byte[noiseBytes];
        new Random(42).nextBytes(noise);
        System.arraycopy(noise, 0, data, 256 * 4, noiseBytes);
        return data;
    }

    @Test
    void everyByteValueTravelsIntactInBothDirections() throws Exception {
        FakeBoard board = board(true);
        RecordingListener host = new RecordingListener();
        SerialTransport transport = transport(board.path(), false, 2_000);
        transport.open(host);
        byte[] toBoard = everyByteValueThenNoise(60_000);
        byte[] toHost = everyByteValueThenNoise(50_000);

        transport.write(toBoard);
        board.pty.write(toHost);

        assertThat(board.awaitBytes(toBoard.length, 10_000)).isEqualTo(toBoard);
        assertThat(host.awaitBytes(toHost.length, 10_000)).isEqualTo(toHost);
        assertThat(host.disconnectReasons).isEmpty();
        assertThat(host.deliveringThreads).containsExactly(transport.readerThread());
    }

    /**
     * The least time a paced write of {@code bytes} can take: every chunk but the first waits for the line
     * time (10 bits a byte at 8N1) of the bytes before it. Paced chunks are a hundredth of a second of
     * line time, so the last one may go out as soon as the rest has had its time.
     */
    private static Duration leastPacedWriteTime(int bytes, int baudRate) {
        int chunk = Math.max(1, baudRate / 10 / 100);
        long bitsBeforeLastChunk = (bytes - Math.min(bytes, chunk)) * 10L;
        return Duration.ofNanos(bitsBeforeLastChunk * 1_000_000_000L / baudRate);
    }

    @Test
    void pacedWritesTakeAtLeastTheirLineTimeAt115200AndArriveCompleteAndInOrder() throws Exception {
        FakeBoard board = board(true);
        SerialTransport transport = transport(board.path(), true, 2_000);
        transport.open(new RecordingListener());
        byte[] payload = everyByteValueThenNoise(4_736); // 5760 bytes: half a second of line time at 115200

        long start = System.nanoTime();
        transport.write(payload);
        Duration writing = Duration.ofNanos(System.nanoTime() - start);

        // A lower bound only: a slow machine takes longer, never shorter. Unpaced, this takes milliseconds.
        assertThat(writing).isGreaterThanOrEqualTo(leastPacedWriteTime(payload.length, 115_200))
                .isGreaterThanOrEqualTo(Duration.ofMillis(480));
        assertThat(board.awaitBytes(payload.length, 10_000)).isEqualTo(payload);
    }

    @Test
    void unplugMidStreamReportsOneDisconnectAfterEveryReceivedByte() throws Exception {
        FakeBoard board = board(true);
        RecordingListener host = new RecordingListener();
        SerialTransport transport = transport(board.path(), false, 2_000);
        transport.open(host);
        Thread streamer = new Thread(() -> {
            byte[] chunk = new byte[512];
            for (long sent = 0; ; sent += chunk.length) {
                for (int i = 0; i < chunk.length; i++) {
                    chunk[i] = (byte) ((sent + i) % 251);
                }
                try {
                    board.pty.write(chunk);
                } catch (IOException closed) {
                    return;
                }
            }
        }, "streaming board");
        streamer.start();

        int receivedBeforeUnplug = host.awaitBytes(20_000, 10_000).length;
        board.close();
        streamer.join(2_000);

        assertThat(host.awaitDisconnect(2_000)).as("disconnected within 2 s").isTrue();
        // one report, and still one 300 ms later: room for a (wrong) second report
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(host.disconnectReasons)
                        .containsExactly("board disconnected: " + board.path() + " vanished"));
        assertThat(host.bytesAfterDisconnect).isFalse();
        byte[] received = host.bytes();
        assertThat(received.length).isGreaterThanOrEqualTo(receivedBeforeUnplug);
        for (int i = 0; i < received.length; i++) {
            if (received[i] != (byte) (i % 251)) {
                throw new AssertionError("byte " + i + " of " + received.length + " is corrupt");
            }
        }
        assertThat(transport.isOpen()).isFalse();
        assertThatThrownBy(() -> transport.write("=node.heap()\n".getBytes()))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("board disconnected");
        transport.readerThread().join(2_000);
        assertThat(transport.readerThread().isAlive()).isFalse();
        assertThat(streamer.isAlive()).isFalse();
    }

    @Test
    void writeToABoardThatNeverReadsFailsInsteadOfHanging() throws Exception {
        FakeBoard board = board(false);
        SerialTransport transport = transport(board.path(), false, 500);
        transport.open(new RecordingListener());

        assertThatThrownBy(() -> transport.write(new byte[256 * 1024]))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("stalled for 500 ms")
                .hasMessageContaining(board.path());
        assertThatThrownBy(() -> transport.write(new byte[]{'x'}))
                .as("still stuck: the next write fails too, in bounded time")
                .isInstanceOf(TransportException.class);

        board.startDraining();
        transport.write("print(1)\n".getBytes());
        assertThat(board.awaitEnding("print(1)\n".getBytes(), 5_000)).as("the later write arrives").isTrue();
    }

    @Test
    void closingWhileAWriteIsStuckReturnsAndLeavesNoThreadBehind() throws Exception {
        FakeBoard board = board(false);
        SerialTransport transport = transport(board.path(), false, 300);
        transport.open(new RecordingListener());
        assertThatThrownBy(() -> transport.write(new byte[256 * 1024])).isInstanceOf(TransportException.class);

        transport.close();
        board.close();

        await().atMost(Duration.ofSeconds(3))
                .untilAsserted(() -> assertThat(serialThreadsFor(board.path())).isZero());
        assertThat(board.readerEnded()).isTrue();
    }

    @Test
    void aSymbolicLinkToThePseudoTerminalWorksAsPortName(@TempDir Path dir) throws Exception {
        FakeBoard board = board(true);
        Path link = dir.resolve("ttyHEAPSCOPE");
        board.pty.linkAt(link);
        RecordingListener host = new RecordingListener();
        SerialTransport transport = transport(link.toString(), false, 2_000);

        transport.open(host);
        transport.write("=node.heap()\n".getBytes());
        board.pty.write("> ".getBytes());

        assertThat(new String(board.awaitBytes(13, 5_000))).isEqualTo("=node.heap()\n");
        assertThat(new String(host.awaitBytes(2, 5_000))).isEqualTo("> ");
        assertThat(transport.describe()).isEqualTo(link + " @ 115200 baud");
    }

    @Test
    void pacingFollowsANewBaudRate() throws Exception {
        FakeBoard board = board(true);
        SerialTransport transport = transport(board.path(), true, 2_000);
        transport.open(new RecordingListener());
        byte[] payload = everyByteValueThenNoise(0); // 1024 bytes: 89 ms of line time at 115200, over 1 s at 9600

        transport.setBaudRate(9_600);
        long start = System.nanoTime();
        transport.write(payload);
        Duration writing = Duration.ofNanos(System.nanoTime() - start);

        assertThat(transport.baudRate()).isEqualTo(9_600);
        assertThat(writing).isGreaterThanOrEqualTo(leastPacedWriteTime(payload.length, 9_600))
                .isGreaterThanOrEqualTo(Duration.ofMillis(1_050));
        assertThat(board.awaitBytes(payload.length, 5_000)).isEqualTo(payload);
        assertThatThrownBy(() -> transport.setBaudRate(0)).isInstanceOf(TransportException.class);
        assertThat(transport.baudRate()).isEqualTo(9_600);
    }

    @Test
    void aFasterBaudRateIsAcceptedAndStillCarriesEveryByte() throws Exception {
        FakeBoard board = board(true);
        SerialTransport transport = transport(board.path(), true, 2_000);
        transport.open(new RecordingListener());

        transport.setBaudRate(921_600);
        transport.write(everyByteValueThenNoise(1_000));

        assertThat(transport.baudRate()).isEqualTo(921_600);
        assertThat(transport.describe()).endsWith(" @ 921600 baud");
        assertThat(board.awaitBytes(2_024, 5_000)).isEqualTo(everyByteValueThenNoise(1_000));
    }

    @Test
    void aMissingPortGivesAClearError() {
        SerialTransport transport = transport("/dev/heapscope-no-such-port", false, 2_000);
        assertThatThrownBy(() -> transport.open(new RecordingListener()))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("/dev/heapscope-no-such-port");
        assertThat(transport.isOpen()).isFalse();
    }

    private static long serialThreadsFor(String path) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("serial-") && t.getName().endsWith(path))
                .count();
    }
}
