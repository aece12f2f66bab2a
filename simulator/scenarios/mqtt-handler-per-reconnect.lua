-- Scenario: an MQTT client made anew on every reconnect, its handler capturing it
--
-- Story: a command listener reconnects whenever the broker drops it by making a new client. Its
-- message handler answers through `client`, the client it captured as an upvalue. mqtt.c holds the
-- handler by a registry reference that only the client's __gc releases, and the handler holds the
-- client: every dropped client stays, with its handlers and the last command it saw.
--
-- Held by: the registry (mqtt.c's reference to the message handler), through upvalue 'client'.
--
-- world.mqtt.publish.topic = cmd/led
-- world.mqtt.publish.every = 5s
-- world.mqtt.publish.payload = {"on":true,"n":{n}}
-- world.mqtt.drop.every = 20s
-- expect.warmup.seconds = 5
-- expect.seconds = 90
-- expect.leak.function = connect
-- expect.leak.line = 25
-- expect.min.leaked.bytes = 1000
-- expect.held.by = mqtt client

received = 0

local function connect()
  local client = mqtt.Client("led-1", 60)
  local last = { topic = "", data = "" }
  client:on("message", function(c, topic, data)
    received = received + 1
    last.topic, last.data = topic, data
    client:publish("ack/led", data, 0, 0)
  end)
  client:on("offline", function()
    tmr.create():alarm(1000, tmr.ALARM_SINGLE, connect)
  end)
  client:connect("mqtt.heapscope.test", 1883, 0, function(c)
    c:subscribe("cmd/#", 0)
  end)
end

wifi.mode(wifi.STATION)
wifi.start()
wifi.sta.config({ ssid = "HeapScope", pwd = "heapscope" })
wifi.sta.on("got_ip", function() connect() end)
wifi.sta.connect()
