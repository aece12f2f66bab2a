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
}
