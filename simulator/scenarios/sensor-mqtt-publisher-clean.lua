-- Scenario: a sensor publisher that does not leak
--
-- Story: every 10 s the LM75 on the I2C bus is read, the reading is encoded as JSON and published
-- to the broker. Each reading makes strings and a table, all garbage once published; the state
-- kept between readings is numbers. Measured in its steady state (after the connection is up),
-- nothing it allocates stays.
--
-- world.i2c.temperature = 22.5
-- expect.warmup.seconds = 15
-- expect.seconds = 120
-- expect.max.leaked.bytes = 0

local LM75 = 0x48
local published, failures = 0, 0
local client = mqtt.Client("sensor-1", 60)

local function read_celsius()
  i2c.start(i2c.SW)
  if not i2c.address(i2c.SW, LM75, i2c.RECEIVER) then
    i2c.stop(i2c.SW)
    return nil
  end
  local raw = i2c.read(i2c.SW, 2)
  i2c.stop(i2c.SW)
  local value = (raw:byte(1) << 8 | raw:byte(2)) >> 7
  if value >= 256 then value = value - 512 end
  return value / 2
end

local function publish_reading()
  local celsius = read_celsius()
  if not celsius then
    failures = failures + 1
    return
  end
  local payload = sjson.encode({ sensor = "lm75", celsius = celsius, seq = published + 1 })
  client:publish("sensors/room1", payload, 0, 0)
  published = published + 1
end

i2c.setup(i2c.SW, 21, 22, i2c.SLOW)
client:on("offline", function() failures = failures + 1 end)
wifi.mode(wifi.STATION)
wifi.start()
wifi.sta.config({ ssid = "HeapScope", pwd = "heapscope" })
wifi.sta.on("got_ip", function()
  client:connect("mqtt.heapscope.test", 1883, 0, function()
    ticker = tmr.create()
    ticker:alarm(10000, tmr.ALARM_AUTO, publish_reading)
  end)
end)
wifi.sta.connect()
