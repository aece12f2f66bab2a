package dev.heapscope.sim.net;

import dev.heapscope.model.HeapSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Callback order and registry references of net.c (dev-esp32): connect takes the self reference
 * (lnet_socket_resolve_dns), close drops it (net_close), a peer's close drops it after "disconnection"
 * (lerr_cb); callbacks stay referenced until the __gc (net_delete). So a closed socket dropped by the script
 * is collected, and one whose callback captures it, or that is never closed, stays.
 */
@Timeout(60)
class SocketLifetimeTest {
    private final NetBoard board = new NetBoard();

    @AfterEach
    void close() {
        board.close();
    }

    /** The console takes lines of up to 256 bytes (LUA_MAXINPUT), so the script goes line by line. */
    private void echoClient(boolean closeOnReceive) {
        board.type("log = {} s = net.createConnection()");
        board.type("s:on('connection', function(c) log[#log+1] = 'connection' c:send('hello') end)");
        board.type("s:on('receive', function(c, d) log[#log+1] = 'receive ' .. d "
                + (closeOnReceive ? "c:close() " : "") + "end)");
        board.type("s:on('sent', function(c) log[#log+1] = 'sent' end)");
        board.type("s:on('disconnection', function(c, e) log[#log+1] = 'disconnection ' .. e end)");
    }

    @Test
    void anEchoExchangeRunsConnectionSentReceiveInOrder() {
        board.joinWifi();
        echoClient(true);
        board.type("s:connect(7, 'echo.heapscope.test')");
        board.run(200);
        // the ACK (sent) and the echo leave the peer together; the ACK was scheduled first
        assertThat(board.eval("table.concat(log, ',')")).isEqualTo("connection,sent,receive hello");
    }

    @Test
    void closingOnesOwnSocketRunsNoDisconnection() {
        board.joinWifi();
        echoClient(false);
        board.type("s:connect(7, 'echo.heapscope.test')");
        board.run(100);
        assertThat(board.eval("table.concat(log, ',')")).isEqualTo("connection,sent,receive hello");
        board.type("s:close()");
        board.run(100);
        assertThat(board.eval("table.concat(log, ',')")).as("net_close deletes the netconn: no event reaches Lua")
                .isEqualTo("connection,sent,receive hello");
        assertThat(board.type("s:close()")).contains("not connected");
    }

    @Test
    void aRefusedPortReportsResetThroughReconnectionThenDisconnection() {
        board.joinWifi();
        board.type("log = {} s = net.createConnection()");
        board.type("s:on('reconnection', function(c, e) log[#log+1] = 'reconnection ' .. tostring(c == s) .. ' ' .. e end)");
        board.type("s:on('disconnection', function(c, e) log[#log+1] = 'disconnection ' .. tostring(c) .. ' ' .. e end)");
        board.type("s:connect(8, 'echo.heapscope.test')");
        board.run(100);
        // err_tcp posts ERROR (ERR_RST = -14), then RCVPLUS(0): lerr_cb again, after the self reference is gone
        assertThat(board.eval("table.concat(log, ',')")).isEqualTo("reconnection true -14,disconnection nil 0");
    }

    @Test
    void withoutWifiAConnectionNeverCompletesAndTheSocketKeepsItself() {
        board.type("n = 0 do local s = net.createConnection() s:on('connection', function() n = n + 1 end)"
                + " s:on('disconnection', function() n = n + 10 end) s:connect(7, '192.168.10.7') end");
        board.run(5_000);
        assertThat(board.eval("n")).isEqualTo("0");
        assertThat(liveSockets()).isEqualTo(1);
        assertThat(pathsOfSockets()).contains("net.tcpsocket#1 (self)");
    }

    @Test
    void aClosedDroppedSocketIsCollected() {
        board.joinWifi();
        board.type("collectgarbage()");
        int before = liveSockets();
        board.type("do local s = net.createConnection() s:on('receive', function(c, d) c:close() end)"
                + " s:on('connection', function(c) c:send('x') end) s:connect(7, 'echo.heapscope.test') end");
        board.run(200);
        board.type("collectgarbage() collectgarbage()");
        assertThat(liveSockets()).isEqualTo(before);
    }

    @Test
    void aSocketWhoseReceiveClosureCapturesItStaysEvenWhenClosed() {
        board.joinWifi();
        board.type("do local s = net.createConnection() s:on('receive', function(c, d) s:close() end)"
                + " s:on('connection', function(c) c:send('x') end) s:connect(7, 'echo.heapscope.test') end");
        board.run(200);
        board.type("collectgarbage() collectgarbage()");
        assertThat(liveSockets()).isEqualTo(1);
        assertThat(pathsOfSockets()).contains("net.tcpsocket#1 receive callback");
    }

    @Test
    void anUnclosedSocketIsHeldByItsSelfReference() {
        board.joinWifi();
        board.type("do local s = net.createConnection() s:connect(7, 'echo.heapscope.test') end");
        board.run(200);
        board.type("collectgarbage() collectgarbage()");
        assertThat(liveSockets()).isEqualTo(1);
        assertThat(pathsOfSockets()).contains("net.tcpsocket#1 (self)");
    }

    private int liveSockets() {
        return (int) board.snapshot().objects().stream().filter(o -> o.type().equals("userdata")).count();
    }

    private String pathsOfSockets() {
        HeapSnapshot snapshot = board.snapshot();
        StringBuilder paths = new StringBuilder();
        snapshot.objects().stream().filter(o -> o.type().equals("userdata"))
                .forEach(o -> paths.append(o.path().concrete()).append(" | ").append(o.path().grouped()).append('\n'));
        return paths.toString();
    }

    @Test
    void udpDatagramsToTheEchoPeerComeBackWithTheSendersAddress() {
        board.joinWifi();
        board.type("got = '' u = net.createUDPSocket() u:listen(5000)"
                + " u:on('receive', function(s, d, port, ip) got = d .. ' from ' .. ip .. ':' .. port end)"
                + " u:send(7, '192.168.10.7', 'ping')");
        board.run(100);
        assertThat(board.eval("got")).isEqualTo("ping from 192.168.10.7:7");
    }

    @Test
    void worldIsIgnoredForEcho() {
        try (NetBoard other = new NetBoard(Map.of("wifi.ap", "Lab", "wifi.password", "secret12"))) {
            other.type("wifi.start() wifi.sta.config({ssid='Lab', pwd='secret12'}) wifi.sta.connect()");
            other.run(1_500);
            other.type("r = '' s = net.createConnection() s:on('receive', function(c, d) r = d end)"
                    + " s:on('connection', function(c) c:send('abc') end) s:connect(7, 'echo.heapscope.test')");
            other.run(100);
            assertThat(other.eval("r")).isEqualTo("abc");
        }
    }
}
