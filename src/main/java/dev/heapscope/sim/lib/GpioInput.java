package dev.heapscope.sim.lib;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The input a scenario drives into one pin, from its header: {@code -- world.gpio.4 = every 500ms} (the level
 * toggles every 500 ms from boot, starting low, so the first edge rises) or
 * {@code -- world.gpio.4 = 100ms:1, 250ms:0, 2s:1} (the level from each time after boot on). Durations take
 * {@code us}, {@code ms} or {@code s}. Immutable.
 */
record GpioInput(long periodMicros, List<long[]> changes) {

    /** The schedule for {@code pin}, or null when the world drives nothing into it. */
    static GpioInput of(WorldSettings world, int pin) {
        String spec = world.get("gpio." + pin, null);
        if (spec == null) {
            return null;
        }
        String text = spec.trim().toLowerCase(Locale.ROOT);
        if (text.startsWith("every ")) {
            long period = micros(text.substring(6).trim(), spec);
            if (period <= 0) {
                throw new IllegalArgumentException("world.gpio." + pin + ": the period must be positive: " + spec);
            }
            return new GpioInput(period, List.of());
        }
        List<long[]> changes = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] timeLevel = part.trim().split(":");
            if (timeLevel.length != 2 || !(timeLevel[1].trim().equals("0") || timeLevel[1].trim().equals("1"))) {
                throw new IllegalArgumentException("world.gpio." + pin + ": '" + part.trim()
                        + "' is not TIME:LEVEL (e.g. 250ms:1)");
            }
            changes.add(new long[]{micros(timeLevel[0].trim(), spec), Integer.parseInt(timeLevel[1].trim())});
        }
        changes.sort((a, b) -> Long.compare(a[0], b[0]));
        return new GpioInput(0, List.copyOf(changes));
    }

    private static long micros(String duration, String spec) {
        try {
            if (duration.endsWith("us")) {
                return Long.parseLong(duration.substring(0, duration.length() - 2).trim());
            }
            if (duration.endsWith("ms")) {
                return Math.round(Double.parseDouble(duration.substring(0, duration.length() - 2).trim()) * 1_000);
            }
            if (duration.endsWith("s")) {
                return Math.round(Double.parseDouble(duration.substring(0, duration.length() - 1).trim()) * 1_000_000);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + duration + "' in '" + spec + "' is not a duration (500ms, 2s, 100us)");
    }
}
