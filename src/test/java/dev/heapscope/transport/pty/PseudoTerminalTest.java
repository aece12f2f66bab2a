package dev.heapscope.transport.pty;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@Timeout(20)
class PseudoTerminalTest {
    /** Bytes a cooked terminal would swallow or translate: CR, LF, ^C, ^D, ^S, DEL, NUL, 0xFF. */
    private static final byte[] CONTROL_BYTES = {'\r', '\n', 0x03, 0x04, 0x13, 0x7f, 0x00, (byte) 0xff, 'a', '\r'};

    @BeforeEach
    void pseudoTerminalsAreAvailable() {
        PseudoTerminals.assumeAvailable();
    }

    /** Reads until {@code count} bytes came, or 5 s passed: each read polls 100 ms, so it cannot hang. */
    private static byte[] readFromMaster(PseudoTerminal pty, int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1024];
        await().atMost(Duration.ofSeconds(5)).pollInSameThread()
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                .until(() -> {
                    int n = pty.read(buffer, 100);
                    if (n > 0) {
                        out.write(buffer, 0, n);
                    }
                    return out.size() >= count;
                });
        return out.toByteArray();
    }

    @Test
    void bytesWrittenToTheSlaveReachTheMasterUnchanged() throws Exception {
        try (PseudoTerminal pty = PseudoTerminal.open();
             FileOutputStream client = new FileOutputStream(pty.slavePath())) {
            client.write(CONTROL_BYTES);
            client.flush();

            assertThat(readFromMaster(pty, CONTROL_BYTES.length)).isEqualTo(CONTROL_BYTES);
        }
    }

    @Test
    void bytesWrittenToTheMasterReachTheSlaveUnchanged() throws Exception {
        try (PseudoTerminal pty = PseudoTerminal.open();
             FileInputStream client = new FileInputStream(pty.slavePath())) {
            pty.write(CONTROL_BYTES);

            byte[] got = new byte[CONTROL_BYTES.length];
            int total = 0;
            while (total < got.length) {
                int n = client.read(got, total, got.length - total);
                assertThat(n).isPositive();
                total += n;
            }
            assertThat(got).isEqualTo(CONTROL_BYTES);
        }
    }

    @Test
    void readWithNothingToReadTimesOutWithZero() throws Exception {
        try (PseudoTerminal pty = PseudoTerminal.open()) {
            assertThat(pty.read(new byte[16], 120)).isZero();
            assertThat(pty.slavePath()).startsWith("/dev/pts/");
        }
    }

    @Test
    void closingWakesAReaderThatIsWaiting() throws Exception {
        PseudoTerminal pty = PseudoTerminal.open();
        AtomicBoolean reading = new AtomicBoolean();
        CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> {
            try {
                reading.set(true);
                return pty.read(new byte[16], 60_000);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(5)).untilTrue(reading);

        pty.close();

        assertThat(read.get(2, TimeUnit.SECONDS)).isEqualTo(-1);
        assertThat(pty.isClosed()).isTrue();
        pty.close(); // twice is harmless
        assertThatThrownBy(() -> pty.write(new byte[]{1}))
                .isInstanceOf(IOException.class).hasMessageContaining("closed");
    }

    @Test
    void writingWhileNobodyReadsTimesOutWithAClearMessage() throws Exception {
        try (PseudoTerminal pty = PseudoTerminal.open()) {
            byte[] lots = new byte[1 << 20];
            assertThatThrownBy(() -> pty.write(lots, 0, lots.length, 200))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("nobody is reading");
        }
    }

    @Test
    void aLinkPointsAtTheSlaveAndIsRemovedOnClose(@TempDir Path dir) throws Exception {
        Path link = dir.resolve("ttyBOARD");
        Files.createSymbolicLink(link, dir.resolve("stale-target"));
        PseudoTerminal pty = PseudoTerminal.open();

        pty.linkAt(link);

        assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of(pty.slavePath()));
        try (FileOutputStream client = new FileOutputStream(link.toFile())) {
            client.write('x');
        }
        assertThat(readFromMaster(pty, 1)).containsExactly('x');
        pty.close();
        assertThat(link).doesNotExist();
    }

    @Test
    void aRegularFileIsNeverReplacedByALink(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "keep me");
        try (PseudoTerminal pty = PseudoTerminal.open()) {
            assertThatThrownBy(() -> pty.linkAt(file))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("not a symbolic link");
        }
        assertThat(file).hasContent("keep me");
    }
}
