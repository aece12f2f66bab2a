-- HeapScope agent: one snapshot of this board's Lua heap, with the path that first reaches each object.
-- Run with dofile("heapscope-agent.lua"). Output format: device-firmware/heapscope-agent.md.
-- Valid Lua 5.3 as NodeMCU runs it (32-bit integers) and Lua 5.1/5.2; uses only what the firmware has:
-- debug.getregistry (minimal debug module), debug.getupvalue/getlocal/getinfo (extended), node.task.post.
do
  local BATCH = 48        -- objects per step; then the walk yields so neither watchdog fires
  local KEYMAX = 32       -- characters of a field name sent, as the virtual board shows them
  local dbg = debug
  local getreg = dbg and dbg.getregistry
  local getupv = dbg and dbg.getupvalue
  local getloc = dbg and dbg.getlocal
  local getinf = dbg and dbg.getinfo
  local getmeta = dbg and dbg.getmetatable or getmetatable
  local post = node and node.task and node.task.post
  local count = collectgarbage
  local type, next, pairs, tostring, print, rawlen = type, next, pairs, tostring, print, rawlen
  local fmt, sbyte, schar, find, sub, gsub = string.format, string.byte, string.char, string.find, string.sub, string.gsub
  local floor = math.floor

  local seen = setmetatable({}, { __mode = "k" })   -- object -> true; weak so it never keeps anything alive
  local queue = {}        -- objects in breadth-first order: an object's id is its place here
  local head, tail = 1, 0 -- queue[head..tail] waits to be traversed
  local objects, bytes, sum = 0, 0, 0
  local base, peak
  local snap = floor(((node and node.uptime and node.uptime()) or (os and os.time and os.time()) or 0) % 1000000)
  local main = coroutine.running() -- the interpreter itself, not heap the scripts made
  local step, co

  -- sizes of Lua 5.3's 32-bit layouts (simulator/LUA-SIZES.md)
  local function pow2(n)
    local p = 1
    if n <= 0 then return 0 end
    while p < n do p = p * 2 end
    return p
  end

  local function tablesize(t)
    local border = rawlen and rawlen(t) or #t
    local array = pow2(border)
    local hashed = 0
    for k in next, t do
      if not (type(k) == "number" and k >= 1 and k <= array and floor(k) == k) then hashed = hashed + 1 end
    end
    return 32 + 8 * array + 20 * pow2(hashed)
  end

  local function upvalues(f)
    local n = 0
    if getupv then
      while getupv(f, n + 1) ~= nil do n = n + 1 end
    end
    return n
  end

  local function escape(s)
    local cut = #s > KEYMAX
    if cut then s = sub(s, 1, KEYMAX) end
    s = gsub(s, '[%c"\\\128-\255]', function(c)
      if c == '"' or c == "\\" then return "\\" .. c end
      return "\\" .. fmt("%03d", sbyte(c))
    end)
    return s, cut
  end

  -- the edge to a table value by its key, spelt as the virtual board spells it: .name ["a b"+] [3] [table]
  local function field(k)
    local tk = type(k)
    if tk == "string" then
      if find(k, "^[%a_][%w_]*$") and #k <= KEYMAX then return "." .. k end
      local s, cut = escape(k)
      return '["' .. s .. (cut and '"+]' or '"]')
    elseif tk == "number" or tk == "boolean" then
      return "[" .. tostring(k) .. "]"
    end
    return "[" .. tk .. "]"
  end

  local function sizeof(v, tv)
    if tv == "string" then return 17 + #v
    elseif tv == "table" then return tablesize(v)
    elseif tv == "function" then return 16 + 4 * upvalues(v)
    elseif tv == "userdata" then return 24 -- the payload is the firmware's and cannot be seen from Lua
    end
    return 468 -- a coroutine: lua_State, its first stack and CallInfo
  end

  -- an object reached from parent (its id) by edge: sent at once, traversed later
  local function reach(v, parent, edge)
    local tv = type(v)
    if (tv ~= "table" and tv ~= "string" and tv ~= "function" and tv ~= "userdata" and tv ~= "thread")
        or seen[v] then
      return
    end
    if tv == "function" and getinf then
      local info = getinf(v, "S")
      if info and info.what == "C" then seen[v] = true return end -- firmware code, not heap the script owns
    end
    seen[v] = true
    tail = tail + 1
    queue[tail] = v
    local size = sizeof(v, tv)
    local line = fmt("~HO %d %d %s %d %s", tail, parent, tv, size, edge)
    objects, bytes = objects + 1, bytes + size
    for i = 1, #line do
      sum = (sum * 31 + sbyte(line, i)) % 65521 -- stays far below 2^31: no overflow on a 32-bit board
    end
    print(line)
  end

  local function traverse(v, id)
    local tv = type(v)
    if tv == "table" then
      local mt = getmeta(v)
      if type(mt) == "table" then reach(mt, id, "^m") end
      for k, x in next, v do
        reach(k, id, "^k")
        reach(x, id, field(k))
      end
    elseif tv == "function" then
      if getupv then
        local i = 1
        while true do
          local name, x = getupv(v, i)
          if name == nil then break end
          reach(x, id, "^u " .. (name == "" and "?" or escape(name)))
          i = i + 1
        end
      end
    elseif tv == "userdata" then
      local mt = getmeta(v)
      if type(mt) == "table" then reach(mt, id, "^m") end
    elseif tv == "thread" and getloc and coroutine.status(v) == "suspended" then
      for level = 1, 64 do
        if getinf then
          local info = getinf(v, level, "f")
          if not info then break end
          reach(info.func, id, "^f")
        end
        local ok = true
        for n = 1, 250 do
          local good, name, x = pcall(getloc, v, level, n)
          if not good then ok = false break end
          if name == nil then break end
          if sub(name, 1, 1) ~= "(" then reach(x, id, "^l " .. escape(name)) end
        end
        if not ok then break end
      end
    end
  end

  local function measure()
    local now = floor(count("count") * 1024)
    if now > peak then peak = now end
  end

  local function walk()
    reach(_G, 0, "_G")
    if getreg then reach(getreg(), 0, "registry") end
    while head <= tail do
      local v = queue[head]
      queue[head] = nil -- the queue only ever holds the frontier
      traverse(v, head)
      head = head + 1
      if head % BATCH == 0 then
        measure()
        coroutine.yield()
      end
    end
    measure()
    print(fmt("~HE %d %d %d %d %d %d", snap, objects, bytes, sum, peak - base, tail))
  end

  step = function()
    local ok, err = coroutine.resume(co)
    if not ok then
      print(fmt("~HX %d %s", snap, sub(gsub(tostring(err), "%c", " "), 1, 160)))
    elseif coroutine.status(co) == "suspended" then
      if post then post(step) else return step() end
    else
      co, step, queue, seen = nil, nil, nil, nil
    end
  end

  count("collect")
  count("collect") -- a second cycle frees what the first one finalized
  base = floor(count("count") * 1024)
  peak = base
  co = coroutine.create(walk)
  -- the agent's own state is not the heap being measured
  seen[seen], seen[queue], seen[co], seen[walk], seen[step], seen[reach], seen[traverse] = true, true, true, true, true, true, true
  seen[measure], seen[sizeof], seen[field], seen[escape], seen[upvalues], seen[tablesize], seen[pow2] = true, true, true, true, true, true, true
  seen[getmetatable(seen)] = true
  if main then seen[main] = true end
  print(fmt("~HB 1 %d %d registry=%d upvalues=%d locals=%d yield=%d", snap, base,
    getreg and 1 or 0, getupv and 1 or 0, getloc and 1 or 0, post and 1 or 0))
  step()
end
