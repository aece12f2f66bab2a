package dev.heapscope.sim.net;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The virtual network's web server ({@code www.heapscope.test:80}) with canned pages: {@code /} (a small HTML
 * page), {@code /status} (JSON, counting the requests it served), {@code /big} (4 KiB of text, to stream),
 * {@code POST /echo} (the body back) and a 404 for anything else. The firmware's http module (ESP-IDF's
 * esp_http_client) asks it directly ({@link #respond}); the net module's raw sockets reach it as a
 * {@link TcpService}, through {@link HttpSiteConnection}, which parses HTTP/1.x from their bytes.
 * Board thread only.
 */
public final class HttpSite implements TcpService {
    public static final String HOST = "www.heapscope.test";
    public static final String ADDRESS = "10.13.0.80";
    public static final int PORT = 80;
    public static final int BIG_BYTES = 4096;
    static final String INDEX = "<!DOCTYPE html><html><head><title>heapscope</title></head>"
            + "<body><h1>It works</h1><p>A canned page of the virtual network.</p></body></html>\n";

    /** One answer: status line, headers in order, body. */
    public record Response(int status, String reason, List<String[]> headers, byte[] body) {
        public byte[] bytes() {
            StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason).append("\r\n");
            for (String[] header : headers) {
                head.append(header[0]).append(": ").append(header[1]).append("\r\n");
            }
            head.append("\r\n");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(body);
            return out.toByteArray();
        }
    }

    private int served;

    /** Puts the site on the network at {@link #HOST}. */
    public static HttpSite install(VirtualNetwork network) {
        HttpSite site = new HttpSite();
        network.addHost(HOST, ADDRESS);
        network.listen(ADDRESS, PORT, site);
        return site;
    }

    /** The answer to a request; {@code keepAlive} says whether the connection stays open after it. */
    public Response respond(String method, String path, byte[] body, boolean keepAlive) {
        served++;
        String route = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        String upper = method.toUpperCase(Locale.ROOT);
        boolean head = upper.equals("HEAD");
        Response full;
        if (route.equals("/echo") && (upper.equals("POST") || upper.equals("PUT"))) {
            full = page(200, "OK", "application/octet-stream", body, keepAlive);
        } else if (!upper.equals("GET") && !head) {
            full = page(405, "Method Not Allowed", "text/plain", bytes("method not allowed\n"), keepAlive);
        } else {
            full = switch (route) {
                case "/" , "/index.html" -> page(200, "OK", "text/html", bytes(INDEX), keepAlive);
                case "/status" -> page(200, "OK", "application/json",
                        bytes("{\"ok\":true,\"requests\":" + served + ",\"temperature\":21.5}"), keepAlive);
                case "/big" -> page(200, "OK", "text/plain", big(), keepAlive);
                default -> page(404, "Not Found", "text/plain", bytes("not found: " + route + "\n"), keepAlive);
            };
        }
        return head ? new Response(full.status(), full.reason(), full.headers(), new byte[0]) : full;
    }

    /** The answer to bytes that are not an HTTP/1.x request. */
    Response badRequest() {
        return page(400, "Bad Request", "text/plain", bytes("bad request\n"), false);
    }

    public int served() {
        return served;
    }

    private static Response page(int status, String reason, String type, byte[] body, boolean keepAlive) {
        List<String[]> headers = new ArrayList<>();
        headers.add(new String[] {"Server", "heapscope-virtual"});
        headers.add(new String[] {"Content-Type", type});
        headers.add(new String[] {"Content-Length", Integer.toString(body.length)});
        headers.add(new String[] {"Connection", keepAlive ? "keep-alive" : "close"});
        return new Response(status, reason, headers, body);
    }

    /** /big: numbered lines, so a script that reassembles the chunks can be checked. */
    static byte[] big() {
        StringBuilder text = new StringBuilder(BIG_BYTES);
        int line = 0;
        while (text.length() < BIG_BYTES) {
            String next = String.format(Locale.ROOT, "line %04d of the big page, padded to 64 bytes..............%n", line++)
                    .replace(System.lineSeparator(), "\n");
            text.append(next, 0, Math.min(next.length(), BIG_BYTES - text.length()));
        }
        return bytes(text.toString());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public PeerHandler accepted(PeerSocket socket) {
        return new HttpSiteConnection(this, socket);
    }
}
