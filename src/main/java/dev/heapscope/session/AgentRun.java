package dev.heapscope.session;

import dev.heapscope.model.AgentSnapshot;
import dev.heapscope.model.BoardEvent;
import dev.heapscope.parse.AgentSnapshotReader;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One snapshot by the HeapScope agent on a board: the agent is uploaded over the console (chunked, verified;
 * not again while the board's flash holds the same file),
 * run with {@code dofile}, and its framed output read from the console stream, where it arrives after the
 * prompt (the walk yields between batches through {@code node.task.post}). An output that stops without its
 * end line gives a snapshot marked incomplete, not an error.
 */
public final class AgentRun {
    static final String FILE_NAME = "heapscope-agent.lua";
    // a bit of a serial byte: start, 8 data, stop
    private static final int BITS_PER_BYTE = 10;
    // what one object line costs on the wire ("~HO 123 45 table 52 .entries" and its line end): 27.8 bytes on
    // average measured for 2,000 objects (AgentWireBench, docs/PERFORMANCE.md)
    static final int BYTES_PER_OBJECT = 28;

    private final byte[] agent;

    public AgentRun(byte[] agent) {
        this.agent = agent.clone();
    }

    /** The agent HeapScope ships (device-firmware/heapscope-agent.lua). */
    public static byte[] shippedAgent() throws IOException {
        try (InputStream in = AgentRun.class.getResourceAsStream("/dev/heapscope/agent/" + FILE_NAME)) {
            if (in == null) {
                throw new IOException("this HeapScope was built without its agent (" + FILE_NAME + ")");
            }
            return in.readAllBytes();
        }
    }

    /**
     * Seconds the wire needs at {@code baudRate}: the upload typed and echoed back, then the agent's lines for a
     * heap of about {@code objects} objects.
     */
    public double wireSeconds(int baudRate, long objects) {
        long uploadChars = new ScriptUpload(FILE_NAME, agent).lines().stream().mapToLong(line -> line.length() + 2).sum();
        long bytes = 2 * uploadChars + objects * BYTES_PER_OBJECT;
        return bytes * (double) BITS_PER_BYTE / Math.max(1, baudRate);
    }

    /** Uploads and runs the agent; completes with its snapshot, or an incomplete one when no end line came within {@code timeoutMillis}. */
    public CompletableFuture<AgentSnapshot> take(ProfilingSession session, long timeoutMillis) {
        return take(session, timeoutMillis, new AgentRunWatch());
    }

    /** As {@link #take(ProfilingSession, long)}, telling {@code watch} each object line and stopping when it is cancelled. */
    public CompletableFuture<AgentSnapshot> take(ProfilingSession session, long timeoutMillis, AgentRunWatch watch) {
        AgentSnapshotReader reader = new AgentSnapshotReader();
        CompletableFuture<AgentSnapshot> result = new CompletableFuture<>();
        session.addListener(new SessionListener() {
            @Override
            public void consoleLine(String line, long hostMillis) {
                if (!result.isDone()) { // the session keeps its listeners: this one goes quiet once it has its answer
                    reader.accept(line).ifPresent(result::complete);
                    watch.sawLine(line);
                }
            }

            @Override
            public void boardEvent(BoardEvent event, long hostMillis) {
                // a reset mid-walk: what arrived is kept, marked, and the session goes on with the rebooted board
                if (!result.isDone() && (event.kind() == BoardEvent.Kind.RESET || event.kind() == BoardEvent.Kind.CRASH)) {
                    reader.cutBy("the board reset while the agent ran; the objects before it are kept")
                            .ifPresent(result::complete);
                }
            }
        });
        // the reader belongs to the session thread: a cancel cuts it there, keeping what arrived
        watch.onCancel(why -> session.snapshot().thenRun(() -> {
            if (!result.isDone()) {
                reader.cutBy(why).ifPresentOrElse(result::complete, () -> result.completeExceptionally(
                        new IllegalStateException("cancelled before the agent's first line came")));
            }
        }));
        ScriptUpload upload = new ScriptUpload(FILE_NAME, agent);
        upload.sendUnlessPresent(session).thenCompose(ok -> session.execute(upload.dofile())).whenComplete((answer, failure) -> {
            if (failure != null) {
                result.completeExceptionally(failure);
            } else if (answer.failed()) {
                result.completeExceptionally(new IllegalStateException("the agent failed: " + answer.luaError()));
            }
        });
        // the session thread owns the reader; a snapshot still open when the board falls silent is cut there
        return result.completeOnTimeout(null, timeoutMillis, TimeUnit.MILLISECONDS).thenCompose(snapshot -> snapshot != null
                ? CompletableFuture.completedFuture(snapshot)
                : session.snapshot().thenApply(ignored -> reader.finish().orElseThrow(() ->
                        new IllegalStateException("the agent printed no snapshot (is its output going elsewhere?)"))));
    }
}
