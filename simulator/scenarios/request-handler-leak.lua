-- Scenario: a request handler that leaks per request
--
-- Story: an HTTP-like server registers an "on done" listener for every request in a global
-- listeners list and forgets to remove it. Each request leaks its closure and its context table.
--
-- Expected: per request a context table (handle_request line 19) and a closure (line 20) leak, with
-- the path string the context keeps (line 26); the body (line 21) is garbage. Well over 1 KB.
--
-- Held by: the global listeners list; each closure keeps its context as upvalue 'context'.
--
-- expect.leak.function = handle_request
-- expect.leak.line = 20
-- expect.min.leaked.bytes = 1000
-- expect.held.by = _G.listeners

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
