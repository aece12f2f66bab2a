package dev.heapscope.sim.net;

import org.luaj.vm2.LuaValue;

import dev.heapscope.sim.lib.BoardContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * ESP-IDF's esp-mqtt client ({@code esp_mqtt_client_init}/{@code _start}/{@code _destroy}) as the firmware's
 * mqtt module drives it: its C blocks (client struct, config, in and out buffers, the {@code mqtt_task}
 * stack; sizes in simulator/FIRMWARE-FACTS.md §mqtt), its connection to the virtual broker, and its events,
 * handed to {@code mqtt_event_handler} as they happen. What it sends reaches the broker after the network's
 * latency, what the broker sends arrives after it. Board thread only.
 */
final class EspMqttClient implements MqttBroker.Subscriber {
    /** esp-mqtt's outbox_item_t and its list link, about: what a queued message costs beyond its bytes. */
    private static final int OUTBOX_ITEM_BYTES = 32;
    static final int EVENT_CONNECTED = 1;
    static final int EVENT_DISCONNECTED = 2;
    static final int EVENT_SUBSCRIBED = 3;
    static final int EVENT_UNSUBSCRIBED = 4;
    static final int EVENT_PUBLISHED = 5;
    static final int EVENT_DATA = 6;
    /** mqtt_config.h: MQTT_BUFFER_SIZE_BYTE (CONFIG_MQTT_BUFFER_SIZE, 1024) for the in and the out buffer. */
    static final int BUFFER_BYTES = 1024;
    /** mqtt_config.h: MQTT_TASK_STACK (CONFIG_MQTT_TASK_STACK_SIZE, 6 KiB). */
    static final int TASK_STACK_BYTES = 6 * 1024;
    private static final int TASK_TCB_BYTES = 344;
    private static final String[] INIT_BLOCKS = {
            "232 esp_mqtt_client_init", // struct esp_mqtt_client (its esp_mqtt_event_t included)
            "184 esp_mqtt_client_init", // mqtt_config_storage_t
            "28 esp_mqtt_client_init", // esp_mqtt_error_codes_t
            "84 xQueueCreateMutex", // api_lock
            "8 outbox_init",
            "32 xEventGroupCreate", // status_bits
            "8 esp_transport_list_init",
            "140 esp_transport_tcp_init",
            "88 esp_event_loop_create", // the client's own event loop (no task)
            "100 xQueueGenericCreate"}; // its queue of one event

    /** An esp-mqtt event ({@code esp_mqtt_event_t}): what mqtt.c's handlers read of it. */
    record Event(int id, String topic, byte[] data, int msgId) {
    }

    /** What {@code mqtt_connect} puts in {@code esp_mqtt_client_config_t}. */
    record Config(String host, int port, String clientId, String username, String password, String willTopic,
                  byte[] willMessage, boolean willRetain) {
    }

    private final BoardContext board;
    private final VirtualNetwork network;
    private final Config config;
    private final Consumer<Event> handler;
    private final List<Integer> blocks = new ArrayList<>();
    private final List<Runnable> whenConnected = new ArrayList<>();
    /** Blocks of messages published and not yet sent. */
    private final java.util.Set<Integer> messages = new java.util.LinkedHashSet<>();
    private MqttBroker broker;
    private MqttBroker.Session session;
    private boolean running;
    private boolean connected;
    private int lastMessageId;
    private LuaValue owner;

    private EspMqttClient(BoardContext board, VirtualNetwork network, Config config, Consumer<Event> handler) {
        this.board = board;
        this.network = network;
        this.config = config;
        this.handler = handler;
    }

    /** {@code esp_mqtt_client_init}: the client's blocks, charged to {@code luaFunction} (mqtt_connect). */
    static EspMqttClient init(BoardContext board, VirtualNetwork network, Config config, Consumer<Event> handler,
                              String luaFunction) {
        EspMqttClient client = new EspMqttClient(board, network, config, handler);
        for (String block : INIT_BLOCKS) {
            String[] sizeAndFrame = block.split(" ");
            client.allocate(Integer.parseInt(sizeAndFrame[0]), sizeAndFrame[1], luaFunction);
        }
        client.allocate(BUFFER_BYTES, "mqtt_msg_buffer_init", luaFunction); // out buffer
        client.allocate(BUFFER_BYTES, "esp_mqtt_client_init", luaFunction); // mqtt_state.in_buffer
        for (String copied : new String[] {config.host(), config.clientId(), config.username(), config.password(),
                config.willTopic()}) {
            if (copied != null) {
                client.allocate(copied.length() + 1, "strdup", luaFunction);
            }
        }
        if (config.willMessage() != null) {
            client.allocate(config.willMessage().length + 1, "strdup", luaFunction);
        }
        return client;
    }

    private void allocate(int bytes, String frame, String luaFunction) {
        String[] frames = frame.equals("esp_mqtt_client_init")
                ? new String[] {frame, luaFunction} : new String[] {frame, "esp_mqtt_client_init", luaFunction};
        blocks.add(board.allocateFirmware(bytes, frames));
    }

    /** Its blocks live as long as the Lua client {@code owner} (what a retaining path names for them). */
    void ownedBy(LuaValue owner) {
        this.owner = owner;
        blocks.forEach(address -> board.ownFirmware(address, owner, "esp-mqtt client"));
    }

    /** {@code esp_mqtt_client_start}: the mqtt task, which connects to the broker. */
    void start(String luaFunction) {
        int stack = board.allocateFirmware(TASK_STACK_BYTES, "xTaskCreatePinnedToCore", "esp_mqtt_client_start", luaFunction);
        int tcb = board.allocateFirmware(TASK_TCB_BYTES, "xTaskCreatePinnedToCore", "esp_mqtt_client_start", luaFunction);
        blocks.add(stack);
        blocks.add(tcb);
        if (owner != null) {
            board.ownFirmware(stack, owner, "mqtt task stack");
            board.ownFirmware(tcb, owner, "mqtt task");
        }
        running = true;
        long latency = latency();
        board.events().after(2 * latency, this::connectToBroker); // TCP handshake, then CONNECT → CONNACK
    }

    private long latency() {
        return network.service(MqttBroker.ADDRESS, MqttBroker.PORT, MqttBroker.class)
                .map(MqttBroker::latencyMicros).orElse(5_000L);
    }

    private void connectToBroker() {
        if (!running) {
            return;
        }
        Optional<MqttBroker> found = network.stationAddress()
                .flatMap(station -> network.resolve(config.host()))
                .flatMap(address -> network.service(address, config.port(), MqttBroker.class));
        if (found.isEmpty()) { // no IP yet, unknown host, nothing listening: transport connect fails
            abort();
            return;
        }
        broker = found.get();
        MqttBroker.Connack connack = broker.connect(config.clientId(), config.username(), config.password(), this,
                config.willTopic(), config.willMessage(), config.willRetain());
        if (connack.session().isEmpty()) { // esp-mqtt: a refused CONNACK aborts the connection
            abort();
            return;
        }
        session = connack.session().get();
        connected = true;
        post(new Event(EVENT_CONNECTED, null, null, 0));
        whenConnected.forEach(Runnable::run);
        whenConnected.clear();
    }

    /** esp_mqtt_abort_connection: DISCONNECTED; without auto-reconnect (mqtt.c always destroys) the task stops. */
    private void abort() {
        connected = false;
        session = null;
        post(new Event(EVENT_DISCONNECTED, null, null, 0));
    }

    private void post(Event event) {
        if (running) {
            handler.accept(event);
        }
    }

    private int nextMessageId() {
        lastMessageId = lastMessageId % 65535 + 1;
        return lastMessageId;
    }

    /** {@code esp_mqtt_client_subscribe}: the message id, or -1 when not connected. */
    int subscribe(String topic, int qos) {
        if (!connected) {
            return -1;
        }
        int id = nextMessageId();
        MqttBroker.Session at = session;
        board.events().after(latency(), () -> {
            if (at == session && connected) {
                board.events().after(latency(), () -> post(new Event(EVENT_SUBSCRIBED, null, null, id)));
                broker.subscribe(at, topic, qos); // retained messages follow the SUBACK
            }
        });
        return id;
    }

    int unsubscribe(String topic) {
        if (!connected) {
            return -1;
        }
        int id = nextMessageId();
        MqttBroker.Session at = session;
        board.events().after(latency(), () -> {
            if (at == session && connected) {
                broker.unsubscribe(at, topic);
                board.events().after(latency(), () -> post(new Event(EVENT_UNSUBSCRIBED, null, null, id)));
            }
        });
        return id;
    }

    /** {@code esp_mqtt_client_publish}: 0 for QoS 0, the message id for QoS 1 (queued until connected), -1 if it cannot. */
    int publish(String topic, byte[] data, int qos, boolean retain) {
        if (!connected && qos == 0) {
            return -1;
        }
        // held in the board's heap until it leaves (esp-mqtt's outbox item and its copy of topic and data): a loop
        // of publishes runs out of heap as on the board, instead of queueing gigabytes in the JVM
        int held = board.allocateFirmware(OUTBOX_ITEM_BYTES + topic.length() + data.length, "outbox_enqueue",
                "esp_mqtt_client_publish");
        if (held == 0) {
            return -1;
        }
        messages.add(held);
        int id = qos > 0 ? nextMessageId() : 0;
        Runnable send = () -> board.events().after(latency(), () -> {
            release(held);
            if (!connected) {
                return;
            }
            broker.publish(topic, data, qos, retain);
            if (qos > 0) {
                board.events().after(latency(), () -> post(new Event(EVENT_PUBLISHED, null, null, id)));
            }
        });
        if (connected) {
            send.run();
        } else {
            whenConnected.add(send);
        }
        return id;
    }

    @Override
    public void deliver(String topic, byte[] payload, int qos, boolean retain) {
        byte[] copy = payload.clone();
        board.events().after(latency(), () -> {
            if (connected) {
                post(new Event(EVENT_DATA, topic, copy, 0));
            }
        });
    }

    @Override
    public void dropped() {
        board.events().after(latency(), () -> {
            if (connected) {
                abort();
            }
        });
    }

    /** {@code esp_mqtt_client_destroy}: stops the task (a connected client says DISCONNECT) and frees every block. */
    void destroy(String luaFunction) {
        if (connected && broker != null && session != null) {
            broker.disconnect(session, true);
        }
        running = false;
        connected = false;
        session = null;
        for (int i = blocks.size() - 1; i >= 0; i--) {
            board.freeFirmware(blocks.get(i), "esp_mqtt_client_destroy", luaFunction);
        }
        blocks.clear();
        new ArrayList<>(messages).forEach(this::release);
        whenConnected.clear();
    }

    private void release(int message) {
        if (messages.remove(message)) {
            board.freeFirmware(message, "outbox_delete", "esp_mqtt_client_destroy");
        }
    }

    boolean connected() {
        return connected;
    }
}
