package dev.heapscope.sim.net;

import dev.heapscope.sim.lib.WorldSettings;

import java.util.Locale;

/**
 * What a scenario's header says about the MQTT broker ({@code -- world.mqtt.KEY = VALUE}); documented in
 * docs/SCENARIOS.md. A malformed duration counts as its default (the board must boot whatever the header says).
 *
 * @param refuse           {@code mqtt.refuse = true}: every CONNECT gets CONNACK 5 (not authorized)
 * @param username         {@code mqtt.username}: when set, CONNECT must carry it (and {@code mqtt.password}) or get CONNACK 4
 * @param publishTopic     {@code mqtt.publish.topic}: a peer publishes there on a schedule (null: no publisher)
 * @param publishEveryMicros {@code mqtt.publish.every} (e.g. {@code 5s}, {@code 500ms}, {@code 2m}; default 10s)
 * @param publishPayload   {@code mqtt.publish.payload}; {@code {n}} in it becomes 1, 2, 3... (default {@code {n}})
 * @param publishRetain    {@code mqtt.publish.retain = true}: the broker keeps the last one for new subscribers
 * @param dropEveryMicros  {@code mqtt.drop.every}: the broker drops every client connection at this interval (0: never)
 * @param latencyMicros    {@code mqtt.latency}: one way, broker ↔ board (default 5ms)
 */
record MqttBrokerSettings(boolean refuse, String username, String password, String publishTopic,
                          long publishEveryMicros, String publishPayload, boolean publishRetain,
                          long dropEveryMicros, long latencyMicros) {

    static MqttBrokerSettings from(WorldSettings world) {
        return new MqttBrokerSettings(
                Boolean.parseBoolean(world.get("mqtt.refuse", "false").trim()),
                world.get("mqtt.username", null),
                world.get("mqtt.password", null),
                world.get("mqtt.publish.topic", null),
                durationMicros(world, "mqtt.publish.every", "10s"),
                world.get("mqtt.publish.payload", "{n}"),
                Boolean.parseBoolean(world.get("mqtt.publish.retain", "false").trim()),
                durationMicros(world, "mqtt.drop.every", "0"),
                durationMicros(world, "mqtt.latency", "5ms"));
    }

    /** {@code 250ms}, {@code 5s}, {@code 2m}, or a bare number of seconds. */
    static long durationMicros(WorldSettings world, String key, String fallback) {
        Long parsed = parse(world.get(key, fallback));
        return parsed != null ? parsed : parse(fallback);
    }

    private static Long parse(String raw) {
        String text = raw.trim().toLowerCase(Locale.ROOT);
        long unit = 1_000_000;
        String number = text;
        if (text.endsWith("ms")) {
            unit = 1_000;
            number = text.substring(0, text.length() - 2);
        } else if (text.endsWith("s")) {
            number = text.substring(0, text.length() - 1);
        } else if (text.endsWith("m")) {
            unit = 60_000_000;
            number = text.substring(0, text.length() - 1);
        }
        try {
            double value = Double.parseDouble(number.trim());
            if (value < 0 || Double.isNaN(value) || Double.isInfinite(value)) {
                throw new NumberFormatException();
            }
            return Math.round(value * unit);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
