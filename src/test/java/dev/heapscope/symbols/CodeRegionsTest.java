package dev.heapscope.symbols;

import dev.heapscope.analysis.FrameNamer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CodeRegionsTest {

    @Test
    void instructionBusAddressesAreCodeAndDataAddressesAreNot() {
        assertThat(CodeRegions.isCode(0x400d276d)).isTrue();   // ESP32 flash code
        assertThat(CodeRegions.isCode(0x4008a1b6)).isTrue();   // ESP32 IRAM
        assertThat(CodeRegions.isCode(0x40376321)).isTrue();   // C3/S3 IRAM
        assertThat(CodeRegions.isCode(0x42008096)).isTrue();   // C3/S3 flash, and the simulator's Lua frames
        assertThat(CodeRegions.isCode(0x3ffb2a10)).isFalse();  // DRAM
        assertThat(CodeRegions.isCode(0x3f800a24)).isFalse();  // PSRAM
        assertThat(CodeRegions.isCode(0)).isFalse();
        assertThat(CodeRegions.isCode(0xffffffff)).isFalse();
    }

    @Test
    void unknownAddressesOutsideCodeAreFlaggedInFrameNames() {
        FrameNamer namer = new FrameNamer(Symbolizer.NONE);
        assertThat(namer.name(0x400d1234)).isEqualTo("0x400d1234");
        assertThat(namer.name(0x3ffb0000)).isEqualTo("0x3ffb0000 (not code)");
    }
}
