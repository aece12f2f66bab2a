package dev.heapscope.launch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16: {@code sim} ends on SIGTERM even while its board is held in a call that does not come back (here a
 * print of 100,000 bytes into a pseudo-terminal nobody reads, so the board's write blocks). The time it took
 * is printed, not asserted (docs/RELIABILITY.md, "Watchdog", has the figures); the bound only proves it ends.
 */
@Timeout(120)
class SimTerminationTest {
    @TempDir
    Path dir;

    @Test
    void simEndsOnSigtermWithItsBoardBlockedInAWrite() throws Exception {
        Path link = dir.resolve("board");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process sim = new ProcessBuilder(List.of(java, "-Dheapscope.home=" + dir.resolve("home"),
                "-cp", System.getProperty("java.class.path"), HeapScope.class.getName(), "sim", "--pty", link.toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("sim.out").toFile()).start();
        try {
            for (int i = 0; i < 600 && !Files.exists(link); i++) {
                assertThat(sim.isAlive()).as("sim is running").isTrue();
                Thread.sleep(100);
            }
            assertThat(link).exists();
            Thread.sleep(2_000); // the board boots and prints its banner, which nobody reads
            try (OutputStream typed = new FileOutputStream(link.toFile())) {
                typed.write("print((\"x\"):rep(100000))\r".getBytes(StandardCharsets.US_ASCII));
            }
            Thread.sleep(2_000); // its output fills the terminal's buffer: the board thread now waits in the write

            long asked = System.nanoTime();
            sim.destroy(); // SIGTERM
            boolean ended = sim.waitFor(30, TimeUnit.SECONDS);
            System.out.printf("sim ended %d ms after SIGTERM%n", (System.nanoTime() - asked) / 1_000_000);

            assertThat(ended).as("sim ended after SIGTERM").isTrue();
            assertThat(Files.readString(dir.resolve("sim.out"))).doesNotContain("Exception", "at java.");
        } finally {
            sim.destroyForcibly();
        }
    }
}
