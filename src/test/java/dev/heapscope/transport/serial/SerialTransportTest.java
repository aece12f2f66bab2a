package dev.heapscope.transport.serial;

import dev.heapscope.transport.TransportException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    private FakeBoard board(boolean draining) throws IOException {
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

    @Test
    void pacedWritesAt115200ArriveCompleteAndInOrder() throws Exception {
        FakeBoard board = board(true);
        SerialTransport transport = transport(board.path(), true, 2_000);
        transport.open(new RecordingListener());
        byte[] payload = everyByteValueThenNoise(4_736); // 5760 bytes: half a second of line time at 115200

        long start = System.nanoTime();
        transport.write(payload);
        byte[] arrived = board.awaitBytes(payload.length, 10_000);
        long elapsedMicros = (System.nanoTime() - start) / 1_000;

        assertThat(arrived).isEqualTo(payload);
        // Reported, not asserted: timing depends on the machine.
        System.out.printf("paced %d bytes at 115200 baud in %d ms = %.0f bytes/s (line carries 11520 bytes/s)%n",
                payload.length, elapsedMicros / 1_000, payload.length * 1e6 / elapsedMicros);
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
        Thread.sleep(300); // room for a (wrong) second report
        assertThat(host.disconnectReasons).containsExactly("board disconnected: " + board.path() + " vanished");
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

        long deadline = System.currentTimeMillis() + 3_000;
        while (serialThreadsFor(board.path()) > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(serialThreadsFor(board.path())).isZero();
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
    void baudRateFollowsTheBoardAndPacingUsesIt() throws Exception {
        FakeBoard board = board(true);
        SerialTransport transport = transport(board.path(), true, 2_000);
        transport.open(new RecordingListener());

        transport.setBaudRate(921_600);
        transport.write(everyByteValueThenNoise(1_000));

        assertThat(transport.baudRate()).isEqualTo(921_600);
        assertThat(board.awaitBytes(2_024, 5_000)).isEqualTo(everyByteValueThenNoise(1_000));
        assertThatThrownBy(() -> transport.setBaudRate(0)).isInstanceOf(TransportException.class);
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
