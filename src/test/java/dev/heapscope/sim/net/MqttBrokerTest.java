package dev.heapscope.sim.net;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The broker peer on its own: MQTT 3.1.1 topic filters (§4.7), retained messages, wills, refusals. */
class MqttBrokerTest {
    private static final class Recorder implements MqttBroker.Subscriber {
        final List<String> got = new ArrayList<>();
        int drops;

        @Override
        public void deliver(String topic, byte[] payload, int qos, boolean retain) {
            got.add(topic + "=" + new String(payload, StandardCharsets.UTF_8) + (retain ? " (retained)" : ""));
        }

        @Override
        public void dropped() {
            drops++;
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void filtersMatchAsTheSpecificationSays() {
        assertThat(MqttTopics.matches("a/+/c", "a/b/c")).isTrue();
        assertThat(MqttTopics.matches("a/+/c", "a/b/d/c")).isFalse();
        assertThat(MqttTopics.matches("a/#", "a")).isTrue();
        assertThat(MqttTopics.matches("a/#", "a/b/c")).isTrue();
        assertThat(MqttTopics.matches("#", "$SYS/uptime")).isFalse();
        assertThat(MqttTopics.matches("+/x", "/x")).isTrue();
        assertThat(MqttTopics.validFilter("a/#/b")).isFalse();
        assertThat(MqttTopics.validFilter("a+/b")).isFalse();
        assertThat(MqttTopics.validFilter("+/+/#")).isTrue();
    }

    @Test
    void retainedMessagesGoToLaterSubscribersAndAnEmptyOneClearsThem() {
        MqttBroker broker = new MqttBroker();
        broker.publish("s/1", bytes("on"), 0, true);
        Recorder first = new Recorder();
        MqttBroker.Session session = broker.connect("a", null, null, first, null, null, false).session().orElseThrow();
        assertThat(broker.subscribe(session, "s/+", 1)).isEqualTo(1);
        assertThat(first.got).containsExactly("s/1=on (retained)");
        broker.publish("s/1", new byte[0], 0, true);
        assertThat(broker.retained("s/1")).isEmpty();
        assertThat(broker.subscribe(session, "s/#/x", 0)).isEqualTo(0x80);
    }

    @Test
    void aDroppedClientsWillIsPublishedButNotAfterAGracefulDisconnect() {
        MqttBroker broker = new MqttBroker();
        Recorder watcher = new Recorder();
        MqttBroker.Session watching = broker.connect("w", null, null, watcher, null, null, false).session().orElseThrow();
        broker.subscribe(watching, "status/#", 0);
        Recorder device = new Recorder();
        MqttBroker.Session polite = broker.connect("d1", null, null, device, "status/d1", bytes("gone"), false)
                .session().orElseThrow();
        broker.disconnect(polite, true);
        assertThat(watcher.got).isEmpty();
        MqttBroker.Session lost = broker.connect("d2", null, null, device, "status/d2", bytes("gone"), false)
                .session().orElseThrow();
        broker.disconnect(lost, false); // the TCP connection broke without DISCONNECT
        assertThat(watcher.got).containsExactly("status/d2=gone");
        broker.dropAll();
        assertThat(watcher.drops).isEqualTo(1);
        assertThat(broker.connectedClients()).isZero();
    }
}
