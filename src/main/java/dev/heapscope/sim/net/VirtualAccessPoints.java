package dev.heapscope.sim.net;

import dev.heapscope.sim.lib.WorldSettings;

import java.util.ArrayList;
import java.util.List;

/**
 * The access points in the board's range, from the scenario's header (docs in simulator/README.md):
 * {@code world.wifi.ap} (SSIDs, comma-separated), {@code world.wifi.password} (theirs; empty for open APs),
 * {@code world.wifi.channel}. Without {@code world.wifi.ap} the world is forgiving, so a real script runs
 * unchanged: whatever SSID and password it configures is an AP in range that accepts them, and a scan
 * shows it next to the default "HeapScope" AP.
 */
final class VirtualAccessPoints {
    static final String DEFAULT_SSID = "HeapScope";
    static final int AUTH_OPEN = 0;
    static final int AUTH_WPA2_PSK = 3;

    record AccessPoint(String ssid, String bssid, int channel, int rssi, int auth) {
    }

    private final List<String> ssids = new ArrayList<>();
    private final String password;
    private final int channel;
    private final boolean forgiving;

    VirtualAccessPoints(WorldSettings world) {
        String configured = world.get("wifi.ap", "").trim();
        forgiving = configured.isEmpty();
        for (String ssid : (forgiving ? DEFAULT_SSID : configured).split(",")) {
            if (!ssid.isBlank()) {
                ssids.add(ssid.trim());
            }
        }
        password = world.get("wifi.password", "");
        int parsed;
        try {
            parsed = Integer.parseInt(world.get("wifi.channel", "6").trim());
        } catch (NumberFormatException e) {
            parsed = 6;
        }
        channel = parsed;
    }

    /** The AP a station configured for {@code ssid} finds, if any. */
    AccessPoint find(String ssid, String stationPassword) {
        if (forgiving && !ssid.isEmpty()) {
            return accessPoint(ssid, ssids.contains(ssid) ? ssids.indexOf(ssid) : ssids.size(), stationPassword.isEmpty() ? AUTH_OPEN : AUTH_WPA2_PSK);
        }
        int index = ssids.indexOf(ssid);
        return index < 0 ? null : accessPoint(ssid, index, password.isEmpty() ? AUTH_OPEN : AUTH_WPA2_PSK);
    }

    /** Whether the AP takes this password (a forgiving world takes any). */
    boolean accepts(String stationPassword) {
        return forgiving || password.equals(stationPassword);
    }

    /** What a scan finds, strongest first; a forgiving world adds the SSID the station is configured for. */
    List<AccessPoint> scan(String configuredSsid) {
        List<AccessPoint> found = new ArrayList<>();
        for (int i = 0; i < ssids.size(); i++) {
            found.add(accessPoint(ssids.get(i), i, password.isEmpty() ? AUTH_OPEN : AUTH_WPA2_PSK));
        }
        if (forgiving && !configuredSsid.isEmpty() && !ssids.contains(configuredSsid)) {
            found.add(0, accessPoint(configuredSsid, ssids.size(), AUTH_WPA2_PSK));
        }
        return found;
    }

    private AccessPoint accessPoint(String ssid, int index, int auth) {
        String bssid = String.format("02:48:53:00:00:%02x", index + 1);
        return new AccessPoint(ssid, bssid, channel, -48 - 7 * index, auth);
    }
}
