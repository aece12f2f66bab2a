-- Scenario: an IoT sensor node (wifi, MQTT, a status web page, JSON)
--
-- Story: a room sensor as NodeMCU apps are written. It joins wifi, reads the LM75 on the I2C bus
-- every 10 s and publishes the reading as JSON to the broker, listens for commands on cmd/#, and
-- serves a small HTTP status page as JSON. It keeps only counters and the last values between
-- readings: measured in its steady state, nothing it allocates stays.
--
-- world.i2c.temperature = 23.5
-- world.mqtt.publish.topic = cmd/interval
-- world.mqtt.publish.every = 60s
-- world.mqtt.publish.payload = {"seconds":10,"n":{n}}
-- world.net.clients.every = 5s
-- world.net.clients.request = GET /status HTTP/1.1
-- expect.warmup.seconds = 20
-- expect.seconds = 600
-- expect.max.leaked.bytes = 0

local CONFIG = {
  ssid = "HeapScope",
  pwd = "heapscope",
  broker = "mqtt.heapscope.test",
  port = 1883,
  topic = "sensors/room1",
  client_id = "room1-" .. node.chipid(),
  period_ms = 10000,
}

local LM75 = 0x48

local state = {
  readings = 0,
  published = 0,
  failures = 0,
  requests = 0,
  commands = 0,
  last_celsius = 0,
  connected = false,
}

local client
local ticker
app = state -- for the console: =app.published

-- The LM75 answers two bytes: a 9-bit two's complement temperature in half degrees, left-aligned.
local function read_celsius()
  i2c.start(i2c.SW)
  local present = i2c.address(i2c.SW, LM75, i2c.RECEIVER)
  if not present then
    i2c.stop(i2c.SW)
    return nil
  end
  local raw = i2c.read(i2c.SW, 2)
  i2c.stop(i2c.SW)
  local value = (raw:byte(1) << 8 | raw:byte(2)) >> 7
  if value >= 256 then
    value = value - 512
  end
  return value / 2
end

local function reading_json(celsius)
  return sjson.encode({
    sensor = "lm75",
    room = "room1",
    celsius = celsius,
    fahrenheit = string.format("%.1f", celsius * 9 / 5 + 32),
    seq = state.readings,
    uptime_s = node.uptime() // 1000000,
  })
end

local function sample()
  local celsius = read_celsius()
  if not celsius then
    state.failures = state.failures + 1
    return
  end
  state.readings = state.readings + 1
  state.last_celsius = celsius
  if state.connected then
    client:publish(CONFIG.topic, reading_json(celsius), 0, 0)
    state.published = state.published + 1
  end
end

local function start_sampling(period_ms)
  if ticker then
    ticker:interval(period_ms) -- the same timer: a new one each time would be garbage to collect
    return
  end
  ticker = tmr.create()
  ticker:alarm(period_ms, tmr.ALARM_AUTO, sample)
end

local function on_command(c, topic, data)
  state.commands = state.commands + 1
  local ok, command = pcall(sjson.decode, data or "")
  if ok and type(command) == "table" and topic == "cmd/interval" then
    local seconds = math.tointeger(command.seconds)
    if seconds and seconds >= 1 and seconds <= 3600 then
      start_sampling(seconds * 1000)
    end
  end
end

local function connect_mqtt()
  client = mqtt.Client(CONFIG.client_id, 60)
  client:on("message", on_command)
  client:on("offline", function(c)
    state.connected = false
  end)
  client:connect(CONFIG.broker, CONFIG.port, 0, function(c)
    state.connected = true
    c:subscribe("cmd/#", 0)
  end, function(c, reason)
    state.failures = state.failures + 1
  end)
end

local function status_json()
  return sjson.encode({
    readings = state.readings,
    published = state.published,
    failures = state.failures,
    commands = state.commands,
    celsius = state.last_celsius,
    heap = node.heap(),
  })
end

local function on_request(sck, request)
  state.requests = state.requests + 1
  local path = request:match("^GET (%S+)") or "?"
  local body, code
  if path == "/status" then
    body, code = status_json(), "200 OK"
  else
    body, code = '{"error":"not found"}', "404 Not Found"
  end
  sck:send("HTTP/1.1 " .. code .. "\r\nContent-Type: application/json\r\nContent-Length: " .. #body
    .. "\r\nConnection: close\r\n\r\n" .. body, function(s) s:close() end)
end

local function start_server()
  local server = net.createServer(net.TCP, 30)
  server:listen(80, function(conn)
    conn:on("receive", on_request)
  end)
  return server
end

i2c.setup(i2c.SW, 21, 22, i2c.SLOW)
wifi.mode(wifi.STATION)
wifi.start()
wifi.sta.config({ ssid = CONFIG.ssid, pwd = CONFIG.pwd })
wifi.sta.on("got_ip", function(event, info)
  web = web or start_server()
  connect_mqtt()
  start_sampling(CONFIG.period_ms)
end)
wifi.sta.connect()
