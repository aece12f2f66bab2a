-- HeapScope agent: one snapshot of this board's Lua heap, with the path that first reaches each object.
-- Run with dofile("heapscope-agent.lua"). Output format: device-firmware/heapscope-agent.md.
-- Valid Lua 5.3 as NodeMCU runs it (32-bit integers) and Lua 5.1/5.2; uses only what the firmware has:
-- debug.getregistry (minimal debug module), debug.getupvalue/getlocal/getinfo (extended), node.task.post.
do
  local BATCH = 48        -- objects per step; then the walk yields so neither watchdog fires
  local KEYMAX = 32       -- characters of a quoted key sent, as the virtual board shows them
  local NAMEMAX = 160     -- an identifier key is sent whole (.name) up to this, as the virtual board spells it
  local TIDY = 32         -- lines between two collections of the agent's own garbage (its memory bound)
  local PAGE = 4096       -- heap bytes one page of the visited bitmap covers
  local GRAIN = 16        -- no two Lua objects start closer than this: one bit each
  local WORD = 16         -- bits kept per number: exact in every number type a NodeMCU build uses
  local STRINGMAX = 256   -- strings remembered exactly (the first met: field names repeat and come early)
  local RECENT = 128      -- past those, the strings sent last, each in one of two slots its fingerprint gives
  local BLOCK = 32        -- slots of one queue block: the first links the next block
  local dbg = debug
  local getreg = dbg and dbg.getregistry
  local getupv = dbg and dbg.getupvalue
  local getloc = dbg and dbg.getlocal
  local getinf = dbg and dbg.getinfo
  local getmeta = dbg and dbg.getmetatable or getmetatable
  local post = node and node.task and node.task.post
  local count = collectgarbage
  local type, next, pairs, tostring, print, rawlen = type, next, pairs, tostring, print, rawlen
  local fmt, sbyte, find, sub, gsub, match = string.format, string.byte, string.find, string.sub, string.gsub, string.match
  local rawget, rawset, tonumber, pcall = rawget, rawset, tonumber, pcall
  local floor = math.floor

  -- The visited set is what the agent's memory grows with. An object whose address tostring shows costs
  -- one bit in a page of 16 numbers (a page per 4 KB of heap touched). A string shows no address: the
  -- first STRINGMAX cost a hash node each; any later one is sent with a fingerprint of its bytes each time
  -- it is reached (unless it is still in one of its slots of the recent ones) and HeapScope keeps the first.
  -- Objects whose address tostring cannot show (a __tostring in a metatable in flash) cost a hash node each.
  local pages = {}        -- page base address -> 16 numbers of 16 bits
  local strings = {}      -- string -> true, at most STRINGMAX of them
  local nstrings = 0
  local recent = {}       -- fingerprint slot -> the string last sent with it
  local evict = false     -- which of its two slots a string takes when both are full: each in turn
  for i = 1, RECENT do recent[i] = false end
  local others = {}       -- object without a visible address -> true
  local power = {}        -- power[i] = 2^(i-1), as integers
  do
    local p = 1
    for i = 1, WORD do power[i] = p p = p * 2 end
  end
  local reserved = {}     -- keywords: a key spelt like one is not a .name (the virtual board writes ["end"])
  for w in string.gmatch("and break do else elseif end false for function goto if in local nil not or repeat "
      .. "return then true until while", "%a+") do reserved[w] = true end
  -- The frontier in breadth-first order, in blocks of BLOCK slots (a block's first slot links the next, a
  -- read block is dropped): an object to traverse, or a number n for n ids with nothing to traverse (strings,
  -- a run of them in one slot). No table grows by doubling and none is copied.
  local firstblock = {}
  for i = 1, BLOCK do firstblock[i] = false end
  local wblock, wat, rblock, rat = firstblock, 1, firstblock, 1
  local pushed, popped = 0, 0 -- slots written and read
  local head, tail = 1, 0 -- ids head..tail wait to be traversed
  local objects, bytes, sum, lines = 0, 0, 0, 0
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
      if #k <= NAMEMAX and find(k, "^[%a_][%w_]*$") and not reserved[k] then return ".", k end -- no new string
      local s, cut = escape(k)
      return '["' .. s .. (cut and '"+]' or '"]')
    elseif tk == "number" or tk == "boolean" then
      return "[" .. tostring(k) .. "]"
    end
    return "[" .. tk .. "]"
  end

  -- the address tostring shows, or nil; a __tostring of the object's own is set aside for that one call (put
  -- back before any other code runs; a metatable in flash refuses, and its objects cost a hash node each)
  local function address(v)
    local mt = getmeta(v)
    local own = type(mt) == "table" and rawget(mt, "__tostring")
    if own and not pcall(rawset, mt, "__tostring", nil) then return nil end
    local ok, text = pcall(tostring, v) -- a metatable the agent cannot see may still have its own __tostring
    if own then rawset(mt, "__tostring", own) end
    local at = ok and type(text) == "string" and match(text, ": 0x(%x+)$")
    return at and tonumber(at, 16)
  end

  -- true the first time v (not a string) is offered
  local function first(v)
    local at = address(v)
    if not at then
      if others[v] then return false end
      others[v] = true
      return true
    end
    local off = at % PAGE
    local page = pages[at - off]
    if not page then
      page = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }
      pages[at - off] = page
    end
    local slot = (off - off % GRAIN) / GRAIN
    local w = (slot - slot % WORD) / WORD + 1
    local b = power[slot % WORD + 1]
    local word = page[w]
    if word % (b + b) >= b then return false end
    page[w] = word + b
    return true
  end

  -- a table in flash (a firmware module's ROTable): rawset refuses it ("table is readonly"); not heap
  local function rom(t)
    local k, x = next(t)
    return k ~= nil and not pcall(rawset, t, k, x)
  end

  local function measure()
    local now = floor(count("count") * 1024)
    if now > peak then peak = now end
  end

  local function sizeof(v, tv)
    if tv == "string" then return 17 + #v
    elseif tv == "table" then return tablesize(v)
    elseif tv == "function" then return 16 + 4 * upvalues(v)
    elseif tv == "userdata" then return 24 -- the payload is the firmware's and cannot be seen from Lua
    end
    return 468 -- a coroutine: lua_State, its first stack and CallInfo
  end

  -- two sums over a string's bytes with different primes and multipliers, 40 bits in all (every step stays
  -- below 2^31: exact on a 32-bit board); with its length, what tells HeapScope two sendings are one string
  local function fingerprint(s)
    local a, b = 0, 0
    for i = 1, #s do
      local c = sbyte(s, i)
      a = (a * 31 + c) % 1048573
      b = (b * 37 + c) % 1048571
    end
    return a, b
  end

  -- a string: nil when it was sent already, else its type as sent: "string" when remembered exactly, else
  -- "s:" and its fingerprint
  local function stringmark(s)
    if strings[s] then return nil end
    if nstrings < STRINGMAX then
      strings[s] = true
      nstrings = nstrings + 1
      return "string"
    end
    local a, b = fingerprint(s)
    local one, two = a % RECENT + 1, b % RECENT + 1
    if recent[one] == s or recent[two] == s then return nil end
    -- two places to be in: two strings that share one slot mostly do not share the other
    if recent[one] and (not recent[two] or evict) then one = two end
    evict = not evict
    recent[one] = s
    return fmt("s:%05x%05x", a, b)
  end

  local function push(x)
    wat = wat + 1
    if wat > BLOCK then
      local fresh = {}
      for i = 1, BLOCK do fresh[i] = false end
      wblock[1] = fresh
      wblock, wat = fresh, 2
    end
    wblock[wat] = x
    pushed = pushed + 1
  end

  local function pop()
    rat = rat + 1
    if rat > BLOCK then
      rblock, rat = rblock[1], 2
    end
    local x = rblock[rat]
    rblock[rat] = false
    popped = popped + 1
    return x
  end

  -- an object reached from parent (its id) by edge (pre .. name): sent at once, traversed later
  local function reach(v, parent, pre, name)
    local tv = type(v)
    local sent = tv
    if tv == "string" then
      sent = stringmark(v)
      if not sent then return end
    elseif (tv ~= "table" and tv ~= "function" and tv ~= "userdata" and tv ~= "thread") or not first(v) then
      return
    end
    if tv == "function" and getinf then
      local info = getinf(v, "S")
      if info and info.what == "C" then return end -- firmware code, not heap the script owns
    elseif tv == "table" and rom(v) then
      return
    end
    tail = tail + 1
    if tv ~= "string" then
      push(v)
    elseif pushed > popped and type(wblock[wat]) == "number" then
      wblock[wat] = wblock[wat] + 1 -- one more id in the run not yet read
    else
      push(1)
    end
    local size = sizeof(v, tv)
    local line = fmt("~HO %d %d %s %d %s%s", tail, parent, sent, size, pre, name or "")
    objects, bytes = objects + 1, bytes + size
    for i = 1, #line do
      sum = (sum * 31 + sbyte(line, i)) % 65521 -- stays far below 2^31: no overflow on a 32-bit board
    end
    print(line)
    lines = lines + 1
    if lines % TIDY == 0 then -- the agent's garbage (lines, tostring's) goes before it adds up
      measure()
      count("collect")
    end
  end

  local function traverse(v, id)
    local tv = type(v)
    if tv == "table" then
      local mt = getmeta(v)
      if type(mt) == "table" then reach(mt, id, "^m") end
      for k, x in next, v do
        reach(k, id, "^k")
        local tx = type(x)
        if tx == "table" or tx == "string" or tx == "function" or tx == "userdata" or tx == "thread" then
          local pre, name = field(k)
          reach(x, id, pre, name)
        end
      end
    elseif tv == "function" then
      if getupv then
        local i = 1
        while true do
          local name, x = getupv(v, i)
          if name == nil then break end
          reach(x, id, "^u ", name == "" and "?" or (escape(name)))
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
          if sub(name, 1, 1) ~= "(" then reach(x, id, "^l ", (escape(name))) end
        end
        if not ok then break end
      end
    end
  end

  local function walk()
    reach(_G, 0, "_G")
    if getreg then
      -- the collector's order (lgc.c markroot, and the virtual board's): the globals, then what C modules hold
      -- with luaL_ref (registry[1], [2]... as roots of their own), the registry itself last
      local reg = getreg()
      for i = 1, #reg do reach(rawget(reg, i), 0, "registry[", i .. "]") end
      reach(reg, 0, "registry")
    end
    local batch = BATCH
    while popped < pushed do
      local v = pop()
      if type(v) == "number" then
        head = head + v
      else
        traverse(v, head)
        head = head + 1
      end
      if head >= batch then
        batch = head + BATCH
        measure()
        count("collect")
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
      co, step, wblock, rblock, pages, strings, recent, others = nil, nil, nil, nil, nil, nil, nil, nil
    end
  end

  count("collect")
  count("collect") -- a second cycle frees what the first one finalized
  base = floor(count("count") * 1024)
  peak = base
  co = coroutine.create(walk)
  -- the agent's own state is not the heap being measured
  for _, own in ipairs({ pages, strings, recent, others, power, reserved, firstblock, co, walk, step, reach, traverse,
      measure, sizeof, field, escape, upvalues, tablesize, pow2, address, first, rom, fingerprint, stringmark, push, pop,
      main or pages }) do
    first(own)
  end
  print(fmt("~HB 2 %d %d registry=%d upvalues=%d locals=%d yield=%d", snap, base,
    getreg and 1 or 0, getupv and 1 or 0, getloc and 1 or 0, post and 1 or 0))
  step()
end
