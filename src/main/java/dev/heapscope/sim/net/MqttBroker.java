package dev.heapscope.sim.net;

import dev.heapscope.sim.lib.BoardEvents;
import dev.heapscope.sim.lib.WorldSettings;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The virtual network's MQTT 3.1.1 broker ({@code mqtt.heapscope.test:1883}): CONNECT/CONNACK with optional
 * credentials, SUBSCRIBE with {@code +}/{@code #} filters, UNSUBSCRIBE, PUBLISH at QoS 0 and 1 with retained
 * messages, last wills; a scheduled publisher and scheduled connection drops from the scenario's
 * {@code world.mqtt.*} settings. It speaks to the firmware's MQTT client as objects, not bytes (esp-mqtt's wire
 * format is not what a profile is about); PINGs cost nothing. Retained messages outlive reboots, as a real
 * broker's do; sessions do not (a reboot breaks every TCP connection). Board thread only.
 */
public final class MqttBroker {
    public static final String HOST = "mqtt.heapscope.test";
    public static final String ADDRESS = "10.13.0.20";
    public static final int PORT = 1883;
    /** CONNACK return codes (MQTT 3.1.1 §3.2.2.3). */
    public static final int ACCEPTED = 0;
    public static final int BAD_CREDENTIALS = 4;
    public static final int NOT_AUTHORIZED = 5;

    /** What the broker sends a connected client; the client's end is the firmware's esp-mqtt emulation. */
    public interface Subscriber {
        void deliver(String topic, byte[] payload, int qos, boolean retain);

        /** The broker closed the connection. */
        void dropped();
    }

    /** One client's connection and its subscriptions (filter → granted QoS, in subscription order). */
    public static final class Session {
        private final Subscriber subscriber;
        private final Map<String, Integer> filters = new LinkedHashMap<>();
        private final String willTopic;
        private final byte[] willMessage;
        private final boolean willRetain;

        private Session(Subscriber subscriber, String willTopic, byte[] willMessage, boolean willRetain) {
            this.subscriber = subscriber;
            this.willTopic = willTopic;
            this.willMessage = willMessage;
            this.willRetain = willRetain;
        }
    }

    /** A CONNECT's outcome: the CONNACK code and, when accepted, the session. */
    public record Connack(int code, Optional<Session> session) {
    }

    private final Map<String, byte[]> retained = new LinkedHashMap<>();
    private final List<Session> sessions = new ArrayList<>();
    private MqttBrokerSettings settings = MqttBrokerSettings.from(WorldSettings.NONE);
    private BoardEvents events;
    private int published;

    /** Puts a broker on the network at {@link #HOST}; it arms its schedules at every boot. */
    public static MqttBroker install(VirtualNetwork network) {
        MqttBroker broker = new MqttBroker();
        network.addHost(HOST, ADDRESS);
        network.listen(ADDRESS, PORT, broker);
        network.onBoot(broker::boot);
        return broker;
    }

    void boot(BoardEvents bootEvents, WorldSettings world) {
        this.events = bootEvents;
        this.settings = MqttBrokerSettings.from(world);
        sessions.clear();
        published = 0;
        if (settings.publishTopic() != null && settings.publishEveryMicros() > 0) {
            schedulePublish();
        }
        if (settings.dropEveryMicros() > 0) {
            scheduleDrop();
        }
    }

    /** The one-way delay between broker and board. */
    public long latencyMicros() {
        return settings.latencyMicros();
    }

    public Connack connect(String clientId, String username, String password, Subscriber subscriber,
                           String willTopic, byte[] willMessage, boolean willRetain) {
        if (settings.refuse()) {
            return new Connack(NOT_AUTHORIZED, Optional.empty());
        }
        if (settings.username() != null && (!settings.username().equals(username)
                || (settings.password() != null && !settings.password().equals(password)))) {
            return new Connack(BAD_CREDENTIALS, Optional.empty());
        }
        Session session = new Session(subscriber, willTopic, willMessage, willRetain);
        sessions.add(session);
        return new Connack(ACCEPTED, Optional.of(session));
    }

    /** SUBSCRIBE: returns the granted QoS (0 or 1), or 0x80 for a filter the broker refuses; then sends what is retained. */
    public int subscribe(Session session, String filter, int qos) {
        if (!MqttTopics.validFilter(filter)) {
            return 0x80;
        }
        int granted = Math.max(0, Math.min(qos, 1));
        session.filters.put(filter, granted);
        for (Map.Entry<String, byte[]> message : retained.entrySet()) {
            if (MqttTopics.matches(filter, message.getKey())) {
                session.subscriber.deliver(message.getKey(), message.getValue(), granted, true);
            }
        }
        return granted;
    }

    public void unsubscribe(Session session, String filter) {
        session.filters.remove(filter);
    }

    /** PUBLISH from anyone: kept when retained (an empty retained payload clears it), sent to each matching session once. */
    public void publish(String topic, byte[] payload, int qos, boolean retain) {
        if (retain) {
            if (payload.length == 0) {
                retained.remove(topic);
            } else {
                retained.put(topic, payload.clone());
            }
        }
        for (Session session : List.copyOf(sessions)) {
            int best = -1;
            for (Map.Entry<String, Integer> filter : session.filters.entrySet()) {
                if (MqttTopics.matches(filter.getKey(), topic)) {
                    best = Math.max(best, filter.getValue());
                }
            }
            if (best >= 0) {
                session.subscriber.deliver(topic, payload, Math.min(qos, best), false);
            }
        }
    }

    /** The client closed its connection: DISCONNECT when {@code graceful}, else the broker sends its will. */
    public void disconnect(Session session, boolean graceful) {
        if (sessions.remove(session) && !graceful && session.willTopic != null) {
            publish(session.willTopic, session.willMessage, 0, session.willRetain);
        }
    }

    /** The broker closes every client connection (a broker restart): each client hears it, wills are sent. */
    public void dropAll() {
        for (Session session : List.copyOf(sessions)) {
            disconnect(session, false);
            session.subscriber.dropped();
        }
    }

    public Optional<byte[]> retained(String topic) {
        return Optional.ofNullable(retained.get(topic)).map(byte[]::clone);
    }

    public int connectedClients() {
        return sessions.size();
    }

    private void schedulePublish() {
        events.after(settings.publishEveryMicros(), () -> {
            published++;
            String payload = settings.publishPayload().replace("{n}", Integer.toString(published));
            publish(settings.publishTopic(), payload.getBytes(StandardCharsets.UTF_8), 0, settings.publishRetain());
            schedulePublish();
        });
    }

    private void scheduleDrop() {
        events.after(settings.dropEveryMicros(), () -> {
            dropAll();
            scheduleDrop();
        });
    }
}
