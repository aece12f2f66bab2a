package dev.heapscope.cli;

import dev.heapscope.analysis.DumpDiff;
import dev.heapscope.console.CommandResult;
import dev.heapscope.model.Dump;
import dev.heapscope.model.TraceMode;
import dev.heapscope.session.ProfilingSession;
import dev.heapscope.session.SessionOptions;
import dev.heapscope.transport.pty.PseudoTerminals;
import dev.heapscope.transport.serial.SerialTransport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code heapscope sim --pty LINK} with jSerialComm on the other side of a real pseudo-terminal,
 * paced at the board's 115200 baud: the module's documented session, end to end.
 */
class SimPtyEndToEndTest {

    @BeforeEach
    void pseudoTerminalsAreAvailable() {
        PseudoTerminals.assumeAvailable();
    }

    @Test
    void theDocumentedSessionRunsOverARealPseudoTerminal(@TempDir Path dir) throws Exception {
        Path link = dir.resolve("esp32");
        AtomicInteger exitCode = new AtomicInteger(-1);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread server = new Thread(() -> exitCode.set(Main.run(new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err), "sim", "--pty", link.toString(), "--seconds", "100")), "sim-pty-server");
        server.start();

        try (ProfilingSession session = new ProfilingSession(new SerialTransport(link.toString()),
                SessionOptions.DEFAULTS.withCommandTimeoutMillis(10_000))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(link) || !server.isAlive());
            assertThat(link).as("sim --pty serves its link; stderr: %s", err).exists();
            get(session.connect());
            get(session.awaitPrompt(15_000));
            get(session.init(100));
            get(session.collectGarbage());
            get(session.start(TraceMode.LEAKS));
            Dump before = get(session.dump());
            CommandResult leak = get(session.execute("cache = {} for i=1,3 do cache[#cache+1] = {i} end"));
            assertThat(leak.failed()).isFalse();
            get(session.collectGarbage());
            get(session.stop());
            Dump after = get(session.dump());

            assertThat(after.complete()).isTrue();
            assertThat(after.warnings()).isEmpty();
            DumpDiff diff = DumpDiff.between(before, after);
            assertThat(diff.appeared()).hasSizeGreaterThanOrEqualTo(4); // the cache table and its three rows
            assertThat(diff.byteDelta()).isPositive();
        } finally {
            server.interrupt();
            server.join(10_000);
        }
        assertThat(server.isAlive()).isFalse();
        assertThat(Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)).as("link removed on exit").isFalse();
        assertThat(err.toString()).contains("Virtual board esp32-devkitc on /dev/pts/");
    }

    private static <T> T get(Future<T> future) throws Exception {
        return future.get(30, TimeUnit.SECONDS);
    }
}
