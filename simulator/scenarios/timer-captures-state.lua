-- Scenario: a timer callback that captures and keeps growing state
--
-- Story: a sensor logger samples every second and keeps every reading "for the average", in a
-- table the timer callback captures as an upvalue. Nothing ever trims it: after an hour the board
-- runs out of heap. Nothing in _G grows, so `for k,v in pairs(_G)` hunting finds nothing.
--
-- Expected: after `--seconds 30`, 30 reading tables leaked in on_tick (line 29), with the list's
-- growth and 7 label strings (equal short strings are one interned string). The heap keeps falling.
-- Held by: the registry, which holds a registered timer's callback (tmr.c cb_ref); the readings are
-- the callback's upvalue 'readings'. Run again, it replaces the logger it started before.
--
-- expect.seconds = 30
-- expect.leak.function = on_tick
-- expect.leak.line = 29
-- expect.min.leaked.bytes = 1500
-- expect.held.by = tmr#1 callback ▸ upvalue 'readings'

local readings = {}
local sample = 0

local function read_sensor()
  sample = sample + 1
  return 20 + (sample % 7) * 0.5
end

local function on_tick()
  local value = read_sensor()
  -- the leak: every reading is kept forever
  readings[#readings + 1] = { t = node.uptime(), v = value, label = "temp=" .. value }
end

if sensor_logger then sensor_logger:unregister() end
sensor_logger = tmr.create()
sensor_logger:register(1000, tmr.ALARM_AUTO, on_tick)
sensor_logger:start()
print("logger started")
