package dev.heapscope.sim.net;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The web server peer as a raw TCP service (what the net module's sockets reach), through a fake peer socket. */
class HttpSiteTest {
    private static final class FakeSocket implements PeerSocket {
        final ByteArrayOutputStream sent = new ByteArrayOutputStream();
        boolean closed;

        @Override
        public void send(byte[] data) {
            sent.writeBytes(data);
        }

        @Override
        public void close() {
            closed = true;
        }

        String text() {
            return sent.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void aRequestSplitAcrossPacketsIsAnsweredOnceWholeAndHttp11StaysOpen() {
        FakeSocket socket = new FakeSocket();
        PeerHandler handler = new HttpSite().accepted(socket);
        handler.received(bytes("GET /status HTTP/1.1\r\nHo"));
        assertThat(socket.text()).isEmpty();
        handler.received(bytes("st: www.heapscope.test\r\n\r\n"));
        assertThat(socket.text()).startsWith("HTTP/1.1 200 OK\r\n").contains("Content-Type: application/json\r\n")
                .contains("Connection: keep-alive\r\n").endsWith("\r\n\r\n{\"ok\":true,\"requests\":1,\"temperature\":21.5}");
        assertThat(socket.closed).isFalse();
    }

    @Test
    void connectionCloseAndHttp10CloseAfterTheAnswer() {
        FakeSocket socket = new FakeSocket();
        new HttpSite().accepted(socket).received(bytes("GET /nope HTTP/1.1\r\nConnection: close\r\n\r\n"));
        assertThat(socket.text()).startsWith("HTTP/1.1 404 Not Found\r\n").endsWith("not found: /nope\n");
        assertThat(socket.closed).isTrue();
        FakeSocket old = new FakeSocket();
        new HttpSite().accepted(old).received(bytes("GET / HTTP/1.0\r\n\r\n"));
        assertThat(old.text()).contains("Content-Length: " + HttpSite.INDEX.length() + "\r\n").endsWith(HttpSite.INDEX);
        assertThat(old.closed).isTrue();
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderAndAPostBodyWaitsForItsContentLength() {
        FakeSocket socket = new FakeSocket();
        PeerHandler handler = new HttpSite().accepted(socket);
        handler.received(bytes("POST /echo HTTP/1.1\r\nContent-Length: 5\r\n\r\nhel"));
        assertThat(socket.text()).isEmpty();
        handler.received(bytes("loGET /big HTTP/1.1\r\n\r\n"));
        String text = socket.text();
        assertThat(text.indexOf("\r\n\r\nhello")).isPositive().isLessThan(text.indexOf("Content-Length: 4096"));
        assertThat(text).endsWith(new String(HttpSite.big(), StandardCharsets.ISO_8859_1));
    }

    @Test
    void whatIsNotHttpGetsAnErrorAndTheConnectionCloses() {
        FakeSocket socket = new FakeSocket();
        new HttpSite().accepted(socket).received(bytes("hello there\r\n\r\n"));
        assertThat(socket.text()).startsWith("HTTP/1.1 400 Bad Request\r\n");
        assertThat(socket.closed).isTrue();
    }
}
