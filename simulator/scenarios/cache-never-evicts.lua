-- Scenario: a cache that never evicts
--
-- Story: a device registry module memoises lookups by key "to save time". Keys are request ids
-- that never repeat, so every call adds an entry that is never read again. The module lives in a
-- global (as modules do), so its cache lives as long as the board runs.
--
-- Expected: 40 entries leaked: key strings in Registry.lookup (line 22), result tables and names in
-- expensive (line 18, called from line 23), plus the cache table's growth (line 23).
--
-- expect.leak.function = Registry.lookup
-- expect.leak.line = 22
-- expect.min.leaked.bytes = 2000

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
