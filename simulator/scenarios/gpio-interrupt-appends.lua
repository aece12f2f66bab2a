-- Scenario: a GPIO interrupt handler that appends to a table
--
-- Story: a door sensor on GPIO 5 counts openings. The interrupt handler appends an event record
-- for every edge to a history table that nothing trims, so the history grows with every edge.
--
-- Held by: the global history table.
--
-- world.gpio.5 = every 250ms
-- expect.warmup.seconds = 0
-- expect.seconds = 10
-- expect.leak.function = on_edge
-- expect.leak.line = 18
-- expect.min.leaked.bytes = 1500
-- expect.held.by = _G.history

history = {}
local function on_edge(pin, level)
  history[#history + 1] = { pin = pin, level = level, at = node.uptime() }
end

gpio.config({ gpio = 5, dir = gpio.IN, pull = gpio.PULL_UP })
gpio.trig(5, gpio.INTR_UP_DOWN, on_edge)
