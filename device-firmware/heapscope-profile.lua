-- HeapScope allocation profile: which Lua lines and call stacks allocate while a workload runs.
-- By hand: dofile("heapscope-profile.lua")("app.lua")   or   (function() ... end, 1)   or   ("x = {}")
-- HeapScope sets HS_PROFILE_WORKLOAD (and HS_PROFILE_INTERVAL, HS_PROFILE_LINES, HS_PROFILE_BASELINE)
-- before dofile. Output format: device-firmware/heapscope-profile.md. Needs debug.sethook and
-- debug.getinfo (the extended debug module). Valid Lua 5.3 as NodeMCU runs it (32-bit integers) and 5.1.
local MAXLINES, MAXSTACKS, MAXFRAMES = 64, 64, 128 -- aggregation on the board stays bounded
local DEPTH = 8          -- frames kept per stack
local OWNLIMIT = 8192    -- bytes of the hook's own garbage before it collects it (the collector is stopped)
local NAMEMAX, SRCMAX = 32, 64

local dbg = debug
local sethook = dbg and dbg.sethook
local getinfo = dbg and dbg.getinfo
local count = collectgarbage
local fmt, sub, gsub, sbyte = string.format, string.sub, string.gsub, string.byte
local floor, print, type, tostring, pcall = math.floor, print, type, tostring, pcall
local load51 = loadstring or load

local function clock()
  if node and node.uptime then return node.uptime() end
  if os and os.clock then return floor(os.clock() * 1000000) end
  return 0
end

local function cut(s, max) -- the tail of a path says more than its head
  s = gsub(tostring(s), "[%c ;,]", "_")
  if #s > max then s = "+" .. sub(s, -max + 1) end
  return s
end

-- the workload as a function, compiled before the hook is set so compiling it is not profiled
local function resolve(workload)
  if type(workload) == "function" then return workload end
  if type(workload) ~= "string" then return nil, "no workload (a function, a file name or a Lua chunk)" end
  if workload:find("^[%w_%-%./]+%.lua$") or workload:find("^[%w_%-%./]+%.lc$") then
    return loadfile(workload)
  end
  return load51(workload, "=workload")
end

local function profile(workload, interval, lines, baseline)
  local id = floor(clock() % 1000000)
  if not (sethook and getinfo) then
    print(fmt("~PX %d no debug.sethook: this firmware lacks the extended debug module, nothing was profiled", id))
    return
  end
  interval = floor(tonumber(interval) or 0)
  if interval < 0 then interval = 0 end
  if lines == nil then lines = true end
  local fn, problem = resolve(workload)
  if not fn then
    print(fmt("~PX %d %s", id, sub(gsub(tostring(problem), "%c", " "), 1, 160)))
    return
  end
  local me = getinfo(1, "S").source
  local lineBytes, lineCount, lineKeys, lineIndex = {}, {}, {}, {}
  local stackBytes, stackCount, stackKeys, stackIndex = {}, {}, {}, {}
  local frameKeys, frameIndex = {}, {}
  local dropLines, dropStacks, dropBytes, other, freed = 0, 0, 0, 0, 0
  local hooks, own, ownSince = 0, 0, 0
  local where -- getinfo of the frame that ran since the last hook call: the growth is its line's
  local hookLevel -- the interrupted function's stack level inside the hook: 2 in Lua, 1 where the hook is no level
  local last

  local function frame(info, line)
    local name = info.name or (info.what == "main" and "main chunk") or "?"
    local key = cut(name, NAMEMAX) .. " " .. cut(info.short_src, SRCMAX) .. ":" .. tostring(line)
    local n = frameIndex[key]
    if not n and #frameKeys < MAXFRAMES then
      n = #frameKeys + 1
      frameKeys[n], frameIndex[key] = key, n
    end
    return n
  end

  -- the stack of the frame that allocated: the running one, or its caller when a call began since
  local function stackOf()
    local ids, skip, found = {}, 0, false
    local top = hookLevel + 1 -- the interrupted function, seen from here
    for k = 0, 1 do
      local info = getinfo(top + k, "f")
      if info and info.func == where.func then skip, found = k, true break end
    end
    local first = frame(where, where.currentline)
    if not first then return nil end
    ids[1] = first
    local level = found and top + 1 + skip or top
    while #ids < DEPTH do
      local info = getinfo(level, "Snl")
      if not info or info.source == me then break end
      if info.what ~= "C" then -- firmware functions between Lua frames (pcall) name no line of the script
        local n = frame(info, info.currentline)
        if not n then return nil end
        ids[#ids + 1] = n
      end
      level = level + 1
    end
    local key = tostring(ids[#ids])
    for i = #ids - 1, 1, -1 do key = key .. "," .. ids[i] end -- outermost first, as folded stacks are
    return key
  end

  local function add(keys, index, bytes, counts, key, grown)
    local n = index[key]
    if not n then
      if #keys >= MAXLINES and keys == lineKeys or #keys >= MAXSTACKS and keys == stackKeys then return false end
      n = #keys + 1
      keys[n], index[key], bytes[n], counts[n] = key, n, 0, 0
    end
    bytes[n], counts[n] = bytes[n] + grown, counts[n] + 1
    return true
  end

  local hook
  hook = function(event)
    local now = count("count")
    if not hookLevel then hookLevel = getinfo(1, "f").func == hook and 2 or 1 end
    hooks = hooks + 1
    local grown = floor((now - last) * 1024 + 0.5)
    if grown > 0 and where then
      local line = cut(where.short_src, SRCMAX) .. ":" .. tostring(where.currentline)
      if not add(lineKeys, lineIndex, lineBytes, lineCount, line, grown) then
        dropLines, dropBytes = dropLines + 1, dropBytes + grown
      end
      local stack = stackOf()
      if not (stack and add(stackKeys, stackIndex, stackBytes, stackCount, stack, grown)) then
        dropStacks = dropStacks + 1
      end
    elseif grown > 0 then
      other = other + grown
    elseif grown < 0 then
      freed = freed - grown
    end
    -- what comes next belongs to the line about to run; after a return, to the caller's line (a line event
    -- does not fire when the caller goes on with the line that called: local s = f() .. "x")
    local level = event == "return" and hookLevel + 1 or hookLevel
    where = getinfo(level, "Slnf")
    while where and where.what == "C" and level < 6 do
      level = level + 1
      where = getinfo(level, "Slnf")
    end
    if where and (where.source == me or where.what == "C") then where = nil end
    local after = count("count")
    ownSince = ownSince + floor((after - now) * 1024 + 0.5)
    if ownSince > OWNLIMIT then -- what the hook made is garbage or its bounded tables: never the workload's
      own, ownSince = own + ownSince, 0
      count("collect")
      after = count("count")
    end
    last = after
  end

  local mask = lines and "lr" or "" -- return events where the firmware delivers them
  local function hooked(f)
    local start = clock()
    last = count("count")
    sethook(hook, mask, interval)
    local good, message = pcall(f)
    sethook()
    return good, message, floor(clock() - start)
  end

  -- what the hook costs, from a fixed loop run with and without it; its entries are taken out again
  local function calibrate()
    local loop = load51("local t for i = 1, 50 do t = {i} end", "=calibration")
    local saved = { #frameKeys, #lineKeys, #stackKeys, dropLines, dropStacks, dropBytes, other, freed, hooks }
    local t0 = clock()
    loop()
    local plain = clock() - t0
    local _, _, time = hooked(loop)
    local calls = hooks - saved[9]
    for n = saved[1] + 1, #frameKeys do frameIndex[frameKeys[n]], frameKeys[n] = nil, nil end
    for n = saved[2] + 1, #lineKeys do lineIndex[lineKeys[n]], lineKeys[n] = nil, nil end
    for n = saved[3] + 1, #stackKeys do stackIndex[stackKeys[n]], stackKeys[n] = nil, nil end
    dropLines, dropStacks, dropBytes, other, freed, hooks = saved[4], saved[5], saved[6], saved[7], saved[8], saved[9]
    if calls <= 0 then return 0 end
    return (time - plain) / calls
  end

  count("collect")
  count("stop")
  local ok, err, time = hooked(fn)
  local base, kind = -1, "none"
  if ok then
    local perHook = calibrate()
    base, kind = floor(time - perHook * hooks + 0.5), "estimated"
    if base < 0 then base = 0 end
  end
  own = own + ownSince
  count("restart")
  if baseline and ok then -- a second, unhooked run: only for a workload that may run twice
    local t0 = clock()
    ok, err = pcall(fn)
    base, kind = floor(clock() - t0), "measured"
  end

  local sum, total = 0, 0
  local function send(line)
    for i = 1, #line do sum = (sum * 31 + sbyte(line, i)) % 65521 end
    print(line)
  end
  print(fmt("~PB 1 %d %d %d %d", id, interval, lines and 1 or 0, DEPTH))
  for n = 1, #frameKeys do send(fmt("~PF %d %s", n, frameKeys[n])) end
  for n = 1, #lineKeys do
    total = total + lineBytes[n]
    send(fmt("~PL %d %d %s", lineBytes[n], lineCount[n], lineKeys[n]))
  end
  for n = 1, #stackKeys do send(fmt("~PS %d %d %s", stackBytes[n], stackCount[n], stackKeys[n])) end
  if not ok then
    print(fmt("~PX %d %s", id, sub(gsub(tostring(err), "%c", " "), 1, 160)))
    return
  end
  print(fmt("~PE %d %d %d %d %d %d %d %d %d %d %d %d %d %d %s %d", id, #frameKeys, #lineKeys, #stackKeys, total,
    sum, dropLines, dropStacks, dropBytes, other, freed, hooks, own, time, kind, base))
end

local workload = HS_PROFILE_WORKLOAD
if workload ~= nil then
  local interval, lines, baseline = HS_PROFILE_INTERVAL, HS_PROFILE_LINES, HS_PROFILE_BASELINE
  HS_PROFILE_WORKLOAD, HS_PROFILE_INTERVAL, HS_PROFILE_LINES, HS_PROFILE_BASELINE = nil, nil, nil, nil
  profile(workload, interval, lines, baseline)
end
return profile
