package dev.heapscope.sim.net;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The http module against nodemcu-firmware dev-esp32 components/modules/http.c: one-shot get/post (sync
 * without a callback, async with one; http_lapi_get :710-742), the connection API and its errors
 * (createConnection :436-483, CHECK_CONNECTION_IDLE, setmethod, ack), callback arguments (make_callback:
 * headers lower-cased, status first) and streaming in reads of bufsz (DEFAULT_HTTP_BUF_SIZE 512).
 */
@Timeout(60)
class HttpModuleTest {
    private static final String SITE = "http://www.heapscope.test";
    private final ClientBoard board = new ClientBoard();

    @AfterEach
    void close() {
        board.close();
    }

    @Test
    void synchronousGetReturnsStatusBodyAndLowerCasedHeaders() {
        board.type("c, d, h = http.get('" + SITE + "/')");
        assertThat(board.eval("c")).isEqualTo("200");
        assertThat(board.eval("#d .. d:sub(1, 15)")).isEqualTo(HttpSite.INDEX.length() + "<!DOCTYPE html>");
        assertThat(board.eval("h['content-type']")).isEqualTo("text/html");
        assertThat(board.eval("h.connection")).isEqualTo("close"); // one-shots always send Connection: close
        assertThat(board.eval("h['Content-Type']")).isEqualTo("nil");
    }

    @Test
    void statusIsJsonAndCountsRequestsAndAnUnknownPageIs404() {
        assertThat(board.eval("(select(2, http.get('" + SITE + "/status')))"))
                .isEqualTo("{\"ok\":true,\"requests\":1,\"temperature\":21.5}");
        assertThat(board.eval("(select(2, http.get('" + SITE + "/status')))")).contains("\"requests\":2");
        board.type("c, d = http.get('" + SITE + "/missing')");
        assertThat(board.eval("c .. ' ' .. d")).isEqualTo("404 not found: /missing");
    }

    @Test
    void asynchronousGetReturnsNothingAndCallsBackWithStatusBodyHeaders() {
        assertThat(board.type("print(select('#', http.get('" + SITE + "/big', function(c, d, h)"
                + " got = c .. ' ' .. #d .. ' ' .. h['content-length'] end)))")).contains("\n0\n");
        assertThat(board.eval("got")).isEqualTo("nil");
        board.run(100);
        assertThat(board.eval("got")).isEqualTo("200 4096 4096");
        assertThat(board.eval("select(2, http.get('" + SITE + "/big')) == select(2, http.get('" + SITE + "/big'))"))
                .isEqualTo("true");
    }

    @Test
    void postSendsTheBodyAndWithoutAStationTheStatusIsTheConnectError() {
        assertThat(board.eval("(select(2, http.post('" + SITE + "/echo', nil, 'hello=1')))")).isEqualTo("hello=1");
        board.onBoard(() -> {
            board.board.console().network().setStationAddress(null);
            return null;
        });
        // -ESP_ERR_HTTP_CONNECT, an empty body, no headers (http_accumulate_complete found none to stash)
        assertThat(board.eval("http.get('" + SITE + "/')")).isEqualTo("-28674\t\tnil");
    }

    @Test
    void argumentErrorsAreTheBoards() {
        assertThat(board.type("http.get()")).contains("bad argument #1 to 'get' (string expected, got no value)");
        assertThat(board.type("http.get('" + SITE + "', 5)")).contains("bad argument #2 to 'get' (options must be nil or a table)");
        assertThat(board.type("http.get('" + SITE + "', {}, 5)")).contains("bad argument #3 to 'get' (callback must be nil or a function)");
        assertThat(board.type("http.post('" + SITE + "', nil)")).contains("bad argument #3 to 'post' (string expected, got no value)");
        assertThat(board.type("http.createConnection()")).contains("esp_http_client_init failed");
        assertThat(board.type("http.createConnection('" + SITE + "', 99)")).contains("Bad HTTP method 99");
        assertThat(board.type("http.createConnection('" + SITE + "', {timeout = 'x'})"))
                .contains("bad option timeout to 'createConnection' (number expected, got string)");
        board.type("k = http.createConnection('" + SITE + "')");
        assertThat(board.type("k:on('body', print)")).contains("bad argument #1 to 'on' (invalid option 'body')");
        assertThat(board.type("k:setmethod(-1)")).contains("Bad HTTP method -1");
        assertThat(board.type("k:ack()")).contains("No asynchronous callback pending");
        assertThat(board.type("k.request()")).contains("bad argument #1 to 'request' (http.context expected, got no value)");
    }

    @Test
    void aConnectionStreamsBigInReadsOfItsBufferSizeAfterConnectAndHeaders() {
        board.type("log = {} k = http.createConnection('" + SITE + "/big')");
        board.type("k:on('connect', function() log[#log+1] = 'connect' end)"
                + ":on('headers', function(s, h) log[#log+1] = 'headers ' .. s end)"
                + ":on('data', function(s, d) log[#log+1] = #d end)"
                + ":on('complete', function(s, c) log[#log+1] = 'complete ' .. s .. ' ' .. tostring(c) end)");
        assertThat(board.type("print(k:request())")).contains("200\ttrue");
        String log = board.eval("table.concat(log, ',')");
        assertThat(log).startsWith("connect,headers 200,").endsWith(",complete 200 true");
        String[] parts = log.split(",");
        int total = 0;
        for (int i = 2; i < parts.length - 1; i++) {
            int chunk = Integer.parseInt(parts[i]);
            assertThat(chunk).isLessThanOrEqualTo(HttpModule.DEFAULT_BUFFER);
            total += chunk;
        }
        assertThat(total).isEqualTo(HttpSite.BIG_BYTES);
        assertThat(parts[3]).isEqualTo("512"); // after the first read, which also carried the head
        assertThat(board.eval("#log")).isEqualTo("12"); // keep-alive connection: no reconnect on the next request
        board.type("log = {} k:request()");
        assertThat(board.eval("log[1]")).isEqualTo("headers 200");
    }

    @Test
    void aBiggerBufferMeansFewerDataCallbacks() {
        board.type("n = 0 k = http.createConnection('" + SITE + "/big', http.GET, {bufsz = 2048})");
        board.type("k:on('data', function() n = n + 1 end) k:request()");
        assertThat(board.eval("n")).isEqualTo("3");
    }

    @Test
    void modifyingAConnectionInsideItsCallbackIsRefused() {
        board.type("k = http.createConnection('" + SITE + "/') k:on('data', function() k:seturl('" + SITE + "/big') end)");
        assertThat(board.type("k:request()")).contains("Cannot modify connection while a request is active");
    }

    @Test
    void asyncDataCanBeDelayedUntilAck() {
        board.type("n = 0 k = http.createConnection('" + SITE + "/big', http.GET, {async = true})");
        board.type("k:on('data', function() n = n + 1 return http.DELAYACK end) k:request()");
        board.run(100);
        assertThat(board.eval("n")).isEqualTo("1");
        assertThat(board.type("k:close()")).doesNotContain("Lua error"); // allowed while an ack is pending
        board.type("k:ack()");
        board.run(100);
        assertThat(board.type("k:ack()")).contains("No asynchronous callback pending");
    }
}
