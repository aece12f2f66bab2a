package dev.heapscope.ui;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

class UserMessagesTest {
    @Test
    void aFailureReadsAsWhatItsAuthorWroteWithoutJavaClassNames() {
        IOException io = new IOException("/tmp/x.heapscope: not a HeapScope session file (it is not a zip archive)");
        assertThat(UserMessages.reason(new CompletionException(new UncheckedIOException(io))))
                .isEqualTo("/tmp/x.heapscope: not a HeapScope session file (it is not a zip archive)");
        assertThat(UserMessages.reason(new CompletionException(new IllegalStateException("Connect to a board first."))))
                .isEqualTo("Connect to a board first.");
    }

    @Test
    void javasOwnWordingNeverReachesTheStatusLine() {
        assertThat(UserMessages.reason(new CompletionException(new UncheckedIOException(
                new java.nio.charset.MalformedInputException(1))))).isEqualTo("bytes that are not text");
        assertThat(UserMessages.reason(new CompletionException(new IllegalStateException("task failed",
                new ArrayIndexOutOfBoundsException("arraycopy: last source index 7 out of bounds for byte[0]")))))
                .isEqualTo("task failed (cannot be processed)");
    }
}
