package dev.heapscope.sim.net;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mqtt module against nodemcu-firmware dev-esp32 components/modules/mqtt.c: argument checks and error
 * strings (mqtt_new :628-674, mqtt_on :317-328, mqtt_connect :332-466), callback order and arguments
 * (event_connected :125-150, event_disconnected :153-187, event_subscribed :190-200, event_data_received
 * :229-243), return values (subscribe :567 answers {@code err == ESP_OK} of a message id: false).
 */
@Timeout(60)
class MqttModuleTest {
    private static final String BROKER = "'mqtt.heapscope.test'";
    private ClientBoard board = new ClientBoard();

    @AfterEach
    void close() {
        board.close();
    }

    @Test
    void clientChecksItsArgumentsAsLauxlibWordsThem() {
        assertThat(board.type("mqtt.Client()")).contains("bad argument #1 to 'Client' (string expected, got no value)");
        assertThat(board.type("mqtt.Client('id')")).contains("bad argument #2 to 'Client' (number expected, got no value)");
        assertThat(board.type("mqtt.Client('id', 1.5)")).contains("bad argument #2 to 'Client' (number has no integer representation)");
        board.type("m = mqtt.Client('id', 60)");
        assertThat(board.type("m:on('foo', print)")).contains("bad argument #1 to 'on' (invalid option 'foo')");
        assertThat(board.type("m:on('foo')")).doesNotContain("Lua error"); // no function: returns before any check
        assertThat(board.type("m.connect()")).contains("bad argument #1 to 'connect' (mqtt.mt expected, got no value)");
        assertThat(board.type("m:connect()")).contains("bad argument #1 to 'connect' (string expected, got no value)");
        assertThat(board.type("m:connect('mqtt://host', 1883)")).contains("port arg must be nil if giving full uri");
        assertThat(board.type("m:connect('mqtt://host', nil, 1)")).contains("secure on/off determined by uri");
    }

    @Test
    void withoutAClientPublishSubscribeAndUnsubscribeAnswerFalseBeforeCheckingAnything() {
        board.type("m = mqtt.Client('id', 60)");
        assertThat(board.eval("m:publish()")).isEqualTo("false");
        assertThat(board.eval("m:subscribe()")).isEqualTo("false");
        assertThat(board.eval("m:unsubscribe()")).isEqualTo("false");
        board.type("m:connect(" + BROKER + ")");
        board.run(100);
        assertThat(board.type("m:publish('t')")).contains("bad argument #2 to 'publish' (string expected, got no value)");
        assertThat(board.type("m:publish('t', 'x', 0)")).contains("bad argument #4 to 'publish' (number expected, got no value)");
        assertThat(board.type("m:subscribe('t')")).contains("bad argument #2 to 'subscribe' (number expected, got no value)");
    }

    @Test
    void connectCallbacksRunOneShotFirstThenOnConnectThenSubackThenMessages() {
        board.type("log = {} m = mqtt.Client('dev', 60)");
        board.type("m:on('connect', function(c) log[#log+1] = 'on-connect ' .. tostring(c == m) end)");
        board.type("m:on('message', function(c, t, d) log[#log+1] = 'message ' .. t .. ' ' .. tostring(d) end)");
        assertThat(board.eval("m:connect(" + BROKER + ", 1883, 0, function(c) log[#log+1] = 'connected ' .. tostring(c == m)"
                + " log[#log+1] = 'subscribe returned ' .. tostring(c:subscribe('cmd/+', 0, function(c)"
                + " log[#log+1] = 'suback' c:publish('cmd/led', 'on', 0, 0) end)) end)")).isEqualTo("true");
        board.run(200);
        assertThat(board.eval("table.concat(log, ',')")).isEqualTo(
                "connected true,subscribe returned false,on-connect true,suback,message cmd/led on");
    }

    @Test
    void aMessageWithoutPayloadGivesTheCallbackNoDataArgument() {
        board.type("n = -1 m = mqtt.Client('dev', 60) m:on('message', function(...) n = select('#', ...) end)");
        board.type("m:connect(" + BROKER + ", function(c) c:subscribe('a', 0, function(c) c:publish('a', '', 0, 0) end) end)");
        board.run(200);
        assertThat(board.eval("n")).isEqualTo("2");
    }

    @Test
    void aRefusedConnectionCallsTheFailureCallbackWithMinusSixThenOffline() {
        board.close();
        board = new ClientBoard(Map.of("mqtt.refuse", "true"));
        board.type("log = {} m = mqtt.Client('dev', 60) m:on('offline', function(c) log[#log+1] = 'offline' end)");
        board.type("m:connect(" + BROKER + ", function() log[#log+1] = 'ok' end, function(c, r) log[#log+1] = 'fail ' .. r end)");
        board.run(200);
        assertThat(board.eval("table.concat(log, ',')")).isEqualTo("fail -6,offline");
    }

    @Test
    void withoutAStationAddressConnectingFails() {
        board.onBoard(() -> {
            board.board.console().network().setStationAddress(null);
            return null;
        });
        board.type("r = 'none' m = mqtt.Client('dev', 60)");
        board.type("m:connect(" + BROKER + ", function() r = 'ok' end, function(c, reason) r = reason end)");
        board.run(200);
        assertThat(board.eval("r")).isEqualTo("-6");
    }

    @Test
    void theBrokerDroppingTheConnectionCallsOffline() {
        board.close();
        board = new ClientBoard(Map.of("mqtt.drop.every", "2s"));
        board.type("offline = 0 m = mqtt.Client('dev', 60) m:on('offline', function() offline = offline + 1 end)");
        board.type("m:connect(" + BROKER + ")");
        board.run(1000);
        assertThat(board.eval("offline")).isEqualTo("0");
        board.run(1500);
        assertThat(board.eval("offline")).isEqualTo("1");
        assertThat(board.eval("m:publish('x', 'y', 0, 0)")).isEqualTo("false"); // event_disconnected destroyed the client
    }

    @Test
    void retainedMessagesReachLaterSubscribersThroughWildcards() {
        board.type("got = {} m = mqtt.Client('dev', 60) m:on('message', function(c, t, d) got[#got+1] = t .. '=' .. d end)");
        board.type("m:connect(" + BROKER + ", function(c) c:publish('home/kitchen/temp', '21', 1, 1, function()"
                + " c:subscribe('home/+/temp', 0, function() c:subscribe('garden/#', 0) end) end) end)");
        board.run(300);
        assertThat(board.eval("table.concat(got, ',')")).isEqualTo("home/kitchen/temp=21");
        board.type("m:publish('garden/pond/level', 'low', 0, 0) m:publish('garden', 'x', 0, 0) m:publish('home/a/b/temp', 'no', 0, 0)");
        board.run(100);
        assertThat(board.eval("table.concat(got, ',')")).isEqualTo("home/kitchen/temp=21,garden/pond/level=low,garden=x");
    }

    @Test
    void aScheduledPublisherFromTheWorldSettingsDeliversNumberedPayloads() {
        board.close();
        board = new ClientBoard(Map.of("mqtt.publish.topic", "cmd/led", "mqtt.publish.every", "5s",
                "mqtt.publish.payload", "{\"on\":true,\"n\":{n}}"));
        board.type("got = {} m = mqtt.Client('dev', 60) m:on('message', function(c, t, d) got[#got+1] = d end)");
        board.type("m:connect(" + BROKER + ", function(c) c:subscribe('cmd/led', 0) end)");
        board.run(11_000);
        assertThat(board.eval("table.concat(got, ' ')")).isEqualTo("{\"on\":true,\"n\":1} {\"on\":true,\"n\":2}");
    }
}
