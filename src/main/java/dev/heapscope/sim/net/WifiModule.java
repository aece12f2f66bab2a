package dev.heapscope.sim.net;

import dev.heapscope.sim.lib.BoardContext;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * NodeMCU's {@code wifi} module as components/modules/wifi.c, wifi_sta.c and wifi_ap.c (dev-esp32) have it:
 * modes, start/stop, {@code wifi.sta} and {@code wifi.ap}. Association, DHCP and scans happen on the virtual
 * clock against {@link VirtualAccessPoints}. One per boot. Board thread only.
 */
public final class WifiModule {
    static final int NULLMODE = 0;
    static final int STATION = 1;
    static final int SOFTAP = 2;
    static final int STATIONAP = 3;
    /** ESP_ERR_WIFI_BASE + 2 and + 5 (esp_wifi.h). */
    static final int ESP_ERR_WIFI_NOT_STARTED = 0x3002;
    static final int ESP_ERR_WIFI_MODE = 0x3005;

    final BoardContext board;
    final VirtualNetwork network;
    private final WifiStation station;
    private final WifiSoftAp softAp;
    private final LuaTable module = new LuaTable();
    int mode = STATION;
    boolean started;

    private WifiModule(BoardContext board, VirtualNetwork network) {
        this.board = board;
        this.network = network;
        this.station = new WifiStation(this, new VirtualAccessPoints(board.world()));
        this.softAp = new WifiSoftAp(this);
        LuaArgs.put(module, "getchannel", args -> LuaValue.varargsOf(LuaValue.valueOf(channel()), LuaValue.valueOf(0)));
        LuaArgs.put(module, "getmode", args -> LuaValue.valueOf(mode));
        LuaArgs.put(module, "mode", this::setMode);
        LuaArgs.put(module, "start", args -> start());
        LuaArgs.put(module, "stop", args -> stop());
        module.set("sta", station.table());
        module.set("ap", softAp.table());
        module.set("NULLMODE", NULLMODE);
        module.set("STATION", STATION);
        module.set("SOFTAP", SOFTAP);
        module.set("STATIONAP", STATIONAP);
        String[] auths = {"AUTH_OPEN", "AUTH_WEP", "AUTH_WPA_PSK", "AUTH_WPA2_PSK", "AUTH_WPA_WPA2_PSK",
            "AUTH_WPA2_ENTERPRISE", "AUTH_WPA3_PSK", "AUTH_WPA2_WPA3_PSK", "AUTH_WAPI_PSK"};
        for (int i = 0; i < auths.length; i++) {
            module.set(auths[i], i);
        }
        module.set("SAE_PWE_UNSPECIFIED", 0);
        module.set("SAE_PWE_HUNT_AND_PECK", 1);
        module.set("SAE_PWE_HASH_TO_ELEMENT", 2);
        module.set("SAE_PWE_BOTH", 3);
        // wifi.c names them with macros that expand to the bandwidth names (wifi_common.h)
        module.set("HT20", 0);
        module.set("HT40_ABOVE", 1);
        module.set("HT40_BELOW", 2);
    }

    public static LuaTable create(BoardContext board, VirtualNetwork network) {
        return new WifiModule(board, network).module;
    }

    boolean stationMode() {
        return mode == STATION || mode == STATIONAP;
    }

    boolean apMode() {
        return mode == SOFTAP || mode == STATIONAP;
    }

    private int channel() {
        int associated = station.channel();
        return associated != 0 ? associated : apMode() ? softAp.channel() : 1;
    }

    private Varargs setMode(Varargs args) {
        int requested = LuaArgs.checkInteger(board, args, 1, "mode");
        if (requested < NULLMODE || requested > STATIONAP) {
            throw LuaArgs.error("invalid wifi mode " + requested);
        }
        if (started && stationMode() && (requested == SOFTAP || requested == NULLMODE)) {
            station.interfaceDown();
        }
        mode = requested;
        return LuaValue.NONE;
    }

    /** esp_wifi_start: the interfaces of the mode come up ("start" events a moment later). */
    private Varargs start() {
        if (started) {
            return LuaValue.NONE;
        }
        started = true;
        board.events().after(50_000, () -> {
            if (started && stationMode()) {
                station.events().fire("start");
            }
            if (started && apMode()) {
                softAp.events().fire("start");
            }
        });
        return LuaValue.NONE;
    }

    private Varargs stop() {
        if (!started) {
            return LuaValue.NONE;
        }
        if (stationMode()) {
            station.interfaceDown();
        }
        started = false;
        board.events().after(10_000, () -> {
            if (stationMode()) {
                station.events().fire("stop");
            }
            if (apMode()) {
                softAp.events().fire("stop");
            }
        });
        return LuaValue.NONE;
    }
}
