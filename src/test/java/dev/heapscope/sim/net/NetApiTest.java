package dev.heapscope.sim.net;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** The net module's API and argument errors, as nodemcu-firmware dev-esp32 components/modules/net.c words them. */
@Timeout(60)
class NetApiTest {
    private final NetBoard board = new NetBoard();

    @AfterEach
    void close() {
        board.close();
    }

    @Test
    void constantsAndConstructorsFollowNetC() {
        assertThat(board.eval("net.TCP")).isEqualTo("1");
        assertThat(board.eval("net.UDP")).isEqualTo("2");
        assertThat(board.type("net.createServer(5)")).contains("invalid type");
        assertThat(board.type("net.createConnection(net.TCP, 1)")).contains("secure connections not yet supported");
        // createServer(net.UDP) is a UDP socket: it has send, a TCP server has none
        assertThat(board.eval("type(net.createServer(net.UDP).send)")).isEqualTo("function");
        assertThat(board.eval("type(net.createServer().send)")).isEqualTo("nil");
        assertThat(board.eval("type(net.createConnection().hold)")).isEqualTo("nil"); // no hold/unhold on ESP32
    }

    @Test
    void socketMethodErrorsAreNetCs() {
        board.type("s = net.createConnection() srv = net.createServer() u = net.createUDPSocket()");
        assertThat(board.type("s:on('bogus', print)")).contains("invalid callback name");
        assertThat(board.type("u:on('connection', print)")).contains("invalid callback name");
        assertThat(board.type("s:on('receive', 42)")).contains("invalid callback function");
        assertThat(board.type("s:connect(0, '1.2.3.4')")).contains("specify port");
        assertThat(board.type("s:connect()")).contains("bad argument #1 to 'connect' (number expected, got no value)");
        assertThat(board.type("s:send('x')")).contains("not connected");
        assertThat(board.type("s:send('')")).contains("no data to send");
        assertThat(board.type("s:close()")).contains("not connected");
        assertThat(board.type("srv:listen(80)")).contains("need callback");
        assertThat(board.type("srv:listen(80, '1.2.3', print)")).contains("invalid IP address");
        assertThat(board.type("u:send(0, '1.2.3.4', 'x')")).contains("need port");
        assertThat(board.type("s.send(42, 'x')")).contains("invalid user data");
        assertThat(board.type("s:dns('x.test')")).contains("no callback specified");
        assertThat(board.type("=s:getpeer()")).contains("nil\tnil");
    }

    @Test
    void aSecondServerOnTheSamePortIsAddressInUse() {
        board.type("a = net.createServer() a:listen(80, function() end)");
        assertThat(board.type("b = net.createServer() b:listen(80, function() end)")).contains("address in use");
        assertThat(board.type("a:listen(81, function() end)")).contains("already listening");
        assertThat(board.type("=a:getaddr()")).contains("80\t0.0.0.0");
    }

    @Test
    void dnsResolvesPeersOnceWifiIsUpAndAnswersNilForUnknownNames() {
        board.type("net.dns.resolve('echo.heapscope.test', function(ip) print('early', ip) end)");
        assertThat(board.run(100)).contains("early\tnil");
        board.joinWifi();
        board.type("net.dns.resolve('echo.heapscope.test', function(ip) print('ip', ip) end)"
                + " net.dns.resolve('nowhere.test', function(ip) print('none', ip) end)");
        String out = board.run(100);
        assertThat(out).contains("ip\t192.168.10.7").contains("none\tnil");
        assertThat(board.eval("net.dns.getdnsserver()")).isEqualTo("192.168.10.1");
        assertThat(board.type("net.dns.setdnsserver('0.0.0.0')")).contains("invalid dns server ip");
        assertThat(board.type("net.dns.getdnsserver(2)")).contains("server index out of range [0-1]");
        assertThat(board.type("net.multicastJoin('any', '1.2')")).contains("invalid multicast ip");
    }
}
