package dev.heapscope.launch;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** JavaFX's failures to start, in the user's words: no exception names, no "null". */
class WhyNoWindowTest {

    @Test
    void anUnreachableDisplayIsNamed() {
        RuntimeException failure = new UnsupportedOperationException("Unable to open DISPLAY");
        assertThat(WhyNoWindow.of(failure, ":59")).isEqualTo("no display answers at DISPLAY=:59");
    }

    @Test
    void missingNativesNameThePlatform() {
        Throwable failure = new RuntimeException("Application launch exception",
                new UnsatisfiedLinkError("no glass in java.library.path"));
        assertThat(WhyNoWindow.of(failure, ":0")).startsWith("JavaFX's native libraries do not load on ")
                .contains(System.getProperty("os.arch")).doesNotContain("UnsatisfiedLinkError", "glass in");
    }

    @Test
    void anythingElseIsStillOneSentence() {
        assertThat(WhyNoWindow.of(new IllegalStateException(), null)).isEqualTo("JavaFX did not start");
    }
}
