-- Scenario: a timer callback that captures and keeps growing state
--
-- Story: a sensor logger samples every second and keeps every reading "for the average", in a
-- table the timer callback captures as an upvalue. Nothing ever trims it: after an hour the board
-- runs out of heap. Nothing in _G grows, so `for k,v in pairs(_G)` hunting finds nothing.
--
-- Expected: after `--seconds 30`, 30 reading tables leaked in on_tick (line 26), with the list's
-- growth and 7 label strings (equal short strings are one interned string). The heap keeps falling.
--
-- expect.seconds = 30
-- expect.leak.function = on_tick
-- expect.leak.line = 26
-- expect.min.leaked.bytes = 1500

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

local logger = tmr.create()
logger:register(1000, tmr.ALARM_AUTO, on_tick)
logger:start()
print("logger started")
