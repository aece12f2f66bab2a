package dev.heapscope.sim.net;

import dev.heapscope.model.Dump;
import dev.heapscope.model.Record;
import dev.heapscope.parse.LogParser;
import dev.heapscope.parse.ParserOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a socket costs on the board: net.c's lnet_userdata (60 bytes), then, once it has a netconn, lwIP's
 * netconn, its receive mailbox and queue, and the pcb; written data stays in pbufs and tcp_segs until the
 * peer acknowledges it. simulator/FIRMWARE-FACTS.md §N lists the chains and sizes.
 */
@Timeout(60)
class NetMemoryTest {
    private final NetBoard board = new NetBoard();

    @AfterEach
    void close() {
        board.close();
    }

    private long heapDrop(String setup, String statement) {
        board.type(setup);
        board.type("collectgarbage() h0 = node.heap() " + statement + " h1 = node.heap()");
        return Long.parseLong(board.eval("h0 - h1"));
    }

    @Test
    void aSocketChargesItsUserdataAndConnectingChargesTheLwipBlocks() {
        long userdata = heapDrop("", "s = net.createConnection()");
        assertThat(userdata).isBetween((long) LwipMemory.LNET_USERDATA_BYTES, 160L);
        board.joinWifi();
        long netconn = heapDrop("", "s:connect(7, 'echo.heapscope.test')");
        int lwip = LwipMemory.NETCONN_BYTES + LwipMemory.SYS_MBOX_BYTES + LwipMemory.MBOX_QUEUE_BYTES
                + LwipMemory.TCP_PCB_BYTES + LwipMemory.DNS_EVENT_BYTES;
        assertThat(netconn).isGreaterThanOrEqualTo(lwip).isLessThan(lwip + 200);
        board.run(100);
        board.type("collectgarbage() h2 = node.heap() s:close() collectgarbage() h3 = node.heap()");
        // the netconn, mailbox and pcb are freed by net_close; the userdata stays while 's' holds it
        assertThat(Long.parseLong(board.eval("h3 - h2"))).isGreaterThanOrEqualTo(lwip - LwipMemory.DNS_EVENT_BYTES);
    }

    @Test
    void writtenDataIsHeldInPbufsUntilAcknowledged() {
        board.joinWifi();
        board.type("s = net.createConnection() s:connect(7, 'echo.heapscope.test')");
        board.run(100);
        long queued = heapDrop("", "s:send(string.rep('x', 3000))");
        // 3 segments of at most 1440 bytes: pbuf (16 + 74 headroom + data) and a 20-byte tcp_seg each
        assertThat(queued).isGreaterThanOrEqualTo(3000 + 3 * (16 + 74 + 20));
        board.type("collectgarbage() h4 = node.heap()");
        board.run(100);
        board.type("collectgarbage() h5 = node.heap()");
        assertThat(Long.parseLong(board.eval("h5 - h4"))).isGreaterThanOrEqualTo(3000);
        assertThat(board.type("s:send(string.rep('y', 6000))")).contains("buffer error"); // TCP_SND_BUF 5744
    }

    @Test
    void theHeapTraceShowsTheFirmwareFramesOfASocket() {
        board.joinWifi();
        for (String line : new String[] {"heaptrace.init(200)", "collectgarbage()",
            "heaptrace.start(heaptrace.TRACE_LEAKS)", "s = net.createConnection() s:connect(7, 'echo.heapscope.test')"}) {
            board.type(line);
        }
        board.run(100);
        board.type("s:send('hello')");
        String dumpText = board.type("heaptrace.stop() heaptrace.dump()");
        List<Dump> dumps = new LogParser(ParserOptions.LENIENT).parse(dumpText).dumps();
        List<String> frames = new ArrayList<>();
        for (Record record : dumps.get(dumps.size() - 1).liveRecords()) {
            board.simulated.console().symbols().resolve(record.caller().frame(0))
                    .ifPresent(symbol -> frames.add(symbol.function()));
        }
        assertThat(frames).contains("netconn_alloc", "sys_mbox_new", "xQueueGenericCreate", "tcp_alloc",
                "pbuf_alloc", "tcp_create_segment");
    }
}
