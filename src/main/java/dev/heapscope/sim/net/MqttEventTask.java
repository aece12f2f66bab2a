package dev.heapscope.sim.net;

import dev.heapscope.sim.lib.BoardContext;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * mqtt.c's hand-off from the esp-mqtt task to Lua: {@code mqtt_event_handler} clones the event (an
 * {@code event_info_t} and copies of topic and data, C blocks) and posts it; {@code event_task_handler} runs
 * later on the Lua task, drops it when the client was collected meanwhile ("stray event"), calls the
 * callbacks in the order of the C handlers and frees the clone. Each callback runs as {@code luaL_pcallx}
 * does: an error is reported, the next callback still runs. Board thread only.
 */
final class MqttEventTask {
    /** sizeof(event_info_t): the context pointer and a 60-byte esp_mqtt_event_t (no MQTT 5 fields). */
    static final int EVENT_INFO_BYTES = 64;

    private final BoardContext board;

    MqttEventTask(BoardContext board) {
        this.board = board;
    }

    void post(MqttContext context, EspMqttClient.Event event, BiConsumer<MqttContext, String> destroyClient) {
        List<Integer> clone = new ArrayList<>();
        clone.add(board.allocateFirmware(EVENT_INFO_BYTES, "event_clone", "mqtt_event_handler"));
        if (event.data() != null && event.data().length > 0) {
            clone.add(board.allocateFirmware(event.data().length + 1, "event_clone", "mqtt_event_handler"));
        }
        if (event.topic() != null && !event.topic().isEmpty()) {
            clone.add(board.allocateFirmware(event.topic().length() + 1, "event_clone", "mqtt_event_handler"));
        }
        board.events().after(0, () -> { // task_post_medium
            if (context.valid(MqttContext.SELF)) {
                dispatch(context, event, destroyClient);
            }
            for (int i = clone.size() - 1; i >= 0; i--) {
                board.freeFirmware(clone.get(i), "event_free", "event_task_handler");
            }
        });
    }

    private void dispatch(MqttContext context, EspMqttClient.Event event, BiConsumer<MqttContext, String> destroyClient) {
        LuaValue self = context.self(board); // pinned on the stack while the callbacks run
        switch (event.id()) {
            case EspMqttClient.EVENT_CONNECTED -> connected(context, self);
            case EspMqttClient.EVENT_DISCONNECTED -> {
                destroyClient.accept(context, "event_disconnected");
                disconnected(context, self);
            }
            case EspMqttClient.EVENT_SUBSCRIBED -> oneShot(context, MqttContext.SUBSCRIBED_OK, self);
            case EspMqttClient.EVENT_UNSUBSCRIBED -> oneShot(context, MqttContext.UNSUBSCRIBED_OK, self);
            case EspMqttClient.EVENT_PUBLISHED -> oneShot(context, MqttContext.PUBLISHED_OK, self);
            case EspMqttClient.EVENT_DATA -> message(context, event, self);
            default -> {
            }
        }
    }

    /** event_connected: the one-shot connect callback (then both one-shots are released), then on("connect"). */
    private void connected(MqttContext context, LuaValue self) {
        if (context.valid(MqttContext.CONNECTED_OK)) {
            call(context, MqttContext.CONNECTED_OK, self);
            context.unsetRef(board, MqttContext.CONNECTED_OK);
            context.unsetRef(board, MqttContext.CONNECTED_NOK);
        }
        if (context.valid(MqttContext.ON_CONNECT)) {
            call(context, MqttContext.ON_CONNECT, self);
        }
    }

    /** event_disconnected: the one-shot failure callback with reason -6 (both released), then on("offline"). */
    private void disconnected(MqttContext context, LuaValue self) {
        if (context.valid(MqttContext.CONNECTED_NOK)) {
            call(context, MqttContext.CONNECTED_NOK, LuaValue.varargsOf(self, LuaValue.valueOf(-6)));
            context.unsetRef(board, MqttContext.CONNECTED_OK);
            context.unsetRef(board, MqttContext.CONNECTED_NOK);
        }
        if (context.valid(MqttContext.ON_OFFLINE)) {
            call(context, MqttContext.ON_OFFLINE, self);
        }
    }

    /** event_subscribed/_published/_unsubscribed: released before it runs (one-shot). */
    private void oneShot(MqttContext context, int slot, LuaValue self) {
        if (!context.valid(slot)) {
            return;
        }
        LuaValue callback = board.refValue(context.refs[slot]);
        context.unsetRef(board, slot);
        board.runCallback(ClientArgs.callWith(callback, self), LuaValue.NIL);
    }

    /** event_data_received: (client, topic[, data]); data only when the message had any. */
    private void message(MqttContext context, EspMqttClient.Event event, LuaValue self) {
        if (!context.valid(MqttContext.ON_MESSAGE)) {
            return;
        }
        LuaValue callback = board.refValue(context.refs[MqttContext.ON_MESSAGE]);
        LuaValue topic = board.newString(event.topic().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "event_data_received");
        Varargs args = event.data() != null && event.data().length > 0
                ? LuaValue.varargsOf(self, topic, board.newString(event.data(), "event_data_received"))
                : LuaValue.varargsOf(self, topic);
        board.runCallback(ClientArgs.callWith(callback, args), LuaValue.NIL);
    }

    private void call(MqttContext context, int slot, Varargs args) {
        board.runCallback(ClientArgs.callWith(board.refValue(context.refs[slot]), args), LuaValue.NIL);
    }
}
