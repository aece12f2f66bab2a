package dev.heapscope.sim;

import dev.heapscope.model.Dialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoardProfileTest {

    @Test
    void theBuiltInBoardsAreListedByName() {
        assertThat(BoardProfile.available())
                .containsExactly("esp32-devkitc", "esp32-devkitc-debug", "esp32-idf44-legacy", "esp32-idf55", "esp32-wrover");
    }

    @Test
    void everyBuiltInBoardLoadsAndBoots() {
        for (String name : BoardProfile.available()) {
            BoardProfile profile = BoardProfile.load(name);
            assertThat(profile.name()).isEqualTo(name);
            assertThat(profile.description()).isNotBlank();
            assertThat(profile.hazards()).isEqualTo(Hazards.FIRMWARE_BUGS);
            SimulatedHeap heap = new SimulatedHeap(profile.internalHeapBytes(), profile.psramBytes());
            assertThat(heap.totalBytes()).isEqualTo(profile.internalHeapBytes() + profile.psramBytes());
        }
    }

    @Test
    void theDefaultBoardIsADevKitCOnIdf51PrintingDialectB() {
        BoardProfile profile = BoardProfile.defaults();
        assertThat(profile.name()).isEqualTo("esp32-devkitc");
        assertThat(profile.dialect()).isEqualTo(Dialect.B);
        assertThat(profile.psramBytes()).isZero();
        assertThat(profile.stackDepth()).isEqualTo(8);
        assertThat(profile.cpuMhz()).isEqualTo(160);
        assertThat(profile.baudRate()).isEqualTo(115200);
        assertThat(profile.idfVersion()).isEqualTo("v5.1.3");
        assertThat(profile.internalHeapBytes()).isBetween(190_000, 210_000);
        assertThat(profile.recordBytes()).isEqualTo(84);
    }

    @Test
    void theOtherBoardsDifferWhereTheirNamesSay() {
        assertThat(BoardProfile.load("esp32-wrover").psramBytes()).isEqualTo(4 * 1024 * 1024);
        BoardProfile legacy = BoardProfile.load("esp32-idf44-legacy");
        assertThat(legacy.dialect()).isEqualTo(Dialect.A);
        assertThat(legacy.stackDepth()).isEqualTo(2);
        assertThat(legacy.idfVersion()).startsWith("v4.4");
        assertThat(BoardProfile.load("esp32-idf55").dialect()).isEqualTo(Dialect.C);
    }

    @Test
    void theIdfVersionDecidesTheTracingGeneration() {
        BoardProfile profile = BoardProfile.defaults();
        assertThat(profile.withIdfVersion("v4.4.7").legacyBranch()).isTrue();
        assertThat(profile.withIdfVersion("v5.0.4").listBasedTrace()).isFalse();
        assertThat(profile.withIdfVersion("v5.1.3").listBasedTrace()).isTrue();
        assertThat(profile.withIdfVersion("v5.3.2").firstStopSucceeds()).isFalse();
        assertThat(profile.withIdfVersion("v5.4").firstStopSucceeds()).isTrue();
        assertThat(profile.withIdfVersion("6.0.0").firstStopSucceeds()).isTrue();
    }

    @Test
    void anUnknownNameIsRejectedListingTheBuiltInBoards() {
        assertThatThrownBy(() -> BoardProfile.load("esp8266"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown board 'esp8266'")
                .hasMessageContaining("esp32-devkitc, esp32-devkitc-debug, esp32-idf44-legacy, esp32-idf55, esp32-wrover");
        assertThatThrownBy(() -> BoardProfile.load(" ")).hasMessageContaining("esp32-wrover");
    }

    @Test
    void aProfileFileLoadsByPathWithHazards(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("my-board.properties");
        Files.writeString(file, """
                heap.internal.bytes = 150_000
                heap.psram.bytes = 0x200000
                trace.dialect = c
                trace.stack.depth = 4
                cpu.mhz = 240
                uart.baud = 921600
                idf.version = v5.5.0
                hazard.watchdog.long.dump = true
                """);

        BoardProfile profile = BoardProfile.load(file.toString());

        assertThat(profile.name()).isEqualTo("my-board");
        assertThat(profile.internalHeapBytes()).isEqualTo(150_000);
        assertThat(profile.psramBytes()).isEqualTo(0x200000);
        assertThat(profile.dialect()).isEqualTo(Dialect.C);
        assertThat(profile.hazards()).isEqualTo(new Hazards(true, true, true));
    }

    @Test
    void badFilesGetErrorsNamingTheBoardAndTheKey(@TempDir Path folder) throws IOException {
        Path missing = folder.resolve("broken.properties");
        Files.writeString(missing, "trace.dialect = B\n");
        assertThatThrownBy(() -> BoardProfile.load(missing.toString()))
                .hasMessage("board profile 'broken': missing key heap.internal.bytes");

        Path badDialect = folder.resolve("odd.properties");
        Files.writeString(badDialect, Files.readString(folder.resolve("broken.properties"))
                + "heap.internal.bytes=100000\nheap.psram.bytes=0\ntrace.stack.depth=2\ncpu.mhz=160\n"
                + "uart.baud=115200\nidf.version=v5.1\ntrace.dialect=D\n");
        assertThatThrownBy(() -> BoardProfile.load(badDialect.toString()))
                .hasMessage("board profile 'odd': trace.dialect must be A, B or C, not 'D'");

        Path tooBig = folder.resolve("huge.properties");
        Files.writeString(tooBig, Files.readString(badDialect).replace("trace.dialect=D", "trace.dialect=B")
                .replace("heap.psram.bytes=0", "heap.psram.bytes=99999999"));
        assertThatThrownBy(() -> BoardProfile.load(tooBig.toString()))
                .hasMessageStartingWith("board profile 'huge': PSRAM must be 0..4194304 bytes");
    }
}
