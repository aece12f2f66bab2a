package dev.heapscope.cli;

import dev.heapscope.transport.pty.PseudoTerminals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code heapscope sim --pty} in a thread of the test, for commands that talk to a serial port. */
final class VirtualBoardOnPty {
    private Thread server;

    /** Serves the virtual board at {@code dir/esp32}; skips the test where there are no pseudo-terminals. */
    Path serve(Path dir, String... more) {
        PseudoTerminals.assumeAvailable();
        Path link = dir.resolve("esp32");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("sim", "--pty", link.toString(), "--seconds", "300"));
        args.addAll(List.of(more));
        server = new Thread(() -> Main.run(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err),
                args.toArray(String[]::new)), "sim-pty-server");
        server.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(link) || !server.isAlive());
        assertThat(link).as("sim --pty serves its link; stderr: %s", err).exists();
        return link;
    }

    /** Runs one Lua line on the board served at {@code link}, through a serial session of its own. */
    static void typeAt(Path link, String lua) throws Exception {
        try (dev.heapscope.session.OpenedSession opened = dev.heapscope.session.Sessions.serial(link.toString(), 115200,
                dev.heapscope.session.Sessions.Setup.headless(20_000L).withPromptTimeoutMillis(20_000L))) {
            opened.connect().get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(opened.session().execute(lua).get(20, java.util.concurrent.TimeUnit.SECONDS).failed()).isFalse();
        }
    }

    void stop() throws InterruptedException {
        if (server != null) {
            server.interrupt();
            server.join(10_000);
        }
    }
}
