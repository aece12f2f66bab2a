-- Scenario: a web server whose handler captures its connection
--
-- Story: a small status server keeps a log per connection. Its receive handler records the request
-- and answers through `conn`, the socket it captured as an upvalue, instead of the socket the
-- callback is given. net.c holds the handler through a registry reference that only the socket's
-- __gc releases, and the handler holds the socket: the socket can never be collected. Every
-- visitor leaves its socket, its handlers and its log behind.
--
-- Held by: the registry (net.c's reference to each socket's receive handler), through upvalue 'conn'.
-- Measured after a 5 s warm-up, so the listening server itself is not counted.
--
-- world.net.clients.every = 2s
-- world.net.clients.request = GET /status HTTP/1.1
-- expect.warmup.seconds = 5
-- expect.seconds = 30
-- expect.leak.function = on_connection
-- expect.leak.line = 24
-- expect.min.leaked.bytes = 2000
-- expect.held.by = net.tcpsocket

served = 0

local function on_connection(conn)
  local log = { opened = node.uptime() }
  conn:on("receive", function(sck, request)
    log[#log + 1] = request:match("GET (%S+)")
    served = served + 1
    conn:send("HTTP/1.1 200 OK\r\n\r\nok " .. served, function() conn:close() end)
  end)
end

wifi.mode(wifi.STATION)
wifi.start()
wifi.sta.config({ ssid = "HeapScope", pwd = "heapscope" })
wifi.sta.on("got_ip", function()
  server = net.createServer()
  server:listen(80, on_connection)
end)
wifi.sta.connect()
