package dev.heapscope.ui;

import dev.heapscope.session.DataDirectory;
import dev.heapscope.symbols.DamagedElves;
import dev.heapscope.symbols.ElfSymbolizer;
import dev.heapscope.symbols.Symbolizers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The app's firmware ELF: decoded only where a looked-up frame lies, and what cannot be decoded said in the
 * status bar (without a stage: the "FX thread" is a single-thread executor).
 */
class FirmwareNamesTest {
    @TempDir
    Path home;
    private final ExecutorService fx = Executors.newSingleThreadExecutor();

    @AfterEach
    void close() {
        fx.shutdownNow();
    }

    @Test
    void theElfDecodesOnlyTheUnitsOfFramesLookedUp() throws Exception {
        Path elf = Files.copy(Path.of(getClass().getResource("/elf/app-xtensa-dwarf5.elf").toURI()),
                home.resolve("lazy.elf"));
        SessionViewModel session = new SessionViewModel(fx, DataDirectory.at(home.resolve("data")));
        fx.submit(() -> session.names().use(elf)).get(10, TimeUnit.SECONDS).get(20, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> session.messageProperty().get().startsWith("Names from"));

        ElfSymbolizer opened = Symbolizers.forElf(elf); // the same, cached, instance
        assertThat(opened.decodedLinePrograms()).as("opening decodes no line program").isZero();
        assertThat(session.names().symbolizer().resolve(DamagedElves.IN_APP_C).orElseThrow().line()).isPositive();
        assertThat(opened.decodedLinePrograms()).as("only app.c's, of the two units").isEqualTo(1);
        assertThat(session.names().warnings()).isEmpty();
    }

    @Test
    void whatALookupCannotDecodeIsSaidInTheStatusBar() throws Exception {
        Path elf = DamagedElves.withBrokenLineProgram(home);
        SessionViewModel session = new SessionViewModel(fx, DataDirectory.at(home.resolve("data")));
        fx.submit(() -> session.names().use(elf)).get(10, TimeUnit.SECONDS).get(20, TimeUnit.SECONDS);

        // as a view's analysis does, off the FX thread
        assertThat(session.names().symbolizer().resolve(DamagedElves.IN_APP_C).orElseThrow().function())
                .isEqualTo("count_buffers");
        await().atMost(Duration.ofSeconds(10)).until(() -> session.messageProperty().get().contains("line_range 0"));
        assertThat(session.messageProperty().get()).startsWith("Warning: ").contains(elf.getFileName().toString())
                .contains("names kept, source lines lost").doesNotContain("Exception");
        assertThat(session.names().warnings()).singleElement().asString().contains("a line table is unreadable");
    }
}
