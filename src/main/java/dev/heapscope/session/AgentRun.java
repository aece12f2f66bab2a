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
    // what one object line costs on the wire ("~HO 123 45 table 52 .entries" and its line end): 27.8 bytes on
    // average measured for 2,000 objects (AgentWireBench, docs/PERFORMANCE.md)
    static final int BYTES_PER_OBJECT = 28;
    // the agent's BATCH: after so many objects its walk yields through node.task.post
    static final int OBJECTS_PER_YIELD = 48;
    // a batch's cost beyond its bytes: the walk itself and the wait for the posted task. On the virtual board, since
    // sim --pty paces through the UART's 128-byte FIFO, the begin-to-end time of 2,010 objects (42 batches) is the
    // bytes' time within 4 ms a batch (UploadRoundTripBench; 44-100 ms a batch before, when every echoed byte slept
    // a millisecond). A real board's task queue runs the task at once but its interpreter walks more slowly: not
    // measured, so a margin of 10 ms a batch.
    static final double SECONDS_PER_YIELD = 0.010;

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
     * Seconds a snapshot takes at {@code baudRate} on a board that was not timed, the agent's upload included (the
     * most it takes): see {@link #wireTime}.
     */
    public double wireSeconds(int baudRate, long objects) {
        return wireTime(WireTime.at(baudRate), objects).total(true);
    }

    /**
     * What one snapshot of a heap of about {@code objects} objects takes on {@code wire}: the agent's upload (its
     * lines and the read-back check) when the board lacks it; then the probe that finds out, {@code dofile}, and the
     * agent's lines with the walk's yields.
     */
    public UploadedRunTime wireTime(WireTime wire, long objects) {
        ScriptUpload upload = new ScriptUpload(FILE_NAME, agent);
        long yields = (Math.max(0, objects) + OBJECTS_PER_YIELD - 1) / OBJECTS_PER_YIELD;
        double run = wire.typed(upload.probeLines()) + wire.typed(java.util.List.of(upload.dofile()))
                + wire.printed(Math.max(0, objects) * BYTES_PER_OBJECT) + yields * SECONDS_PER_YIELD;
        return new UploadedRunTime(wire.typed(upload.uploadLines()), run);
    }

    /** Whether the board's flash already holds this agent (two probe lines; nothing is left behind). */
    public CompletableFuture<Boolean> onBoard(ProfilingSession session) {
        return new ScriptUpload(FILE_NAME, agent).isPresent(session);
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
