package dev.heapscope.sim.net;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What keeps an http connection alive and what it charges, as dev-esp32 http.c has it: no self reference
 * until request() ("we'd leak any object that was constructed but never used"), ContextRef from request()
 * to the complete callback, context_gc releasing every slot and esp_http_client_cleanup; setbody refs the top
 * of the stack, which without an argument is the connection itself.
 */
@Timeout(60)
class HttpLifetimeTest {
    private static final String URL = "'http://www.heapscope.test/status'";
    private final ClientBoard board = new ClientBoard();

    @BeforeEach
    void warmUp() {
        board.type("http.get(" + URL + ")");
    }

    @AfterEach
    void close() {
        board.close();
    }

    private long collectedHeap() {
        board.type("collectgarbage() collectgarbage()");
        return board.freeHeap();
    }

    @Test
    void aConnectionChargesTheClientAndBothBuffersAndIsCleanedUpWhenCollected() {
        long before = collectedHeap();
        board.type("k = http.createConnection(" + URL + ", http.GET, {bufsz = 1000})");
        long created = collectedHeap();
        assertThat(before - created).isBetween(2000L + HttpContext.STRUCT_BYTES, 3500L);
        board.type("k = nil");
        assertThat(collectedHeap()).isEqualTo(before);
    }

    @Test
    void synchronousAndAsynchronousOneShotsLeaveNothingBehind() {
        long before = collectedHeap();
        board.type("c, d, h = http.get(" + URL + ") c, d, h = nil, nil, nil");
        assertThat(collectedHeap()).isEqualTo(before);
        board.type("http.get(" + URL + ", function(c) done = c end)");
        board.type("collectgarbage() collectgarbage()"); // the running request holds itself
        board.run(100);
        assertThat(board.eval("done")).isEqualTo("200");
        board.type("done = nil");
        assertThat(collectedHeap()).isEqualTo(before);
    }

    @Test
    void anAsyncRequestHoldsItsConnectionUntilComplete() {
        board.type("do local k = http.createConnection(" + URL + ", http.GET, {async = true})"
                + " k:on('complete', function(s, connected) done = s end) k:request() end");
        board.type("collectgarbage() collectgarbage()");
        board.run(100);
        assertThat(board.eval("done")).isEqualTo("200");
    }

    @Test
    void setbodyWithoutAnArgumentMakesTheConnectionHoldItself() {
        long before = collectedHeap();
        board.type("do local k = http.createConnection(" + URL + ") k:setbody('a=1') end");
        assertThat(collectedHeap()).isEqualTo(before);
        board.type("do local k = http.createConnection(" + URL + ") k:setbody() end");
        assertThat(before - collectedHeap()).isGreaterThan(1024);
    }

    @Test
    void aStreamedChunkIsALuaStringMadeByMakeCallback() {
        long before = collectedHeap();
        board.type("k = http.createConnection('http://www.heapscope.test/big') k:on('data', function(s, d) keep = d end)"
                + " k:request() k = nil");
        long kept = collectedHeap();
        assertThat(board.eval("#keep")).isNotEqualTo("0");
        int last = Integer.parseInt(board.eval("#keep"));
        assertThat(before - kept).isGreaterThanOrEqualTo(last);
        board.type("keep = nil");
        assertThat(collectedHeap()).isEqualTo(before);
    }
}
