package dev.heapscope.session;

import org.junit.jupiter.api.Test;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.zip.ZipException;

import static org.assertj.core.api.Assertions.assertThat;

/** Java's wording becomes what a failure means for the input; HeapScope's own sentences pass unchanged. */
class InputErrorTextTest {

    @Test
    void theJdksMessagesAreReplacedByWhatTheyMean() {
        assertThat(InputErrorText.reason(new MalformedInputException(1))).isEqualTo("bytes that are not text");
        assertThat(InputErrorText.reason(new NoSuchFileException("/x/fw.elf"))).isEqualTo("no such file");
        assertThat(InputErrorText.describe(new NoSuchFileException("/x/fw.elf"))).isEqualTo("/x/fw.elf: no such file");
        assertThat(InputErrorText.reason(new AccessDeniedException("/x"))).isEqualTo("permission denied");
        assertThat(InputErrorText.reason(new FileSystemException("/x", null, "Is a directory"))).isEqualTo("Is a directory");
        assertThat(InputErrorText.reason(new EOFException())).isEqualTo("ends early (cut off?)");
        assertThat(InputErrorText.reason(new ZipException("invalid entry CRC"))).isEqualTo("damaged (invalid entry CRC)");
        assertThat(InputErrorText.reason(new TimeoutException())).isEqualTo("no answer in time");
        assertThat(InputErrorText.reason(new NumberFormatException("For input string: \"x\"")))
                .isEqualTo("a number that cannot be read");
    }

    @Test
    void messagesInJavasWordingAreNeverShown() {
        for (RuntimeException java : new RuntimeException[] {
                new ArrayIndexOutOfBoundsException("arraycopy: last source index 7 out of bounds for byte[0]"),
                new IndexOutOfBoundsException("Index 5 out of bounds for length 5"),
                new IllegalStateException("java.lang.NullPointerException"),
                new NullPointerException(),
                new IllegalArgumentException("null")}) {
            String reason = InputErrorText.reason(java);
            assertThat(reason).as(java.toString()).isEqualTo("cannot be processed");
            assertThat(InputErrorText.soundsLikeJava(reason)).isFalse();
        }
        assertThat(InputErrorText.reason(new IOException("Input length = 1"))).isEqualTo("cannot be read");
    }

    @Test
    void heapScopesOwnSentencesPassAndAWrappersCauseIsLookedInto() {
        assertThat(InputErrorText.reason(new IOException("x.heapscope: transcript.log is over 256 MiB")))
                .isEqualTo("x.heapscope: transcript.log is over 256 MiB");
        assertThat(InputErrorText.reason(new CompletionException(new IllegalStateException("the board did not answer"))))
                .isEqualTo("the board did not answer");
        assertThat(InputErrorText.reason(new IOException("first line\nsecond line"))).isEqualTo("first line");
        assertThat(InputErrorText.message("a Lua error: nil value", new RuntimeException())).isEqualTo("a Lua error: nil value");
        assertThat(InputErrorText.message("Unexpected character ('x' (code 120))", new EOFException()))
                .isEqualTo("ends early (cut off?)");
    }
}
