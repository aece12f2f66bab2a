-- HeapScope board check. Prints exactly one line: the marker, a space, then one JSON object.
-- Fields are described in board-check.md. Runs on NodeMCU Lua 5.1 and 5.3.
-- Use it as a file (upload, then dofile("board-check.lua")) or paste it line by line:
-- everything sits in one do ... end block, so the REPL keeps reading (">> ") until the
-- last line and nothing is left behind in the global table. Lines stay short (< 200).
do
  local heap0 = nil
  local G = _G
  local ld = loadstring or load
  local function get(t, k)
    local ok, v = pcall(function() return t[k] end)
    if ok then return v end
    return nil
  end
  local function gg(n)
    local v = get(G, n)
    if v == nil and ld then
      local f = ld("return " .. n)
      if f then
        local ok, r = pcall(f)
        if ok then v = r end
      end
    end
    return v
  end
  local function isfn(v)
    local t = type(v)
    return t == "function" or t == "lightfunction"
  end
  local nd = gg("node")
  if nd ~= nil then
    local ok, h = pcall(function() return nd.heap() end)
    if ok then heap0 = h end
  end
  local function esc(s)
    return (string.gsub(tostring(s), '[%c"\\]', function(c)
      if c == '"' then return '\\"' end
      if c == "\\" then return "\\\\" end
      return string.format("\\u%04x", string.byte(c))
    end))
  end
  local function str(s) return '"' .. esc(s) .. '"' end
  local function num(n)
    if type(n) ~= "number" or n ~= n or n == math.huge or n == -math.huge then return "null" end
    if n == math.floor(n) and n >= -2147483647 and n <= 2147483647 then
      return string.format("%d", n)
    end
    return tostring(n)
  end
  local function val(v)
    local t = type(v)
    if t == "number" then return num(v) end
    if t == "boolean" then return tostring(v) end
    if t == "string" then return str(v) end
    return "null"
  end
  local out = {}
  local function add(k, json) out[#out + 1] = str(k) .. ":" .. json end
  add("v", "1")
  add("lua", val(_VERSION))
  local nt = "float"
  if math.type then nt = "int+float" elseif 7 / 2 == 3 then nt = "integer" end
  add("num", str(nt))
  -- heaptrace: present?, its mode constants, which functions it has
  local ht = gg("heaptrace")
  add("heaptrace", tostring(ht ~= nil))
  if ht ~= nil then
    add("modes", "[" .. num(get(ht, "TRACE_ALL")) .. "," .. num(get(ht, "TRACE_LEAKS")) .. "]")
    local fl = {}
    for _, f in ipairs({"init", "start", "stop", "resume", "dump"}) do
      if isfn(get(ht, f)) then fl[#fl + 1] = str(f) end
    end
    add("ht_funcs", "[" .. table.concat(fl, ",") .. "]")
  else
    add("modes", "null")
    add("ht_funcs", "[]")
  end
  add("heap", num(heap0))
  local okc, kb = pcall(collectgarbage, "count")
  add("lua_kb", okc and num(kb) or "null")
  -- which common modules are built in (a missing one is simply left out)
  local names = {"node", "tmr", "file", "uart", "wifi", "net", "sjson", "heaptrace"}
  local more = {"gpio", "i2c", "spi", "adc", "bit", "crypto", "encoder", "http", "httpd"}
  local more2 = {"mqtt", "ow", "pipe", "struct", "time", "ledc", "rtcmem", "otaupgrade"}
  local more3 = {"eth", "sodium", "dht", "ws2812", "console", "rmt", "touch", "u8g2", "ucg"}
  for _, l in ipairs({more, more2, more3}) do
    for _, n in ipairs(l) do names[#names + 1] = n end
  end
  local mods = {}
  for _, n in ipairs(names) do
    if gg(n) ~= nil then mods[#mods + 1] = str(n) end
  end
  add("modules", "[" .. table.concat(mods, ",") .. "]")
  -- node details, each guarded: not every build has every call
  local idf = nil
  local info = {}
  if nd ~= nil then
    local okb, r1, r2 = pcall(function() return nd.bootreason() end)
    if okb then add("boot", "[" .. num(r1) .. "," .. num(r2) .. "]") end
    local okid, cid = pcall(function() return nd.chipid() end)
    if okid and cid ~= nil then add("chipid", val(cid)) end
    local ni = get(nd, "info")
    if isfn(ni) then
      for _, g in ipairs({"hw", "sw_version", "build_config"}) do
        local ok, t = pcall(ni, g)
        if ok and type(t) == "table" then
          local parts = {}
          for k, v in pairs(t) do
            local tv = type(v)
            if tv == "string" or tv == "number" or tv == "boolean" then
              parts[#parts + 1] = str(k) .. ":" .. val(v)
              if idf == nil and string.find(string.lower(tostring(k)), "idf", 1, true) then
                idf = tostring(v)
              end
            end
          end
          table.sort(parts)
          info[#info + 1] = str(g) .. ":{" .. table.concat(parts, ",") .. "}"
        end
      end
      if #info == 0 then
        local r = {pcall(ni)}
        if r[1] and #r > 1 then
          local vals = {}
          for i = 2, #r do vals[#vals + 1] = val(r[i]) end
          info[1] = '"legacy":[' .. table.concat(vals, ",") .. "]"
        end
      end
    end
  end
  -- what the HeapScope agent can use (heapscope-agent.lua); each is a function of the firmware or absent
  local db = gg("debug")
  local function has(t, f) return tostring(t ~= nil and isfn(get(t, f))) end
  local task = nd ~= nil and get(nd, "task") or nil
  local ag = {'"registry":' .. has(db, "getregistry"), '"upvalues":' .. has(db, "getupvalue"),
    '"locals":' .. has(db, "getlocal"), '"hook":' .. has(db, "sethook"), '"yield":' .. has(task, "post")}
  add("agent", "{" .. table.concat(ag, ",") .. "}")
  add("info", #info > 0 and ("{" .. table.concat(info, ",") .. "}") or "null")
  add("idf", idf and str(idf) or "null")
  -- the marker is built from two pieces so that the echo of this line never contains it
  print("HEAPSCOPE" .. "-CHECK {" .. table.concat(out, ",") .. "}")
end
