package dev.heapscope.sim.net;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What keeps an mqtt client and its callbacks alive, and the C memory a client charges, as dev-esp32 mqtt.c
 * and esp-mqtt have it: the client holds itself only weakly (luaX_weak_ref, mqtt_new :640), each
 * callback slot is replaced by luaX_set_ref (lnodeaux.c: unref, then ref), __gc (mqtt_delete :598-625)
 * releases every slot and destroys the esp-mqtt client; a connected client owns esp_mqtt_client_init's
 * blocks and the 6 KiB mqtt_task stack of esp_mqtt_client_start.
 */
@Timeout(60)
class MqttLifetimeTest {
    private static final String BROKER = "'mqtt.heapscope.test'";
    private ClientBoard board = new ClientBoard();

    @AfterEach
    void close() {
        board.close();
    }

    private long collectedHeap() {
        board.type("collectgarbage() collectgarbage()");
        return board.freeHeap();
    }

    private void warmUp() { // the first client makes the shared weak-reference metatable, kept for good
        board.type("do local w = mqtt.Client('w', 1) end");
    }

    @Test
    void aConnectedClientChargesTheTaskStackAndBuffersAndCloseGivesThemBack() {
        board.type("m = mqtt.Client('dev', 60)");
        long before = collectedHeap();
        board.type("m:connect(" + BROKER + ")");
        long connected = collectedHeap();
        assertThat(before - connected).isBetween((long) EspMqttClient.TASK_STACK_BYTES + 2 * EspMqttClient.BUFFER_BYTES,
                12_000L);
        board.type("m:close()");
        assertThat(collectedHeap()).isEqualTo(before);
    }

    @Test
    void theClientsBlocksCarryEspMqttFramesInAHeapTraceDump() {
        board.type("heaptrace.init(300) heaptrace.start(heaptrace.TRACE_LEAKS)");
        board.type("m = mqtt.Client('dev', 60) m:connect(" + BROKER + ")");
        String dump = board.type("heaptrace.dump()");
        Set<String> functions = new TreeSet<>();
        Matcher caller = Pattern.compile("caller ([0-9a-fx:]+)").matcher(dump);
        while (caller.find()) {
            for (String address : caller.group(1).split(":")) {
                if (address.startsWith("0x")) {
                    board.board.console().symbols().resolve((int) Long.parseLong(address.substring(2), 16))
                            .ifPresent(symbol -> functions.add(symbol.function()));
                }
            }
        }
        assertThat(functions).contains("esp_mqtt_client_init", "esp_mqtt_client_start", "mqtt_connect",
                "luaX_alloc_string", "mqtt_new", "xTaskCreatePinnedToCore");
    }

    @Test
    void aClosedAndDroppedClientIsCollectedWithItsStrings() {
        warmUp();
        long before = collectedHeap();
        board.type("m = mqtt.Client('dev', 60, 'user', 'secret') m:lwt('status', 'gone') m:on('message', print)"
                + " m:connect(" + BROKER + ")");
        board.run(100);
        board.type("m:close() m = nil");
        assertThat(collectedHeap()).isEqualTo(before);
    }

    @Test
    void aConnectedClientNothingHoldsIsCollectedTooForItsSelfReferenceIsWeak() {
        warmUp();
        long before = collectedHeap();
        board.type("do local m = mqtt.Client('dev', 60) m:connect(" + BROKER + ") end");
        board.run(100);
        assertThat(collectedHeap()).isEqualTo(before);
    }

    @Test
    void aClientWhoseCallbackCapturesItIsHeldByTheRegistryForever() {
        warmUp();
        long before = collectedHeap();
        board.type("do local m = mqtt.Client('dev', 60) m:on('message', function() m:publish('echo', 'x', 0, 0) end) end");
        assertThat(before - collectedHeap()).isGreaterThanOrEqualTo(MqttContext.STRUCT_BYTES);
    }

    @Test
    void aRetainingPathNamesTheCallbackSlotThatHoldsACapturedClient() {
        board.type("do local m = mqtt.Client('dev', 60) m:on('message', function() m:publish('echo', 'x', 0, 0) end) end");
        var snapshot = board.board.console().snapshot("held");
        assertThat(snapshot.objects()).anySatisfy(object -> {
            assertThat(object.type()).isEqualTo("userdata");
            assertThat(object.path().segments().get(0)).isEqualTo("mqtt client#1 message callback");
        });
    }

    @Test
    void aMessageHandlerRegisteredAgainOnEveryReconnectReplacesTheOldOne() {
        board.close();
        board = new ClientBoard(Map.of("mqtt.drop.every", "2s"));
        board.type("n = 0 m = mqtt.Client('dev', 60)");
        board.type("function connect() m:connect(" + BROKER + ", function(c) n = n + 1"
                + " local big = string.rep('x', 1000) .. n c:on('message', function() return #big end) end) end");
        board.type("m:on('offline', function() connect() end) connect()");
        board.run(1000);
        long afterFirst = collectedHeap();
        board.run(10_000);
        assertThat(board.eval("n")).isEqualTo("6");
        assertThat(afterFirst - collectedHeap()).isLessThan(200); // five older 1 KB closures were released
    }

    @Test
    void aPublishCallbackRunsOnPubackSoNeverForQosZero() {
        board.type("q0, q1 = 0, 0 m = mqtt.Client('dev', 60)");
        board.type("m:connect(" + BROKER + ", function(c) c:publish('a', 'x', 0, 0, function() q0 = q0 + 1 end) end)");
        board.run(200);
        assertThat(board.eval("q0")).isEqualTo("0");
        board.type("m:publish('a', 'x', 1, 0, function() q1 = q1 + 1 end)");
        board.run(200);
        assertThat(board.eval("q1")).isEqualTo("1");
    }
}
