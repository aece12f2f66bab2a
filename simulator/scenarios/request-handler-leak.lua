-- Scenario: a request handler that leaks per request
--
-- Story: an HTTP-like server registers an "on done" listener for every request in a global
-- listeners list and forgets to remove it. Each request leaks its closure and its context table.
--
-- Expected: per request a context table (handle_request line 16) and a closure (line 17) leak, with
-- the path string the context keeps (line 23); the body (line 18) is garbage. Well over 1 KB.
--
-- expect.leak.function = handle_request
-- expect.leak.line = 17
-- expect.min.leaked.bytes = 1000

listeners = {}

local function handle_request(id, path)
  local context = { id = id, path = path, started = node.uptime() }
  listeners[#listeners + 1] = function() return context.id end -- never removed
  local body = "<html>" .. path .. "</html>"
  return #body
end

for id = 1, 25 do
  handle_request(id, "/status/" .. id)
end
print("handled", #listeners, "requests")
