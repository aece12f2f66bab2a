-- Scenario: a cache that never evicts
--
-- Story: a device registry module memoises lookups by key "to save time". Keys are request ids
-- that never repeat, so every call adds an entry that is never read again. The module lives in a
-- global (as modules do), so its cache lives as long as the board runs.
--
-- Expected: 40 entries leaked: key strings in Registry.lookup (line 26), result tables and names in
-- expensive (line 22, called from line 27), plus the cache table's growth (line 27).
--
-- Held by: the cache table, an upvalue of Registry.lookup (a global), so the entries' path is
-- _G.Registry.lookup ▸ upvalue 'cache'[*].
--
-- expect.leak.function = Registry.lookup
-- expect.leak.line = 26
-- expect.min.leaked.bytes = 2000
-- expect.held.by = _G.Registry.lookup ▸ upvalue 'cache'

Registry = {}
local cache = {}

local function expensive(id)
  return { id = id, name = "device-" .. id, ok = true }
end

local function lookup(id)
  local key = "req:" .. id
  if cache[key] == nil then cache[key] = expensive(id) end
  return cache[key]
end
Registry.lookup = lookup

for request = 1, 40 do
  local entry = Registry.lookup(request)
  assert(entry.ok)
end
print("served 40 requests")
