package dev.heapscope.sim.net;

import dev.heapscope.sim.lib.BoardEvents;
import dev.heapscope.sim.lib.WorldSettings;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Clients on the LAN that connect to the board's own server on a schedule, as a browser or a monitoring
 * script would. Configured by the scenario header (simulator/README.md): {@code world.net.clients.every}
 * (e.g. {@code 2s}, {@code 500ms}; no clients without it), {@code .port} (80), {@code .request} (sent on
 * connecting; {@code \r\n} escapes allowed; an HTTP request line gets a Host header and a blank line),
 * {@code .close} ({@code wait}: until the board closes, giving up after {@code .timeout}, 5s;
 * {@code after-response}: as soon as response bytes arrive; {@code never}), {@code .start} (the first
 * visit, default one period after boot) and {@code .count} (how many visits, default unlimited).
 */
public final class ScheduledClients {
    private final VirtualNetwork network;
    private long responses;

    private ScheduledClients(VirtualNetwork network) {
        this.network = network;
    }

    public static void install(VirtualNetwork network) {
        ScheduledClients clients = new ScheduledClients(network);
        network.onBoot(clients::arm);
    }

    private record Plan(long everyMicros, long startMicros, int port, byte[] request, String close,
                        long timeoutMicros, long count) {
    }

    private void arm(BoardEvents events, WorldSettings world) {
        if (!world.has("net.clients.every")) {
            return;
        }
        long every = Math.max(1_000, micros(world.get("net.clients.every", "2s")));
        Plan plan = new Plan(every, micros(world.get("net.clients.start", world.get("net.clients.every", "2s"))),
                parseInt(world.get("net.clients.port", "80"), 80), request(world),
                world.get("net.clients.close", "wait").trim().toLowerCase(Locale.ROOT),
                micros(world.get("net.clients.timeout", "5s")), parseInt(world.get("net.clients.count", "-1"), -1));
        events.after(plan.startMicros(), () -> visit(events, plan, 1));
    }

    private void visit(BoardEvents events, Plan plan, long number) {
        if (plan.count() >= 0 && number > plan.count()) {
            return;
        }
        events.after(plan.everyMicros(), () -> visit(events, plan, number + 1));
        Visit visit = new Visit(plan);
        network.connectToBoard(plan.port(), visit).ifPresent(socket -> {
            visit.socket = socket;
            socket.send(plan.request());
            if (plan.close().equals("wait")) {
                events.after(plan.timeoutMicros(), visit::giveUp);
            }
        });
    }

    /** Response bytes the clients have received so far (for tests and status lines). */
    public long responses() {
        return responses;
    }

    private final class Visit implements PeerHandler {
        private final Plan plan;
        private final ByteArrayOutputStream response = new ByteArrayOutputStream();
        private PeerSocket socket;
        private boolean done;

        Visit(Plan plan) {
            this.plan = plan;
        }

        @Override
        public void received(byte[] data) {
            response.writeBytes(data);
            responses += data.length;
            if (plan.close().equals("after-response") && !done) {
                done = true;
                socket.close();
            }
        }

        @Override
        public void closed() {
            if (!done && !plan.close().equals("never")) {
                done = true;
                socket.close();
            }
        }

        void giveUp() {
            if (!done) {
                done = true;
                socket.close();
            }
        }
    }

    private static byte[] request(WorldSettings world) {
        String text = world.get("net.clients.request", "GET / HTTP/1.1").replace("\\r", "\r").replace("\\n", "\n");
        if (text.matches("(GET|POST|PUT|DELETE|HEAD) \\S+ HTTP/1\\.[01]")) {
            text += "\r\nHost: " + WifiAddresses.STATION_IP + "\r\nConnection: close\r\n\r\n";
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** "2s", "500ms", "1.5s" or a bare number of seconds. */
    static long micros(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (value.endsWith("ms")) {
                return Math.round(Double.parseDouble(value.substring(0, value.length() - 2).trim()) * 1_000);
            }
            if (value.endsWith("s")) {
                value = value.substring(0, value.length() - 1).trim();
            }
            return Math.round(Double.parseDouble(value) * 1_000_000);
        } catch (NumberFormatException e) {
            return 2_000_000;
        }
    }

    private static int parseInt(String text, int fallback) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
