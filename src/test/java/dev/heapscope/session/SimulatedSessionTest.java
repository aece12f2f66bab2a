package dev.heapscope.session;

import dev.heapscope.analysis.DiffStatus;
import dev.heapscope.analysis.DumpDiff;
import dev.heapscope.console.CommandResult;
import dev.heapscope.console.ConsoleException;
import dev.heapscope.model.Dialect;
import dev.heapscope.model.Dump;
import dev.heapscope.model.HeapSample;
import dev.heapscope.model.Symbol;
import dev.heapscope.model.TraceMode;
import dev.heapscope.sim.BoardProfile;
import dev.heapscope.sim.SimulatedBoard;
import dev.heapscope.sim.SimulatorTransport;
import dev.heapscope.transport.Transport;
import dev.heapscope.transport.TransportException;
import dev.heapscope.transport.TransportListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The module's documented session, driven by a ProfilingSession on the virtual board. */
class SimulatedSessionTest {
    private SimulatedBoard board;
    private ProfilingSession session;
    private RecordingTransport link;

    @BeforeEach
    void connect() throws Exception {
        board = SimulatedBoard.create(BoardProfile.load("esp32-devkitc"));
        link = new RecordingTransport(new SimulatorTransport(board, false));
        session = new ProfilingSession(link, SessionOptions.DEFAULTS);
        get(session.connect());
        get(session.awaitPrompt(10_000));
    }

    @AfterEach
    void close() {
        session.close();
    }

    private static <T> T get(Future<T> future) throws Exception {
        return future.get(20, TimeUnit.SECONDS);
    }

    @Test
    void theDocumentedSessionFindsTheLeakedTablesAtTheirLuaLine() throws Exception {
        get(session.init(200));
        get(session.collectGarbage());
        get(session.start(TraceMode.LEAKS));
        Dump before = get(session.dump());
        get(session.execute("cache = {}"));
        get(session.execute("for i=1,3 do cache[#cache+1] = {i} end"));
        get(session.execute("local garbage = {} for i=1,50 do garbage[i] = {i} end"));
        get(session.collectGarbage());
        get(session.stop());
        Dump after = get(session.dump());

        assertThat(before.dialect()).isEqualTo(Dialect.B);
        assertThat(after.complete()).isTrue();
        assertThat(after.summary().mode()).isEqualTo(TraceMode.LEAKS);
        DumpDiff diff = DumpDiff.between(before, after);
        assertThat(diff.byteDelta()).isPositive();
        assertThat(diff.rows()).anyMatch(row -> row.status() == DiffStatus.NEW);

        // Every new leaked record points at a Lua frame of line 1 of a chunk typed at the prompt.
        List<String> luaFrames = diff.appeared().stream()
                .flatMap(r -> java.util.stream.IntStream.range(0, r.caller().depth()).mapToObj(r.caller()::frame))
                .map(address -> board.console().symbols().resolve(address))
                .flatMap(Optional::stream)
                .filter(symbol -> "stdin".equals(symbol.file()))
                .map(Symbol::frameLabel)
                .distinct().toList();
        assertThat(luaFrames).contains("main chunk (stdin:1)");
        // The 50 garbage tables were collected: far fewer than 50 new records remain.
        assertThat(diff.appeared().size()).isBetween(4, 20);
    }

    @Test
    void heapPollsReadNodeHeap() throws Exception {
        HeapSample first = get(session.pollHeap());
        get(session.execute("keep = {} for i = 1, 200 do keep[i] = {} end"));
        HeapSample second = get(session.pollHeap());
        assertThat(first.freeBytes()).isBetween(100_000L, 260_000L);
        assertThat(second.freeBytes()).isLessThan(first.freeBytes());
        SessionSnapshot snapshot = get(session.snapshot());
        assertThat(snapshot.samples()).hasSize(2);
    }

    @Test
    void startBeforeInitIsRefusedWithAReasonAfterABootBanner() throws Exception {
        assertThatThrownBy(() -> get(session.start(TraceMode.LEAKS)))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(ConsoleException.class)
                .hasMessageContaining("run heaptrace.init(n) first");
    }

    @Test
    void resumeBeforeStartIsRefusedAsAHazard() throws Exception {
        get(session.init(10));
        assertThatThrownBy(() -> get(session.resume()))
                .hasMessageContaining("crashes IDF 5.1 boards");
    }

    @Test
    void luaErrorsComeBackAsFailedResults() throws Exception {
        CommandResult result = get(session.execute("nosuchmodule.foo()"));
        assertThat(result.failed()).isTrue();
        assertThat(result.luaError()).contains("attempt to index").contains("nosuchmodule");
    }

    @Test
    void aRestartIsSeenAsAResetAndForgetsTheTraceState() throws Exception {
        get(session.init(10));
        get(session.start(TraceMode.ALL));
        assertThatThrownBy(() -> get(session.execute("node.restart()"))).hasMessageContaining("reset");
        get(session.awaitPrompt(10_000));
        SessionSnapshot snapshot = get(session.snapshot());
        assertThat(snapshot.trace()).isEqualTo(TraceState.NO_BUFFER);
        assertThat(snapshot.markers()).extracting(Marker::kind).contains(Marker.Kind.RESET);
    }

    @Test
    void theTranscriptIsEveryByteTheBoardSentInOrder() throws Exception {
        get(session.execute("print('hello from lua')"));
        get(session.execute("print('tab\\tcr\\rcrlf\\r\\nhigh' .. string.char(0, 7, 27, 128, 200, 255) .. 'end')"));
        get(session.execute("nosuchmodule.foo()"));
        get(session.init(20));
        get(session.start(TraceMode.LEAKS));
        get(session.execute("kept = {} for i = 1, 5 do kept[i] = {i} end"));
        get(session.dump());

        String transcript = new String(get(session.transcript()), StandardCharsets.ISO_8859_1);

        // the banner, a print with control and high bytes, an error, a dump: nothing dropped, added or reordered
        // (bytes decoded one to one, so equal strings are equal bytes, and a difference reads as text)
        assertThat(transcript).isEqualTo(new String(link.received(), StandardCharsets.ISO_8859_1));
        assertThat(transcript)
                .contains("NodeMCU ESP32 build", "hello from lua", "attempt to index")
                .contains("====== Heap Trace Summary ======")
                .contains("crlf\r\nhigh\u0000\u0007\u001b\u0080\u00c8\u00ffend");
    }

    /** Passes everything through, and keeps a copy of every byte received before the session sees it. */
    private static final class RecordingTransport implements Transport {
        private final Transport inner;
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();

        RecordingTransport(Transport inner) {
            this.inner = inner;
        }

        synchronized byte[] received() {
            return received.toByteArray();
        }

        @Override
        public void open(TransportListener listener) throws TransportException {
            inner.open(new TransportListener() {
                @Override
                public void bytesReceived(byte[] buffer, int length, long hostMillis) {
                    synchronized (RecordingTransport.this) {
                        received.write(buffer, 0, length);
                    }
                    listener.bytesReceived(buffer, length, hostMillis);
                }

                @Override
                public void disconnected(String reason) {
                    listener.disconnected(reason);
                }
            });
        }

        @Override
        public void write(byte[] bytes) throws TransportException {
            inner.write(bytes);
        }

        @Override
        public String describe() {
            return inner.describe();
        }

        @Override
        public boolean isOpen() {
            return inner.isOpen();
        }

        @Override
        public int baudRate() {
            return inner.baudRate();
        }

        @Override
        public void setBaudRate(int baudRate) throws TransportException {
            inner.setBaudRate(baudRate);
        }

        @Override
        public boolean resetBoard() throws TransportException {
            return inner.resetBoard();
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
