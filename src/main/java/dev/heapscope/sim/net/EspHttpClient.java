package dev.heapscope.sim.net;

import dev.heapscope.sim.lib.BoardContext;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * ESP-IDF's esp_http_client as http.c drives it: its C blocks (client, request and response with their
 * {@code bufsz} buffers, parser, transports, URL parts, request headers; sizes in FIRMWARE-FACTS.md §http),
 * and {@link #perform}, which talks to the virtual {@link HttpSite} and returns the events the real
 * client dispatches, in order: connected (unless the kept-alive connection is reused), one per response
 * header, the body in reads of {@code bufsz} bytes as the transport delivers them (the first read also
 * carries the head, so its body part is shorter), finish, and disconnected when the connection closes.
 */
final class EspHttpClient {
    /** esp_http_client.h: ESP_ERR_HTTP_BASE + 2, "Error open the HTTP connection". */
    static final int ESP_ERR_HTTP_CONNECT = 0x7002;
    static final String[] METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "NOTIFY", "SUBSCRIBE",
        "UNSUBSCRIBE", "OPTIONS", "COPY", "MOVE", "LOCK", "UNLOCK", "PROPFIND", "PROPPATCH", "MKCOL", "REPORT"};
    private static final String[] INIT_BLOCKS = {
            "216 esp_http_client_init", // struct esp_http_client
            "24 esp_http_client_init", "24 esp_http_client_init", // request and response esp_http_data_t
            "20 esp_http_client_init", "20 esp_http_client_init", // their esp_http_buffer_t
            "8 http_header_init", "8 http_header_init", // request and response header lists
            "32 esp_http_client_init", "36 esp_http_client_init", // http_parser, http_parser_settings
            "40 esp_http_client_init", // esp_http_auth_data_t
            "8 esp_transport_list_init",
            "140 esp_transport_tcp_init",
            "164 esp_transport_ssl_init"};

    enum Kind { CONNECTED, HEADER, DATA, FINISH, DISCONNECTED }

    record Event(Kind kind, String name, String value, byte[] data) {
    }

    /** What one perform did: its events and the esp_err_t it returned (0: ESP_OK). */
    record Outcome(List<Event> events, int error, int status) {
    }

    private final BoardContext board;
    private final VirtualNetwork network;
    private final String luaFunction;
    private final List<Integer> blocks = new ArrayList<>();
    private final Map<String, int[]> headerBlocks = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private int[] urlBlocks = new int[0];
    private String scheme;
    private String host;
    private int port;
    private String path;
    private int method;
    private final int bufferSize;
    private byte[] postField;
    private String connectedTo;

    private EspHttpClient(BoardContext board, VirtualNetwork network, int method, int bufferSize, String luaFunction) {
        this.board = board;
        this.network = network;
        this.method = method;
        this.bufferSize = bufferSize;
        this.luaFunction = luaFunction;
    }

    /** esp_http_client_init; empty when the URL is missing or does not parse (the C function returns NULL). */
    static Optional<EspHttpClient> init(BoardContext board, VirtualNetwork network, String url, int method,
                                        int bufferSize, String luaFunction) {
        if (url == null || bufferSize <= 0) {
            return Optional.empty();
        }
        EspHttpClient client = new EspHttpClient(board, network, method, bufferSize, luaFunction);
        for (String block : INIT_BLOCKS) {
            String[] sizeAndFrame = block.split(" ");
            client.blocks.add(client.allocate(Integer.parseInt(sizeAndFrame[0]), sizeAndFrame[1]));
        }
        client.blocks.add(client.allocate(bufferSize, "esp_http_client_init")); // response buffer
        client.blocks.add(client.allocate(bufferSize, "esp_http_client_init")); // request buffer (buffer_size_tx)
        if (!client.setUrl(url)) {
            client.cleanup();
            return Optional.empty();
        }
        client.setHeader("User-Agent", "ESP32 HTTP Client/1.0"); // the library's default, replaced by http.c
        return Optional.of(client);
    }

    private int allocate(int bytes, String frame) {
        return frame.equals("esp_http_client_init")
                ? board.allocateFirmware(bytes, frame, luaFunction)
                : board.allocateFirmware(bytes, frame, "esp_http_client_init", luaFunction);
    }

    /** esp_http_client_set_url: scheme, host, port and path, each a C string copy; false when it does not parse. */
    boolean setUrl(String url) {
        int schemeEnd = url.indexOf("://");
        if (schemeEnd <= 0) {
            return false;
        }
        String newScheme = url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        String rest = url.substring(schemeEnd + 3);
        int slash = rest.indexOf('/');
        String authority = slash >= 0 ? rest.substring(0, slash) : rest;
        String newPath = slash >= 0 ? rest.substring(slash) : "/";
        int newPort = newScheme.equals("https") ? 443 : 80;
        int colon = authority.lastIndexOf(':');
        if (colon >= 0) {
            try {
                newPort = Integer.parseInt(authority.substring(colon + 1));
            } catch (NumberFormatException e) {
                return false;
            }
            authority = authority.substring(0, colon);
        }
        if (authority.isEmpty()) {
            return false;
        }
        if (connectedTo != null && !connectedTo.equals(authority + ":" + newPort)) {
            connectedTo = null; // a new host: the kept-alive connection is closed first
        }
        for (int address : urlBlocks) {
            board.freeFirmware(address, "free", "esp_http_client_set_url");
        }
        scheme = newScheme;
        host = authority;
        port = newPort;
        path = newPath;
        urlBlocks = new int[] {
            board.allocateFirmware(scheme.length() + 1, "strdup", "esp_http_client_set_url", luaFunction),
            board.allocateFirmware(host.length() + 1, "strdup", "esp_http_client_set_url", luaFunction),
            board.allocateFirmware(path.length() + 1, "strdup", "esp_http_client_set_url", luaFunction)};
        return true;
    }

    void setMethod(int newMethod) {
        this.method = newMethod;
    }

    /** esp_http_client_set_header (null value: esp_http_client_delete_header): an item and two string copies. */
    void setHeader(String name, String value) {
        String key = name.toLowerCase(Locale.ROOT);
        int[] old = headerBlocks.remove(key);
        if (old != null) {
            for (int address : old) {
                board.freeFirmware(address, "free", "http_header_delete");
            }
            headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
        }
        if (value == null) {
            return;
        }
        headers.put(name, value);
        headerBlocks.put(key, new int[] {
            board.allocateFirmware(12, "http_header_new_item", "http_header_set", luaFunction),
            board.allocateFirmware(name.length() + 1, "strdup", "http_header_set", luaFunction),
            board.allocateFirmware(value.length() + 1, "strdup", "http_header_set", luaFunction)});
    }

    boolean hasHeader(String name) {
        return headerBlocks.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /** esp_http_client_set_post_field: the body is not copied (http.c keeps the Lua string referenced). */
    void setPostField(byte[] data) {
        postField = data;
        if (data != null && !hasHeader("Content-Type")) {
            setHeader("Content-Type", "application/x-www-form-urlencoded");
        } else if (data == null) {
            setHeader("Content-Type", null);
        }
    }

    /** esp_http_client_perform against the virtual network. */
    Outcome perform() {
        List<Event> events = new ArrayList<>();
        Optional<HttpSite> site = network.stationAddress()
                .flatMap(station -> network.resolve(host))
                .flatMap(address -> network.service(address, port, HttpSite.class));
        if (site.isEmpty() || !scheme.equals("http")) { // TLS is not modelled: https fails to connect
            connectedTo = null;
            return new Outcome(events, ESP_ERR_HTTP_CONNECT, 0);
        }
        if (connectedTo == null) {
            connectedTo = host + ":" + port;
            events.add(new Event(Kind.CONNECTED, null, null, null));
        }
        String connection = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Connection"))
                .map(Map.Entry::getValue).findFirst().orElse("keep-alive");
        boolean keepAlive = !connection.equalsIgnoreCase("close");
        HttpSite.Response response = site.get().respond(METHODS[method], path,
                postField == null ? new byte[0] : postField, keepAlive);
        for (String[] header : response.headers()) {
            events.add(new Event(Kind.HEADER, header[0], header[1], null));
        }
        byte[] wire = response.bytes();
        int bodyStart = wire.length - response.body().length;
        for (int read = 0; read < wire.length; read += bufferSize) {
            int from = Math.max(read, bodyStart);
            int to = Math.min(read + bufferSize, wire.length);
            if (to > from) {
                events.add(new Event(Kind.DATA, null, null, Arrays.copyOfRange(wire, from, to)));
            }
        }
        events.add(new Event(Kind.FINISH, null, null, null));
        if (!keepAlive) {
            connectedTo = null;
            events.add(new Event(Kind.DISCONNECTED, null, null, null));
        }
        return new Outcome(events, 0, response.status());
    }

    /** esp_http_client_close: the connection goes, the client stays. */
    boolean close() {
        boolean wasOpen = connectedTo != null;
        connectedTo = null;
        return wasOpen;
    }

    /** esp_http_client_cleanup: every block. */
    void cleanup() {
        for (int[] header : headerBlocks.values()) {
            for (int address : header) {
                board.freeFirmware(address, "free", "esp_http_client_cleanup");
            }
        }
        headerBlocks.clear();
        for (int address : urlBlocks) {
            board.freeFirmware(address, "free", "esp_http_client_cleanup");
        }
        urlBlocks = new int[0];
        for (int i = blocks.size() - 1; i >= 0; i--) {
            board.freeFirmware(blocks.get(i), "free", "esp_http_client_cleanup");
        }
        blocks.clear();
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
