package dev.heapscope.sim.net;

import dev.heapscope.sim.lib.BoardEvents;
import dev.heapscope.sim.lib.WorldSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The world the board's radio reaches, all inside the JVM (no host socket is ever opened): access points
 * to join, and hosts by name and IPv4 address with the TCP services they listen on (an HTTP server with
 * canned pages, an echo server, an MQTT broker). It outlives reboots; what the board holds (its
 * association, sockets, clients) belongs to one boot. Board thread only.
 */
public final class VirtualNetwork {
    private final Map<String, String> addressByName = new LinkedHashMap<>();
    private final Map<String, Object> serviceByEndpoint = new LinkedHashMap<>();
    private final List<BiConsumer<BoardEvents, WorldSettings>> bootListeners = new ArrayList<>();
    private BoardEvents events;
    private BoardEvents peerSchedules;
    private WorldSettings world = WorldSettings.NONE;
    private final Map<Integer, BoardPort> boardPorts = new LinkedHashMap<>();
    private String stationAddress;

    /** A TCP port the board listens on ({@code net.createServer():listen}). */
    public interface BoardPort {
        /** A peer connects; {@code client} gets what the board sends; returns the peer's end for sending. */
        PeerSocket accept(PeerHandler client);
    }

    /**
     * The board booted: peers that act on a schedule (clients of the board's servers, publishers) arm
     * their events on this boot's queue, configured from the scenario's world settings; the station is off.
     */
    public void boot(BoardEvents bootEvents, WorldSettings settings) {
        this.events = bootEvents;
        this.stationAddress = null;
        this.boardPorts.clear();
        this.peerSchedules = null;
        changeWorld(settings);
    }

    /**
     * A scenario describes another world while the board runs: peers drop the schedules they armed and arm
     * them anew from {@code settings}; the board's association and sockets stay.
     */
    public void changeWorld(WorldSettings settings) {
        this.world = settings;
        if (events == null) {
            return; // not booted yet: boot() arms them
        }
        if (peerSchedules != null) {
            peerSchedules.cancel();
        }
        peerSchedules = events.scope();
        for (BiConsumer<BoardEvents, WorldSettings> listener : bootListeners) {
            listener.accept(peerSchedules, settings);
        }
    }

    /**
     * Called at every boot and world change with the queue for the peer's schedule (cancelled at the next
     * change) and the world's settings.
     */
    public void onBoot(BiConsumer<BoardEvents, WorldSettings> listener) {
        bootListeners.add(listener);
    }

    /** This boot's event queue (for peers that answer later); null before the first boot. */
    public BoardEvents events() {
        return events;
    }

    public WorldSettings world() {
        return world;
    }

    /** The station's IPv4 address once wifi got one, empty while it has none (firmware clients need it). */
    public Optional<String> stationAddress() {
        return Optional.ofNullable(stationAddress);
    }

    /** Wifi got an address (or lost it: null). */
    public void setStationAddress(String ipv4) {
        this.stationAddress = ipv4;
    }

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

    /** The board listens on {@code port} (replacing nothing: lwIP refuses a second bind, see net). */
    public void openBoardPort(int port, BoardPort listener) {
        boardPorts.put(port, listener);
    }

    public void closeBoardPort(int port) {
        boardPorts.remove(port);
    }

    public boolean boardPortOpen(int port) {
        return boardPorts.containsKey(port);
    }

    /**
     * A peer connects to the board's {@code port}: empty when the board has no address yet or nothing listens
     * there (the peer sees the connection refused).
     */
    public Optional<PeerSocket> connectToBoard(int port, PeerHandler client) {
        BoardPort listener = boardPorts.get(port);
        if (stationAddress == null || listener == null) {
            return Optional.empty();
        }
        return Optional.of(listener.accept(client));
    }
}
