-- Scenario: decoded JSON cached by a key that never repeats
--
-- Story: readings arrive as JSON every second. The script decodes each one and caches it by its
-- timestamp so a later request "can look it up" - but timestamps never repeat, so the cache only
-- grows: every decoded table and its strings stay.
--
-- Held by: the global cache, one entry per reading.
--
-- world.gpio.4 = every 1s
-- expect.warmup.seconds = 0
-- expect.seconds = 20
-- expect.leak.function = on_reading
-- expect.leak.line = 22
-- expect.min.leaked.bytes = 1500
-- expect.held.by = _G.cache

cache = {}
local count = 0

local function on_reading(pin, level)
  count = count + 1
  local reading = sjson.decode('{"sensor":"hall","seq":' .. count .. ',"values":[1,2,3],"unit":"mT"}')
  cache["t" .. node.uptime()] = reading
end

gpio.config({ gpio = 4, dir = gpio.IN })
gpio.trig(4, gpio.INTR_UP_DOWN, on_reading)
