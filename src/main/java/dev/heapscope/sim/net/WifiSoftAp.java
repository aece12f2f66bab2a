package dev.heapscope.sim.net;

import dev.heapscope.sim.lib.BoardContext;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** {@code wifi.ap} (wifi_ap.c): config with its checks, events, MAC. No virtual station ever joins it. */
final class WifiSoftAp {
    /** wifi_ap.c DEFAULT_AP_CHANNEL; WIFI_AUTH_MAX of ESP-IDF 5.1. */
    private static final int DEFAULT_CHANNEL = 11;
    private static final int WIFI_AUTH_MAX = 13;
    private static final int WIFI_AUTH_WPA2_PSK = 3;

    private final BoardContext board;
    private final WifiEventSlots events;
    private final LuaTable table = new LuaTable();
    private int channel = DEFAULT_CHANNEL;

    WifiSoftAp(WifiModule wifi) {
        this.board = wifi.board;
        this.events = new WifiEventSlots(board, "wifi.ap", "start", "stop", "sta_connected", "sta_disconnected",
                "probe_req");
        LuaArgs.put(table, "config", this::config);
        LuaArgs.put(table, "on", events::on);
        LuaArgs.put(table, "getmac", args -> LuaValue.valueOf(WifiAddresses.SOFTAP_MAC));
        LuaArgs.put(table, "setip", args -> {
            LuaTable config = LuaArgs.checkTable(board, args, 1, "setip");
            LuaArgs.fieldString(config, "ip", null, "setip");
            return LuaValue.NONE;
        });
        LuaArgs.put(table, "sethostname", args -> {
            LuaArgs.checkString(board, args, 1, "sethostname");
            return LuaValue.TRUE;
        });
    }

    LuaTable table() {
        return table;
    }

    WifiEventSlots events() {
        return events;
    }

    int channel() {
        return channel;
    }

    private Varargs config(Varargs args) {
        LuaTable config = LuaArgs.checkTable(board, args, 1, "config");
        LuaArgs.fieldString(config, "ssid", null, "config");
        LuaArgs.fieldString(config, "pwd", "", "config");
        int auth = LuaArgs.fieldInteger(config, "auth", WIFI_AUTH_WPA2_PSK, "config");
        if (auth < 0 || auth >= WIFI_AUTH_MAX) {
            throw new LuaError("unknown auth mode " + auth);
        }
        channel = LuaArgs.fieldInteger(config, "channel", DEFAULT_CHANNEL, "config");
        LuaArgs.fieldInteger(config, "max", 4, "config");
        LuaArgs.fieldInteger(config, "beacon", 100, "config");
        return LuaValue.NONE;
    }
}
