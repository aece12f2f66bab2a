package dev.heapscope.sim.net;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One raw TCP connection to the {@link HttpSite}: bytes from the board are buffered until a whole HTTP/1.x
 * request (head, then {@code Content-Length} bytes of body) is there; each request is answered in order.
 * HTTP/1.1 keeps the connection open unless the request says {@code Connection: close}; HTTP/1.0 closes
 * unless it says {@code keep-alive}. A request line that is not HTTP gets a 400 and the connection closes.
 */
final class HttpSiteConnection implements PeerHandler {
    private final HttpSite site;
    private final PeerSocket socket;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private boolean closed;

    HttpSiteConnection(HttpSite site, PeerSocket socket) {
        this.site = site;
        this.socket = socket;
    }

    @Override
    public void received(byte[] data) {
        if (closed) {
            return;
        }
        pending.writeBytes(data);
        while (!closed && answerOne()) {
            // each loop answers one pipelined request
        }
    }

    /** Answers the first whole request buffered, if there is one. */
    private boolean answerOne() {
        byte[] buffered = pending.toByteArray();
        String text = new String(buffered, StandardCharsets.ISO_8859_1);
        int headEnd = text.indexOf("\r\n\r\n");
        int separator = 4;
        if (headEnd < 0) {
            headEnd = text.indexOf("\n\n");
            separator = 2;
        }
        if (headEnd < 0) {
            return false;
        }
        String[] lines = text.substring(0, headEnd).split("\r?\n");
        String[] requestLine = lines[0].trim().split(" +");
        if (requestLine.length != 3 || !requestLine[2].startsWith("HTTP/1.")) {
            socket.send(site.badRequest().bytes());
            close();
            return false;
        }
        int contentLength = 0;
        String connection = null;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).trim();
            if (name.equals("content-length")) {
                contentLength = parseLength(value);
            } else if (name.equals("connection")) {
                connection = value.toLowerCase(Locale.ROOT);
            }
        }
        int bodyStart = headEnd + separator;
        if (buffered.length - bodyStart < contentLength) {
            return false;
        }
        byte[] body = java.util.Arrays.copyOfRange(buffered, bodyStart, bodyStart + contentLength);
        pending.reset();
        pending.write(buffered, bodyStart + contentLength, buffered.length - bodyStart - contentLength);
        boolean http10 = requestLine[2].equals("HTTP/1.0");
        boolean keepAlive = http10 ? "keep-alive".equals(connection) : !"close".equals(connection);
        socket.send(site.respond(requestLine[0], requestLine[1], body, keepAlive).bytes());
        if (!keepAlive) {
            close();
        }
        return true;
    }

    private static int parseLength(String value) {
        try {
            return Math.max(0, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void close() {
        closed = true;
        socket.close();
    }

    @Override
    public void closed() {
        closed = true;
    }
}
