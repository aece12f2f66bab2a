package dev.heapscope.sim.net;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A small web server served by the world's scheduled clients ({@code world.net.clients.*}). */
@Timeout(60)
class WebServerTest {
    private static final String SERVER = """
            served = 0
            wifi.sta.on('got_ip', function()
              local srv = net.createServer()
              srv:listen(80, function(conn)
                conn:on('receive', function(c, request)
                  local path = request:match('GET (%S+)')
                  c:send('HTTP/1.1 200 OK\\r\\n\\r\\n' .. path, function(c2) c2:close() end)
                  served = served + 1
                end)
              end)
            end)
            wifi.mode(wifi.STATION) wifi.start()
            wifi.sta.config({ssid = 'Office', pwd = 'secret99'}) wifi.sta.connect()
            """;

    private NetBoard board = new NetBoard(Map.of("net.clients.every", "2s", "net.clients.port", "80",
            "net.clients.request", "GET /status HTTP/1.1"));

    @AfterEach
    void close() {
        board.close();
    }

    @Test
    void scheduledClientsAreServedForAMinuteWithASteadyHeap() {
        board.simulated.console().loadScript("server.lua", SERVER);
        board.simulated.console().executeFile("server.lua");
        board.run(11_000); // visits at 2, 4, ... 10 s; wifi is up after about 1 s
        assertThat(board.eval("served")).isEqualTo("5");
        board.type("collectgarbage() collectgarbage() early = node.heap()");
        board.run(50_000);
        assertThat(board.eval("served")).isEqualTo("30");
        board.type("collectgarbage() collectgarbage() late = node.heap()");
        assertThat(Long.parseLong(board.eval("early - late"))).isBetween(-64L, 64L);
    }

    @Test
    void aHandlerThatCapturesItsConnectionLeaksOneSocketPerClient() {
        board.simulated.console().loadScript("server.lua", SERVER.replace("c:send(", "conn:send(")
                .replace("function(c2) c2:close() end", "function() conn:close() end"));
        board.simulated.console().executeFile("server.lua");
        board.run(21_000);
        board.type("collectgarbage() collectgarbage()");
        long sockets = board.snapshot().objects().stream().filter(o -> o.type().equals("userdata")).count();
        // the server and one captured socket per visit (10 visits in 20 s)
        assertThat(sockets).isEqualTo(11);
    }

    @Test
    void clientsOfAClosedPortAreRefusedAndABoardWithoutWifiHasNoVisitors() {
        board.close();
        board = new NetBoard(Map.of("net.clients.every", "1s", "net.clients.close", "after-response"));
        board.type("n = 0 srv = net.createServer() srv:listen(80, function(c) n = n + 1 end)");
        board.run(3_000);
        assertThat(board.eval("n")).isEqualTo("0");
        board.joinWifi();
        board.run(3_000);
        assertThat(board.eval("n")).isEqualTo("3");
        board.type("srv:close()");
        board.run(3_000);
        assertThat(board.eval("n")).isEqualTo("3");
    }
}
