package dev.heapscope.sim.net;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The world the board's radio reaches, all inside the JVM (no host socket is ever opened): access points
 * to join, and hosts by name and IPv4 address with the TCP services they listen on (an HTTP server with
 * canned pages, an echo server, an MQTT broker). It outlives reboots; what the board holds (its
 * association, sockets, clients) belongs to one boot. Board thread only.
 */
public final class VirtualNetwork {
    private final Map<String, String> addressByName = new LinkedHashMap<>();
    private final Map<String, Object> serviceByEndpoint = new LinkedHashMap<>();

    /** A host the network's DNS resolves: {@code name} (may be null for an address-only host) at {@code ipv4}. */
    public void addHost(String name, String ipv4) {
        if (name != null) {
            addressByName.put(name.toLowerCase(java.util.Locale.ROOT), ipv4);
        }
    }

    /** The address of {@code nameOrAddress}: itself when it is a dotted quad, else what DNS knows, else empty. */
    public Optional<String> resolve(String nameOrAddress) {
        if (nameOrAddress.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return Optional.of(nameOrAddress);
        }
        return Optional.ofNullable(addressByName.get(nameOrAddress.toLowerCase(java.util.Locale.ROOT)));
    }

    /**
     * Puts {@code service} at {@code ipv4:port}: a {@link TcpService} for raw TCP, or a higher-level peer (an
     * MQTT broker, an HTTP site) that firmware clients built on their own C libraries talk to directly.
     */
    public void listen(String ipv4, int port, Object service) {
        serviceByEndpoint.put(ipv4 + ":" + port, service);
    }

    /** What listens at {@code ipv4:port} as the given type, if anything. */
    public <T> Optional<T> service(String ipv4, int port, Class<T> type) {
        Object service = serviceByEndpoint.get(ipv4 + ":" + port);
        return type.isInstance(service) ? Optional.of(type.cast(service)) : Optional.empty();
    }
}
