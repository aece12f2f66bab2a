package dev.heapscope.symbols;

import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class FirmwareIdentityTest {

    @Test
    void theDigestOfAFileIsItsSha256() throws IOException {
        String hex = FirmwareIdentity.sha256Hex(TestElves.path("util.h"));
        assertThat(hex).hasSize(64).matches("[0-9a-f]+");
        assertThat(FirmwareIdentity.matches(hex.substring(0, 16).toUpperCase(), hex)).isTrue();
        assertThat(FirmwareIdentity.matches("ffffffffffffffff", hex)).isEqualTo(hex.startsWith("ffffffffffffffff"));
    }

    @Test
    void tooShortOrPlaceholderDigestsNeverCountAsMismatches() {
        assertThat(FirmwareIdentity.matches("abc", "0123")).isTrue();
        assertThat(FirmwareIdentity.matches("0000000000000000", "12345678")).isTrue();
        assertThat(FirmwareIdentity.matches("12345678ab", "12345678cd")).isFalse();
    }
}
