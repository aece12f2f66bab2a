package dev.heapscope.sim.net;

import dev.heapscope.sim.lib.BoardContext;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code wifi.sta} (wifi_sta.c): config, connect/disconnect, events, scan. Joining takes
 * {@link #ASSOCIATION_MICROS}, then DHCP {@link #DHCP_MICROS}; on "got_ip" the virtual network learns the
 * station's address, on a disconnection it forgets it.
 */
final class WifiStation {
    static final long ASSOCIATION_MICROS = 300_000;
    static final long DHCP_MICROS = 700_000;
    static final long HANDSHAKE_TIMEOUT_MICROS = 1_000_000;
    static final long SCAN_MICROS = 1_500_000;
    /** wifi_err_reason_t: 2 AUTH_EXPIRE... 8 ASSOC_LEAVE, 15 4WAY_HANDSHAKE_TIMEOUT, 201 NO_AP_FOUND. */
    static final int REASON_ASSOC_LEAVE = 8;
    static final int REASON_4WAY_HANDSHAKE_TIMEOUT = 15;
    static final int REASON_NO_AP_FOUND = 201;

    private final WifiModule wifi;
    private final BoardContext board;
    private final VirtualAccessPoints accessPoints;
    private final WifiEventSlots events;
    private final LuaTable table = new LuaTable();
    private String ssid = "";
    private String password = "";
    private String bssid;
    private VirtualAccessPoints.AccessPoint associated;
    /** Bumped by every connect/disconnect so a superseded attempt's events do nothing. */
    private int attempt;
    private int scanRef = NetSocket.NOREF;
    private String powersave = "min";

    WifiStation(WifiModule wifi, VirtualAccessPoints accessPoints) {
        this.wifi = wifi;
        this.board = wifi.board;
        this.accessPoints = accessPoints;
        this.events = new WifiEventSlots(board, "wifi.sta", "start", "stop", "connected", "disconnected",
                "authmode_changed", "got_ip");
        LuaArgs.put(table, "config", this::config);
        LuaArgs.put(table, "connect", args -> connect());
        LuaArgs.put(table, "disconnect", args -> disconnect());
        LuaArgs.put(table, "getconfig", args -> getconfig());
        LuaArgs.put(table, "getmac", args -> LuaValue.valueOf(WifiAddresses.STATION_MAC));
        LuaArgs.put(table, "on", events::on);
        LuaArgs.put(table, "scan", this::scan);
        LuaArgs.put(table, "setip", args -> {
            LuaTable config = LuaArgs.checkTable(board, args, 1, "setip");
            LuaArgs.fieldString(config, "ip", null, "setip");
            return LuaValue.NONE;
        });
        LuaArgs.put(table, "sethostname", args -> {
            LuaArgs.checkString(board, args, 1, "sethostname");
            return LuaValue.TRUE;
        });
        LuaArgs.put(table, "settxpower", args -> {
            if (!args.arg(1).isnumber()) {
                throw board.argError(1, "settxpower", "number expected, got "
                        + (args.narg() == 0 ? "no value" : args.arg(1).typename()));
            }
            return LuaValue.TRUE;
        });
        LuaArgs.put(table, "powersave", args -> {
            String mode = LuaArgs.checkString(board, args, 1, "powersave");
            if (!List.of("none", "min", "max").contains(mode)) {
                throw board.argError(1, "powersave", "invalid option '" + mode + "'");
            }
            powersave = mode;
            return LuaValue.NONE;
        });
        LuaArgs.put(table, "getpowersave", args -> LuaValue.valueOf(powersave));
        table.set("PMF_AVAILABLE", 1);
        table.set("PMF_REQUIRED", 2);
    }

    LuaTable table() {
        return table;
    }

    WifiEventSlots events() {
        return events;
    }

    int channel() {
        return associated == null ? 0 : associated.channel();
    }

    private Varargs config(Varargs args) {
        LuaTable config = LuaArgs.checkTable(board, args, 1, "config");
        String newSsid = LuaArgs.fieldString(config, "ssid", null, "config");
        String newPassword = LuaArgs.fieldString(config, "pwd", "", "config");
        String newBssid = null;
        if (!config.get("bssid").isnil()) {
            String text = LuaArgs.fieldString(config, "bssid", null, "config");
            newBssid = parseBssid(text);
            if (newBssid == null) {
                throw new LuaError("invalid BSSID: " + text);
            }
        }
        for (String key : List.of("pmf", "channel", "listen_interval", "threshold_rssi", "threshold_authmode", "sae_pwe")) {
            LuaArgs.fieldInteger(config, key, 0, "config");
        }
        ssid = newSsid.length() > 32 ? newSsid.substring(0, 32) : newSsid;
        password = newPassword.length() > 64 ? newPassword.substring(0, 64) : newPassword;
        bssid = newBssid;
        return LuaValue.NONE;
    }

    /** The four forms wifi_sta.c's sscanf accepts: 12 hex digits, or six pairs split by ':', '-' or ' '. */
    static String parseBssid(String text) {
        String hex = "[0-9a-fA-F]{1,2}";
        for (String separator : new String[] {":", "-", " "}) {
            if (text.matches(hex + "(" + separator + hex + "){5}")) {
                String[] parts = text.split(separator);
                StringBuilder mac = new StringBuilder();
                for (String part : parts) {
                    mac.append(mac.length() == 0 ? "" : ":").append(String.format("%02x", Integer.parseInt(part, 16)));
                }
                return mac.toString();
            }
        }
        if (text.matches("[0-9a-fA-F]{12}")) {
            return parseBssid(text.replaceAll("(..)(?!$)", "$1:"));
        }
        return null;
    }

    private Varargs connect() {
        if (!wifi.started) {
            throw new LuaError("connect failed, code " + WifiModule.ESP_ERR_WIFI_NOT_STARTED);
        }
        if (!wifi.stationMode()) {
            throw new LuaError("connect failed, code " + WifiModule.ESP_ERR_WIFI_MODE);
        }
        int mine = ++attempt;
        String wanted = ssid;
        String key = password;
        board.events().after(ASSOCIATION_MICROS, () -> {
            if (mine != attempt) {
                return;
            }
            VirtualAccessPoints.AccessPoint ap = accessPoints.find(wanted, key);
            if (ap == null || (bssid != null && !bssid.equals(ap.bssid()))) {
                lost(wanted, "00:00:00:00:00:00", REASON_NO_AP_FOUND);
                return;
            }
            if (!accessPoints.accepts(key)) {
                board.events().after(HANDSHAKE_TIMEOUT_MICROS, () -> {
                    if (mine == attempt) {
                        lost(wanted, ap.bssid(), REASON_4WAY_HANDSHAKE_TIMEOUT);
                    }
                });
                return;
            }
            associated = ap;
            events.fire("connected", "ssid", ap.ssid(), "bssid", ap.bssid(), "channel", ap.channel(), "auth", ap.auth());
            board.events().after(DHCP_MICROS, () -> {
                if (mine == attempt && associated == ap) {
                    wifi.network.setStationAddress(WifiAddresses.STATION_IP);
                    events.fire("got_ip", "ip", WifiAddresses.STATION_IP, "netmask", WifiAddresses.NETMASK,
                            "gw", WifiAddresses.GATEWAY);
                }
            });
        });
        return LuaValue.NONE;
    }

    private void lost(String lostSsid, String lostBssid, int reason) {
        associated = null;
        wifi.network.setStationAddress(null);
        events.fire("disconnected", "ssid", lostSsid, "bssid", lostBssid, "reason", reason);
    }

    private Varargs disconnect() {
        if (!wifi.started) {
            throw new LuaError("disconnect failed, code " + WifiModule.ESP_ERR_WIFI_NOT_STARTED);
        }
        interfaceDown();
        return LuaValue.NONE;
    }

    /** esp_wifi_disconnect / stop: an association in progress or made ends with ASSOC_LEAVE. */
    void interfaceDown() {
        attempt++;
        VirtualAccessPoints.AccessPoint was = associated;
        if (was == null) {
            return;
        }
        associated = null;
        wifi.network.setStationAddress(null);
        board.events().after(10_000, () -> events.fire("disconnected", "ssid", was.ssid(), "bssid", was.bssid(),
                "reason", REASON_ASSOC_LEAVE));
    }

    private Varargs getconfig() {
        LuaTable config = new LuaTable();
        config.set("ssid", board.newString(ssid.getBytes(StandardCharsets.UTF_8), "wifi_sta_getconfig"));
        config.set("pwd", board.newString(password.getBytes(StandardCharsets.UTF_8), "wifi_sta_getconfig"));
        if (bssid != null) {
            config.set("bssid", bssid);
        }
        config.set("pmf", 1);
        config.set("channel", 0);
        config.set("listen_interval", 0);
        config.set("threshold_rssi", 0);
        config.set("threshold_authmode", 0);
        config.set("rm", LuaValue.FALSE);
        config.set("btm", LuaValue.FALSE);
        config.set("mbo", LuaValue.FALSE);
        config.set("sae_pwe", 0);
        return config;
    }

    /** wifi_sta_scan: one scan at a time; the callback is referenced until on_scan_done calls it once. */
    private Varargs scan(Varargs args) {
        if (scanRef != NetSocket.NOREF) {
            throw new LuaError("scan already in progress");
        }
        LuaTable config = LuaArgs.checkTable(board, args, 1, "scan");
        LuaValue callback = LuaArgs.checkFunction(board, args, 2, "scan");
        scanRef = board.ref(callback, "wifi.sta.scan callback");
        String only = config.get("ssid").isnil() ? null : config.get("ssid").tojstring();
        if (!wifi.started) {
            board.unref(scanRef);
            scanRef = NetSocket.NOREF;
            throw new LuaError("failed to start scan, code " + WifiModule.ESP_ERR_WIFI_NOT_STARTED);
        }
        board.events().after(SCAN_MICROS, () -> {
            LuaValue function = board.refValue(scanRef);
            board.unref(scanRef);
            scanRef = NetSocket.NOREF;
            LuaTable list = new LuaTable();
            for (VirtualAccessPoints.AccessPoint ap : accessPoints.scan(ssid)) {
                if (only != null && !only.equals(ap.ssid())) {
                    continue;
                }
                LuaTable entry = new LuaTable();
                entry.set("bssid", board.newString(ap.bssid().getBytes(StandardCharsets.US_ASCII), "on_scan_done"));
                entry.set("ssid", board.newString(ap.ssid().getBytes(StandardCharsets.UTF_8), "on_scan_done"));
                entry.set("channel", ap.channel());
                entry.set("rssi", ap.rssi());
                entry.set("auth", ap.auth());
                entry.set("bandwidth", "HT20");
                list.set(list.length() + 1, entry);
            }
            board.runCallback(function, LuaValue.varargsOf(LuaValue.NIL, list));
        });
        return LuaValue.NONE;
    }
}
