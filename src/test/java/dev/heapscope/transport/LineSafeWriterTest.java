package dev.heapscope.transport;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LineSafeWriterTest {

    /** Records writes, and which acknowledgements had happened before each write. */
    private static final class RecordingTransport implements Transport {
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        final List<String> events = new ArrayList<>();

        @Override
        public void open(TransportListener listener) {
        }

        @Override
        public void write(byte[] bytes) {
            written.writeBytes(bytes);
            events.add("write " + new String(bytes, StandardCharsets.UTF_8).strip());
        }

        @Override
        public String describe() {
            return "recording";
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void eachLineIsSentAndAcknowledgedBeforeTheNext() throws Exception {
        RecordingTransport transport = new RecordingTransport();
        LineSafeWriter writer = new LineSafeWriter(transport, line -> transport.events.add("ack " + line));

        writer.send("function f()\r\n  return 1\rend\nf()\n");

        assertThat(transport.events).containsExactly(
                "write function f()", "ack function f()",
                "write return 1", "ack   return 1",
                "write end", "ack end",
                "write f()", "ack f()");
        assertThat(transport.written.toString(StandardCharsets.UTF_8)).isEqualTo("function f()\n  return 1\nend\nf()\n");
    }

    @Test
    void aLineOfExactly255BytesIsFineButOneMoreIsRefusedBeforeAnythingIsSent() throws Exception {
        RecordingTransport transport = new RecordingTransport();
        LineSafeWriter writer = new LineSafeWriter(transport, line -> { });
        String longest = "x=" + "1".repeat(253);

        assertThat(LineSafeWriter.splitIntoLines(longest)).containsExactly(longest);
        assertThatThrownBy(() -> writer.send("print(1)\n" + longest + "1\n"))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("line 2 is 256 bytes")
                .hasMessageContaining("upload the code as a file");
        assertThat(transport.written.size()).isZero();
    }

    @Test
    void multiByteCharactersCountAsTheirUtf8Bytes() {
        String greek = "s='" + "λ".repeat(127) + "'"; // 4 + 254 bytes, 131 characters
        assertThatThrownBy(() -> LineSafeWriter.splitIntoLines(greek))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("258 bytes");
    }

    @Test
    void blankLinesInsideTheTextAreKeptAndEmptyTextSendsNothing() {
        assertThat(LineSafeWriter.splitIntoLines("a=[[\n\nb]]\n")).containsExactly("a=[[", "", "b]]");
        assertThat(LineSafeWriter.splitIntoLines("")).isEmpty();
        assertThat(LineSafeWriter.splitIntoLines("no newline")).containsExactly("no newline");
    }

    @Test
    void aFailingAcknowledgementStopsTheRest() {
        RecordingTransport transport = new RecordingTransport();
        LineSafeWriter writer = new LineSafeWriter(transport, line -> {
            throw new TransportException("no prompt after \"" + line + "\"");
        });

        assertThatThrownBy(() -> writer.send("a()\nb()\n")).hasMessage("no prompt after \"a()\"");
        assertThat(transport.events).containsExactly("write a()");
    }
}
