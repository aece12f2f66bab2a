package dev.heapscope.sim.net;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** wifi.c, wifi_sta.c, wifi_ap.c (dev-esp32): errors, events with the tables on_event fills, on the virtual clock. */
@Timeout(60)
class WifiModuleTest {
    private NetBoard board = new NetBoard();

    @AfterEach
    void close() {
        board.close();
    }

    private void logEvents() {
        board.type("log = {} function ev(name, info) log[#log+1] = name .. ':' .. (info.ssid or info.ip or '')"
                + " .. (info.reason and ('/' .. info.reason) or '') end");
        board.type("for _, e in ipairs({'start','connected','disconnected','got_ip'}) do wifi.sta.on(e, ev) end");
    }

    @Test
    void modesAndArgumentErrors() {
        assertThat(board.eval("wifi.STATION .. wifi.SOFTAP .. wifi.STATIONAP .. wifi.NULLMODE")).isEqualTo("1230");
        assertThat(board.type("wifi.mode(7)")).contains("invalid wifi mode 7");
        assertThat(board.type("wifi.sta.connect()")).contains("connect failed, code 12290");
        assertThat(board.type("wifi.sta.config()")).contains("bad argument #1 to 'config' (table expected, got no value)");
        assertThat(board.type("wifi.sta.config({})")).contains("(string expected, got nil)");
        assertThat(board.type("wifi.sta.config({ssid='x', bssid='zz'})")).contains("invalid BSSID: zz");
        assertThat(board.type("wifi.sta.on('bogus', print)")).contains("unknown event: bogus");
        assertThat(board.type("wifi.sta.on('got_ip', 5)")).contains("bad argument #2 to 'on' (function expected, got number)");
        assertThat(board.type("wifi.ap.config({ssid='x', auth=99})")).contains("unknown auth mode 99");
        assertThat(board.type("wifi.sta.scan({}, print)")).contains("failed to start scan, code 12290");
        assertThat(board.eval("wifi.sta.getmac()")).isEqualTo("24:0a:c4:5e:a7:10");
        assertThat(board.eval("type(wifi.sta.getip)")).isEqualTo("nil"); // dev-esp32 has no getip
        board.type("wifi.sta.config({ssid='Home', pwd='pw123456', bssid='AC-1D-1C-B1-0B-22'})");
        assertThat(board.eval("wifi.sta.getconfig().bssid")).isEqualTo("ac:1d:1c:b1:0b:22");
    }

    @Test
    void connectingRunsConnectedThenGotIpOnTheVirtualClock() {
        logEvents();
        board.type("wifi.start() wifi.sta.config({ssid='MyHome', pwd='whatever1'}) wifi.sta.connect()");
        board.run(200);
        assertThat(board.eval("table.concat(log, ',')")).isEqualTo("start:");
        board.run(200);
        assertThat(board.eval("table.concat(log, ',')")).isEqualTo("start:,connected:MyHome");
        assertThat(board.network().stationAddress()).isEmpty();
        board.run(1_000);
        assertThat(board.eval("table.concat(log, ',')")).isEqualTo("start:,connected:MyHome,got_ip:192.168.10.23");
        assertThat(board.network().stationAddress()).contains("192.168.10.23");
        board.type("wifi.sta.disconnect()");
        board.run(100);
        assertThat(board.eval("log[#log]")).isEqualTo("disconnected:MyHome/8");
        assertThat(board.network().stationAddress()).isEmpty();
    }

    @Test
    void aWrongPasswordFailsTheHandshakeAndAnUnknownSsidIsNotFound() {
        board.close();
        board = new NetBoard(Map.of("wifi.ap", "Lab,Guest", "wifi.password", "correct-horse"));
        logEvents();
        board.type("wifi.start() wifi.sta.config({ssid='Lab', pwd='wrong-pass'}) wifi.sta.connect()");
        board.run(2_000);
        assertThat(board.eval("table.concat(log, ',')")).isEqualTo("start:,disconnected:Lab/15");
        board.type("wifi.sta.config({ssid='Elsewhere'}) wifi.sta.connect()");
        board.run(2_000);
        assertThat(board.eval("log[#log]")).isEqualTo("disconnected:Elsewhere/201");
        board.type("wifi.sta.config({ssid='Lab', pwd='correct-horse'}) wifi.sta.connect()");
        board.run(2_000);
        assertThat(board.eval("log[#log]")).isEqualTo("got_ip:192.168.10.23");
        board.type("wifi.sta.scan({}, function(err, list) names = {} for i, ap in ipairs(list) do"
                + " names[i] = ap.ssid .. '@' .. ap.channel .. '/' .. ap.auth end end)");
        board.run(2_000);
        assertThat(board.eval("table.concat(names, ' ')")).isEqualTo("Lab@6/3 Guest@6/3");
    }

    @Test
    void aScanCallbackIsReferencedOnlyUntilItRuns() {
        board.type("wifi.start()");
        board.type("wifi.sta.scan({}, function(err, list) n = #list first = list[1].ssid end)");
        assertThat(board.type("wifi.sta.scan({}, print)")).contains("scan already in progress");
        board.run(2_000);
        assertThat(board.eval("n .. ' ' .. first")).isEqualTo("1 HeapScope");
        assertThat(board.type("wifi.sta.scan({}, function() end)")).doesNotContain("in progress");
    }
}
