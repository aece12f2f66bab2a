package dev.heapscope.sim.lib;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a scenario's header says about the world around the board ({@code -- world.KEY = VALUE}): the
 * virtual network's peers and schedules, GPIO input, sensor readings. The board keeps them across reboots;
 * each module reads the keys it knows ({@code wifi.}, {@code net.}, {@code mqtt.}, {@code gpio.}, ...).
 * Keys are written without the {@code world.} prefix. Immutable.
 */
public final class WorldSettings {
    public static final WorldSettings NONE = new WorldSettings(Map.of());

    private final Map<String, String> values;

    public WorldSettings(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public String get(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public Map<String, String> asMap() {
        return values;
    }

    /** Equal when they say the same (a header without world lines equals {@link #NONE}). */
    @Override
    public boolean equals(Object other) {
        return other instanceof WorldSettings settings && values.equals(settings.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }
}
