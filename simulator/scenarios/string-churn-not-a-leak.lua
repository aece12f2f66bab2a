-- Scenario: string churn that is garbage, not a leak
--
-- Story: a formatter builds thousands of temporary strings (concatenation, string.format,
-- table.concat). node.heap() drops while it runs, which looks like a leak, but all of it is garbage
-- the collector reclaims.
--
-- Expected: after collectgarbage(), (almost) nothing is leaked: the heap comes back.
--
-- expect.max.leaked.bytes = 200

local function format_line(i)
  local parts = {}
  for j = 1, 5 do
    parts[#parts + 1] = string.format("%d:%d", i, j)
  end
  return "line " .. i .. " = " .. table.concat(parts, ",")
end

local total = 0
for i = 1, 300 do
  total = total + #format_line(i)
end
print("formatted bytes", total)
